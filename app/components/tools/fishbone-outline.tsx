import { Form } from '@remix-run/react'
import { useEffect, useRef, type ReactNode } from 'react'
import { ActionMessage } from '~/components/forms'
import {
  type BoneNode,
  canHoldSubCauses,
  causesUnder,
  CAUSE_LOCI,
  type CauseLocus,
  type CauseNode,
  type Direction,
  FISHBONE_LIMITS,
  type FishboneReply,
  flattenCauses,
  LOCUS_LABELS,
  shortLabel,
} from '~/domain/fishbone'

/** Where on the page an action's outcome is shown and focus goes: one id per place, shared with the action. */
export const PLACES = { outline: 'outline-heading', problem: 'problem', addBone: 'add-bone' } as const
export const bonePlace = (id: string) => `bone-${id}`
export const causePlace = (id: string) => `cause-${id}`
export const addPlace = (targetId: string) => `add-${targetId}`

/** The place an intent's outcome belongs to, from the fields it posted (which may be malformed). */
export function actionPlace(fields: { intent?: string; boneId?: string; causeId?: string; parentId?: string }) {
  switch (fields.intent) {
    case 'edit-problem':
      return PLACES.problem
    case 'add-bone':
      return PLACES.addBone
    case 'rename-bone':
    case 'move-bone':
    case 'delete-bone':
      return fields.boneId ? bonePlace(fields.boneId) : undefined
    case 'add-cause': {
      const target = fields.parentId || fields.boneId
      return target ? addPlace(target) : undefined
    }
    case 'edit-cause':
    case 'move-cause':
    case 'delete-cause':
      return fields.causeId ? causePlace(fields.causeId) : undefined
    default:
      return undefined
  }
}

function placesOf(bones: BoneNode[], editable: boolean) {
  const places = new Set<string>([PLACES.problem, PLACES.outline])
  if (editable) places.add(PLACES.addBone)
  for (const bone of bones) {
    places.add(bonePlace(bone.id))
    if (editable) places.add(addPlace(bone.id))
  }
  for (const cause of flattenCauses(bones)) {
    places.add(causePlace(cause.id))
    if (editable && canHoldSubCauses(cause.depth)) places.add(addPlace(cause.id))
  }
  return places
}

const input = 'block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900'
const smallButton = 'rounded border border-slate-400 bg-white px-2 py-1 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-50'
const summary = 'cursor-pointer rounded px-1 text-sm font-semibold text-brand-800 underline underline-offset-4'

function Named({ children }: { children: ReactNode }) {
  return <span className="sr-only"> {children}</span>
}

function quoted(text: string) {
  return `‘${shortLabel(text)}’`
}

/**
 * The fishbone as an outline: the text alternative to the drawing for everyone, and for its author
 * the editing surface, where every control is a plain form that works without JavaScript and says
 * which bone or cause it acts on.
 */
export function FishboneOutline({
  problem,
  bones,
  editable,
  result,
}: {
  problem: string
  bones: BoneNode[]
  editable: boolean
  result: FishboneReply | undefined
}) {
  const places = placesOf(bones, editable)
  const at = result?.at !== undefined && places.has(result.at) ? result.at : PLACES.outline
  useEffect(() => {
    // After a post (with JavaScript), take focus to where its outcome is shown.
    if (result) document.getElementById(at)?.focus()
  }, [result, at])
  const shown = (place: string) => (result && at === place ? result : undefined)
  const total = flattenCauses(bones).length

  return (
    <section aria-labelledby={PLACES.outline} className="mt-8 rounded-lg bg-white p-6 shadow-sm print:shadow-none">
      <h2 id={PLACES.outline} tabIndex={-1} className="text-xl font-semibold">
        Outline
      </h2>
      <p className="mt-1 text-sm text-slate-700">
        The same content as the diagram{editable ? ', and where you change it' : ''}.
      </p>
      <div className="mt-3">
        <ActionMessage result={shown(PLACES.outline)} />
      </div>

      <h3 id={PLACES.problem} tabIndex={-1} className="mt-4 text-lg font-semibold">
        Problem
      </h3>
      <ActionMessage result={shown(PLACES.problem)} />
      <p className="whitespace-pre-wrap text-slate-900">{problem}</p>
      {editable ? <EditProblem problem={problem} open={Boolean(shown(PLACES.problem))} /> : null}

      <h3 className="mt-6 text-lg font-semibold">Bones</h3>
      {bones.length === 0 ? <p className="text-slate-700">No bones yet.</p> : null}
      <ol className="mt-2 space-y-6">
        {bones.map((bone, index) => (
          <BoneItem key={bone.id} bone={bone} first={index === 0} last={index === bones.length - 1} editable={editable} total={total} shown={shown} />
        ))}
      </ol>
      {editable ? <AddBone count={bones.length} result={shown(PLACES.addBone)} /> : null}
    </section>
  )
}

type Shown = (place: string) => FishboneReply | undefined

function BoneItem({ bone, first, last, editable, total, shown }: { bone: BoneNode; first: boolean; last: boolean; editable: boolean; total: number; shown: Shown }) {
  const count = causesUnder(bone.causes).length
  const name = quoted(bone.label)
  return (
    <li className="border-l-4 border-brand-600 pl-4">
      <h4 id={bonePlace(bone.id)} tabIndex={-1} className="text-base font-semibold text-brand-800">
        {bone.label} <span className="font-normal text-slate-600">({count === 1 ? '1 cause' : `${count} causes`})</span>
      </h4>
      <ActionMessage result={shown(bonePlace(bone.id))} />
      {editable ? (
        <div className="mt-2 flex flex-wrap items-start gap-2 print:hidden">
          <MoveButton intent="move-bone" field="boneId" id={bone.id} direction="up" disabled={first} name={name} />
          <MoveButton intent="move-bone" field="boneId" id={bone.id} direction="down" disabled={last} name={name} />
          <details className="rounded">
            <summary className={summary}>
              Rename<Named>{name}</Named>
            </summary>
            <Form method="post" preventScrollReset className="mt-2 flex flex-wrap items-end gap-2">
              <input type="hidden" name="intent" value="rename-bone" />
              <input type="hidden" name="boneId" value={bone.id} />
              <div>
                <label htmlFor={`rename-${bone.id}`} className="block text-sm font-semibold text-slate-800">
                  New name for {name}
                </label>
                <input id={`rename-${bone.id}`} name="label" required maxLength={FISHBONE_LIMITS.boneLabel} defaultValue={bone.label} className={input} />
              </div>
              <button type="submit" className={smallButton}>
                Save name<Named>for {name}</Named>
              </button>
            </Form>
          </details>
          <details className="rounded">
            <summary className={summary}>
              Delete<Named>bone {name}</Named>
            </summary>
            <Form method="post" preventScrollReset className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="delete-bone" />
              <input type="hidden" name="boneId" value={bone.id} />
              <p className="text-sm text-slate-800">
                This removes {name}
                {count > 0 ? ` and its ${count === 1 ? 'cause' : `${count} causes`}` : ''}.
              </p>
              <button type="submit" className={smallButton}>
                Yes, delete<Named>bone {name}</Named>
              </button>
            </Form>
          </details>
        </div>
      ) : null}
      {bone.causes.length > 0 ? (
        <ul className="mt-3 space-y-3">
          {bone.causes.map((cause, index) => (
            <CauseItem key={cause.id} cause={cause} boneId={bone.id} first={index === 0} last={index === bone.causes.length - 1} editable={editable} total={total} shown={shown} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-slate-700">No causes yet.</p>
      )}
      {editable ? <AddCause boneId={bone.id} parent={null} targetName={name} count={bone.causes.length} total={total} result={shown(addPlace(bone.id))} /> : null}
    </li>
  )
}

function CauseItem({
  cause,
  boneId,
  first,
  last,
  editable,
  total,
  shown,
}: {
  cause: CauseNode
  boneId: string
  first: boolean
  last: boolean
  editable: boolean
  total: number
  shown: Shown
}) {
  const name = quoted(cause.text)
  const below = causesUnder(cause.causes).length
  return (
    <li className={cause.depth > 0 ? 'border-l-2 border-dashed border-slate-300 pl-3' : ''}>
      <p id={causePlace(cause.id)} tabIndex={-1} className="text-slate-900">
        <LocusBadge locus={cause.locus} /> {cause.text}
      </p>
      {cause.evidence ? (
        <p className="mt-1 whitespace-pre-wrap text-sm text-slate-700">
          <span className="font-semibold">Evidence:</span> {cause.evidence}
        </p>
      ) : (
        <p className="mt-1 text-sm text-slate-600">No evidence noted.</p>
      )}
      <ActionMessage result={shown(causePlace(cause.id))} />
      {editable ? (
        <div className="mt-2 flex flex-wrap items-start gap-2 print:hidden">
          <MoveButton intent="move-cause" field="causeId" id={cause.id} direction="up" disabled={first} name={name} />
          <MoveButton intent="move-cause" field="causeId" id={cause.id} direction="down" disabled={last} name={name} />
          <details className="rounded">
            <summary className={summary}>
              Edit<Named>{name}</Named>
            </summary>
            <Form method="post" preventScrollReset className="mt-2 space-y-3 rounded border border-slate-200 p-3">
              <input type="hidden" name="intent" value="edit-cause" />
              <input type="hidden" name="causeId" value={cause.id} />
              <CauseFields formId={`edit-${cause.id}`} label="Cause" cause={cause} />
              <button type="submit" className={smallButton}>
                Save<Named>changes to {name}</Named>
              </button>
            </Form>
          </details>
          <details className="rounded">
            <summary className={summary}>
              Delete<Named>{name}</Named>
            </summary>
            <Form method="post" preventScrollReset className="mt-2 space-y-2">
              <input type="hidden" name="intent" value="delete-cause" />
              <input type="hidden" name="causeId" value={cause.id} />
              {below > 0 ? <p className="text-sm text-slate-800">This also removes the {below === 1 ? 'sub-cause' : `${below} sub-causes`} under it.</p> : null}
              <button type="submit" className={smallButton}>
                Yes, delete<Named>{name}</Named>
              </button>
            </Form>
          </details>
        </div>
      ) : null}
      {cause.causes.length > 0 ? (
        <ul className="mt-3 space-y-3 pl-4">
          {cause.causes.map((child, index) => (
            <CauseItem key={child.id} cause={child} boneId={boneId} first={index === 0} last={index === cause.causes.length - 1} editable={editable} total={total} shown={shown} />
          ))}
        </ul>
      ) : null}
      {editable && canHoldSubCauses(cause.depth) ? (
        <AddCause boneId={boneId} parent={cause.id} targetName={name} count={cause.causes.length} total={total} result={shown(addPlace(cause.id))} />
      ) : null}
    </li>
  )
}

function LocusBadge({ locus }: { locus: CauseLocus }) {
  return (
    <span
      className={`mr-1 inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold ${
        locus === 'people' ? 'bg-amber-50 text-amber-900 ring-1 ring-amber-700' : 'bg-blue-50 text-blue-900 ring-1 ring-blue-700'
      }`}
    >
      <span aria-hidden="true">{locus === 'people' ? '●' : '■'}</span>
      {LOCUS_LABELS[locus]}
      <span className="sr-only">:</span>
    </span>
  )
}

function MoveButton({ intent, field, id, direction, disabled, name }: { intent: 'move-bone' | 'move-cause'; field: 'boneId' | 'causeId'; id: string; direction: Direction; disabled: boolean; name: string }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={field} value={id} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" disabled={disabled} className={smallButton}>
        Move {direction}
        <Named>{name}</Named>
      </button>
    </Form>
  )
}

/** Text, locus and evidence of a cause; the locus is a required choice, never a default. */
function CauseFields({ formId, label, cause }: { formId: string; label: string; cause?: CauseNode }) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${formId}-text`} className="block text-sm font-semibold text-slate-800">
          {label}
        </label>
        <input id={`${formId}-text`} name="text" required maxLength={FISHBONE_LIMITS.causeText} defaultValue={cause?.text} className={input} />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-800">Where does it locate the problem?</legend>
        <div className="flex flex-wrap gap-4">
          {CAUSE_LOCI.map((locus) => (
            <label key={locus} className="inline-flex items-center gap-2 text-slate-900">
              <input type="radio" name="locus" value={locus} required defaultChecked={cause?.locus === locus} />
              {LOCUS_LABELS[locus]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1">
        <label htmlFor={`${formId}-evidence`} className="block text-sm font-semibold text-slate-800">
          Evidence (optional)
        </label>
        <p id={`${formId}-evidence-hint`} className="text-sm text-slate-600">
          What you saw, heard or counted that shows it.
        </p>
        <textarea
          id={`${formId}-evidence`}
          name="evidence"
          rows={2}
          maxLength={FISHBONE_LIMITS.evidence}
          defaultValue={cause?.evidence}
          aria-describedby={`${formId}-evidence-hint`}
          className={input}
        />
      </div>
    </>
  )
}

/** Clears a form once what it adds has arrived (with JavaScript; without it the page reloads empty). */
function useResetWhenAdded(count: number) {
  const form = useRef<HTMLFormElement>(null)
  const previous = useRef(count)
  useEffect(() => {
    if (count > previous.current) form.current?.reset()
    previous.current = count
  }, [count])
  return form
}

function AddCause({
  boneId,
  parent,
  targetName,
  count,
  total,
  result,
}: {
  boneId: string
  parent: string | null
  targetName: string
  count: number
  total: number
  result: FishboneReply | undefined
}) {
  const form = useResetWhenAdded(count)
  const place = addPlace(parent ?? boneId)
  return (
    <details open={result ? true : undefined} className="mt-3 print:hidden">
      <summary className={summary}>
        {parent ? 'Add a sub-cause' : 'Add a cause'}
        <Named>{parent ? `under ${targetName}` : `to ${targetName}`}</Named>
      </summary>
      <Form ref={form} id={place} tabIndex={-1} method="post" preventScrollReset className="mt-2 max-w-xl space-y-3 rounded border border-slate-200 p-3">
        <ActionMessage result={result} />
        <input type="hidden" name="intent" value="add-cause" />
        <input type="hidden" name="boneId" value={boneId} />
        {parent ? <input type="hidden" name="parentId" value={parent} /> : null}
        {total >= FISHBONE_LIMITS.causes ? (
          <p className="text-sm text-slate-800">This fishbone holds the most causes it can ({FISHBONE_LIMITS.causes}). Combine or remove some to add another.</p>
        ) : (
          <>
            <CauseFields formId={place} label={parent ? 'Sub-cause' : 'Cause'} />
            <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
              {parent ? 'Add sub-cause' : 'Add cause'}
              <Named>{parent ? `under ${targetName}` : `to ${targetName}`}</Named>
            </button>
          </>
        )}
      </Form>
    </details>
  )
}

function AddBone({ count, result }: { count: number; result: FishboneReply | undefined }) {
  const form = useResetWhenAdded(count)
  return (
    <Form ref={form} id={PLACES.addBone} tabIndex={-1} method="post" preventScrollReset className="mt-8 max-w-xl space-y-2 border-t border-slate-200 pt-4 print:hidden">
      <ActionMessage result={result} />
      <input type="hidden" name="intent" value="add-bone" />
      {count >= FISHBONE_LIMITS.bones ? (
        <p className="text-sm text-slate-800">A fishbone holds at most {FISHBONE_LIMITS.bones} bones.</p>
      ) : (
        <div className="flex flex-wrap items-end gap-2">
          <div className="grow">
            <label htmlFor="new-bone-label" className="block text-sm font-semibold text-slate-800">
              Name of a new bone
            </label>
            <input id="new-bone-label" name="label" required maxLength={FISHBONE_LIMITS.boneLabel} className={input} />
          </div>
          <button type="submit" className="rounded bg-brand-700 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-800">
            Add bone
          </button>
        </div>
      )}
    </Form>
  )
}

function EditProblem({ problem, open }: { problem: string; open: boolean }) {
  return (
    <details open={open ? true : undefined} className="mt-2 print:hidden">
      <summary className={summary}>Edit the problem statement</summary>
      <Form method="post" preventScrollReset className="mt-2 max-w-xl space-y-2">
        <input type="hidden" name="intent" value="edit-problem" />
        <label htmlFor="edit-problem" className="block text-sm font-semibold text-slate-800">
          Problem statement
        </label>
        <textarea id="edit-problem" name="problem" rows={3} required maxLength={FISHBONE_LIMITS.problem} defaultValue={problem} className={input} />
        <button type="submit" className={smallButton}>
          Save the problem statement
        </button>
      </Form>
    </details>
  )
}
