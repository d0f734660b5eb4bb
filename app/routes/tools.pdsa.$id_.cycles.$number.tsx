import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { EquityQuestions } from '~/components/tools/equity-questions'
import { ActForm, CycleReadOnly, DoForm, PhaseCard, PlanForm, StudyForm } from '~/components/tools/pdsa-cycle'
import { resultFor } from '~/components/tools/pdsa-fields'
import { artifactPath } from '~/domain/artifacts'
import { ActSchema, cycleOrigin, DoSchema, firstMessage, PDSA_EQUITY_PHASES, PDSA_MAX_CYCLES, PlanSchema, startsFromText, StudySchema } from '~/domain/pdsa'
import { getPdsaCycle, updateCyclePhase } from '~/models/pdsa.server'
import { requireArtifactAccess, requireArtifactAuthor } from '~/utils/artifacts.server'
import { requireUser } from '~/utils/auth.server'
import { getEquityPhase } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Cycle ${data.cycle.number} · ${data.artifact.title} · SILA Academy` : 'PDSA cycle · SILA Academy' },
]

/** A cycle number from the address: a whole number a ramp can hold, or nothing (answered with a 404). */
const CYCLE_NUMBER = /^[1-9]\d{0,2}$/

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { artifact, viewer } = await requireArtifactAccess(user, params.id ?? '', 'pdsa')
  const number = CYCLE_NUMBER.test(params.number ?? '') ? Number(params.number) : 0
  const found = number > 0 && number <= PDSA_MAX_CYCLES ? await getPdsaCycle({ artifactId: artifact.id, number }) : null
  if (!found) throw new Response('Not found', { status: 404 })
  const origin = found.previous ? cycleOrigin(found.previous) : null
  return json({
    artifact: { id: artifact.id, title: artifact.title, fellowName: artifact.fellowName },
    canEdit: viewer === 'author',
    cycle: found.cycle,
    startsFrom: origin ? startsFromText(origin.from) : null,
    adapting: origin?.adapting ?? null,
    lastNumber: found.lastNumber,
    questions: {
      plan: getEquityPhase(PDSA_EQUITY_PHASES.plan),
      learn: getEquityPhase(PDSA_EQUITY_PHASES.study),
      act: getEquityPhase(PDSA_EQUITY_PHASES.act),
    },
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const artifact = await requireArtifactAuthor(user, params.id ?? '', 'pdsa')
  const number = CYCLE_NUMBER.test(params.number ?? '') ? Number(params.number) : 0
  const formData = await readForm(request)
  const intent = formData.get('intent')
  const notFound = { ok: false, form: '', message: 'This work has no such cycle.' }

  if (intent === 'plan') {
    const submission = parseWithZod(formData, { schema: PlanSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'plan', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const { intent: _intent, ...values } = submission.value
    if (!(await updateCyclePhase({ artifactId: artifact.id, number, values }))) return json(notFound, { status: 404 })
    return json({ ok: true, form: 'plan', message: 'Plan saved.', result: submission.reply() })
  }
  if (intent === 'do') {
    const submission = parseWithZod(formData, { schema: DoSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'do', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    if (!(await updateCyclePhase({ artifactId: artifact.id, number, values: { doNotes: submission.value.doNotes } }))) return json(notFound, { status: 404 })
    return json({ ok: true, form: 'do', message: 'Do notes saved.', result: submission.reply() })
  }
  if (intent === 'study') {
    const submission = parseWithZod(formData, { schema: StudySchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'study', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    if (!(await updateCyclePhase({ artifactId: artifact.id, number, values: { studyNotes: submission.value.studyNotes } }))) return json(notFound, { status: 404 })
    return json({ ok: true, form: 'study', message: 'Study notes saved.', result: submission.reply() })
  }
  if (intent === 'act') {
    const submission = parseWithZod(formData, { schema: ActSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'act', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const { act, actNotes } = submission.value
    if (!(await updateCyclePhase({ artifactId: artifact.id, number, values: { act, actNotes } }))) return json(notFound, { status: 404 })
    return json({ ok: true, form: 'act', message: 'Decision saved. The next cycle starts from it.', result: submission.reply() })
  }
  return json({ ok: false, form: '', message: 'That request could not be read.' }, { status: 400 })
}

export default function PdsaCycle() {
  const { artifact, canEdit, cycle, startsFrom, adapting, lastNumber, questions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const messageFor = (form: string) => (data?.form === form ? data : undefined)
  const rampPath = artifactPath('pdsa', artifact.id)
  return (
    <>
      <PageHeader title={`Cycle ${cycle.number}`}>
        <p>
          Part of{' '}
          <Link to={rampPath} className="text-brand-800 underline underline-offset-4">
            {artifact.title}
          </Link>
          {canEdit ? '.' : `, by ${artifact.fellowName}. You are reading it; only ${artifact.fellowName} can change it.`}
        </p>
        {startsFrom ? <p className="mt-2 font-semibold text-slate-900">{startsFrom}</p> : null}
      </PageHeader>
      <nav aria-label="Cycles" className="mb-6 flex gap-4 text-sm">
        {cycle.number > 1 ? (
          <Link to={`${rampPath}/cycles/${cycle.number - 1}`} className="text-brand-800 underline underline-offset-4">
            Cycle {cycle.number - 1}
          </Link>
        ) : null}
        {cycle.number < lastNumber ? (
          <Link to={`${rampPath}/cycles/${cycle.number + 1}`} className="text-brand-800 underline underline-offset-4">
            Cycle {cycle.number + 1}
          </Link>
        ) : null}
        <Link to={`${rampPath}#cycles-heading`} className="text-brand-800 underline underline-offset-4">
          All cycles and run charts
        </Link>
      </nav>
      <ActionMessage result={messageFor('')} />

      <div className="space-y-10">
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <PhaseCard id="plan-heading" title="Plan" lead="The change idea, what you predict, and who will do what, when, where, measured how.">
            <ActionMessage result={messageFor('plan')} />
            {canEdit ? <PlanForm cycle={cycle} adapting={adapting} lastResult={resultFor(data, 'plan')} /> : <CycleReadOnly cycle={cycle} phase="plan" />}
          </PhaseCard>
          <EquityQuestions phase={questions.plan} />
        </div>

        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <div className="space-y-6">
            <PhaseCard id="do-heading" title="Do" lead="Run the test as planned, and note what happened.">
              <ActionMessage result={messageFor('do')} />
              {canEdit ? <DoForm cycle={cycle} lastResult={resultFor(data, 'do')} /> : <CycleReadOnly cycle={cycle} phase="do" />}
            </PhaseCard>
            <PhaseCard id="study-heading" title="Study" lead="Set the results beside the prediction: what did you learn?">
              <ActionMessage result={messageFor('study')} />
              {canEdit ? <StudyForm cycle={cycle} lastResult={resultFor(data, 'study')} /> : <CycleReadOnly cycle={cycle} phase="study" />}
            </PhaseCard>
          </div>
          <EquityQuestions phase={questions.learn} />
        </div>

        <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
          <PhaseCard id="act-heading" title="Act" lead="Adopt, adapt or abandon the change. The next cycle starts from this decision.">
            <ActionMessage result={messageFor('act')} />
            {canEdit ? <ActForm cycle={cycle} lastResult={resultFor(data, 'act')} /> : <CycleReadOnly cycle={cycle} phase="act" />}
            {canEdit && cycle.act && cycle.number === lastNumber ? (
              <p className="mt-4">
                <Link to={`${rampPath}#cycles-heading`} className="font-semibold text-brand-800 underline underline-offset-4">
                  Start cycle {cycle.number + 1}
                </Link>
              </p>
            ) : null}
          </PhaseCard>
          <EquityQuestions phase={questions.act} />
        </div>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
