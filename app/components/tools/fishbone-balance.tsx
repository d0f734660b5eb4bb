import { balanceSentence, type BoneNode, causeBalance, flattenCauses } from '~/domain/fishbone'
import { LOCUS_COLOURS } from './fishbone-diagram'

/**
 * How many causes locate the problem in people and how many in the system; when most sit in
 * people, the first equity-centered improvement question, in our words.
 */
export function FishboneBalance({ bones, author }: { bones: BoneNode[]; author: boolean }) {
  const balance = causeBalance(flattenCauses(bones))
  const peopleWidth = balance.peopleShare === null ? 0 : Math.round(balance.peopleShare * 1000) / 10
  return (
    <section aria-labelledby="balance-heading" className="rounded-lg bg-white p-6 shadow-sm print:shadow-none">
      <h2 id="balance-heading" className="text-xl font-semibold">
        People or system?
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        <div>
          <dt className="text-sm font-semibold text-slate-700">
            <span aria-hidden="true">● </span>In people
          </dt>
          <dd className="text-3xl font-semibold text-slate-900">{balance.people}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-slate-700">
            <span aria-hidden="true">■ </span>In the system
          </dt>
          <dd className="text-3xl font-semibold text-slate-900">{balance.system}</dd>
        </div>
      </dl>
      {balance.total > 0 ? (
        <svg aria-hidden="true" viewBox="0 0 100 4" preserveAspectRatio="none" className="mt-3 h-3 w-full">
          <rect x={0} y={0} width={peopleWidth} height={4} fill={LOCUS_COLOURS.people} />
          <rect x={peopleWidth} y={0} width={100 - peopleWidth} height={4} fill={LOCUS_COLOURS.system} />
        </svg>
      ) : null}
      <p className="mt-3 text-slate-800">{balanceSentence(balance)}</p>
      {balance.mostInPeople ? (
        <div className="mt-4 rounded border-l-4 border-amber-700 bg-amber-50 p-4">
          <p className="font-semibold text-slate-900">
            Most of {author ? 'your' : 'these'} causes place the problem in people.
          </p>
          <p className="mt-1 text-slate-900">
            Where is the system letting students down here? Which schedules, policies, structures or routines make this
            pattern likely, whoever the people involved are?
          </p>
        </div>
      ) : null}
    </section>
  )
}
