import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { EquityQuestions } from '~/components/tools/equity-questions'
import { resultFor } from '~/components/tools/pdsa-fields'
import { AddMeasureForm, CycleList, MeasurePanel, RampDetails, StartCycleForm } from '~/components/tools/pdsa-ramp'
import { artifactPath } from '~/domain/artifacts'
import {
  dataPointSchema,
  DeletePointSchema,
  firstMessage,
  MeasureSchema,
  nextCycle,
  PDSA_EQUITY_PHASES,
  PDSA_MAX_MEASURES,
  PDSA_MAX_POINTS_PER_MEASURE,
  RampSchema,
  StartCycleSchema,
} from '~/domain/pdsa'
import { academyDate } from '~/domain/schedule'
import { listArtifacts } from '~/models/artifact.server'
import { addCycle, addDataPoint, addMeasure, deleteDataPoint, getPdsa, updateRamp } from '~/models/pdsa.server'
import { requireArtifactAccess, requireArtifactAuthor } from '~/utils/artifacts.server'
import { requireUser } from '~/utils/auth.server'
import { getEquityPhase } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.artifact.title ?? 'PDSA cycles'} · SILA Academy` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { artifact, viewer } = await requireArtifactAccess(user, params.id ?? '', 'pdsa')
  const pdsa = await getPdsa({ artifactId: artifact.id })
  if (!pdsa) throw new Response('Not found', { status: 404 })
  const canEdit = viewer === 'author'
  const fishbones = canEdit ? await listArtifacts({ fellowId: artifact.fellowId, kind: 'fishbone' }) : []
  return json({
    artifact: { id: artifact.id, title: artifact.title, fellowName: artifact.fellowName },
    canEdit,
    ramp: pdsa.ramp,
    cycles: pdsa.cycles,
    measures: pdsa.measures,
    fishbones: fishbones.map((f) => ({ id: f.id, title: f.title })),
    next: nextCycle({ last: pdsa.cycles.at(-1) ?? null, count: pdsa.cycles.length }),
    today: academyDate(new Date()),
    aimQuestions: getEquityPhase(PDSA_EQUITY_PHASES.aim),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const artifact = await requireArtifactAuthor(user, params.id ?? '', 'pdsa')
  const formData = await readForm(request)
  const intent = formData.get('intent')

  if (intent === 'ramp') {
    const submission = parseWithZod(formData, { schema: RampSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'ramp', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const { title, problem, aim, fishboneId } = submission.value
    const saved = await updateRamp({ artifactId: artifact.id, fellowId: artifact.fellowId, title, problem, aim, fishboneId: fishboneId ?? null })
    if (!saved.ok) {
      const message = 'Choose one of your own fishbones, or none.'
      return json({ ok: false, form: 'ramp', message, result: submission.reply({ fieldErrors: { fishboneId: [message] } }) }, { status: 400 })
    }
    return json({ ok: true, form: 'ramp', message: 'Problem and aim saved.', result: submission.reply() })
  }

  if (intent === 'start-cycle') {
    const submission = parseWithZod(formData, { schema: StartCycleSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'start-cycle', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const started = await addCycle({ artifactId: artifact.id, changeIdea: submission.value.changeIdea })
    if (!started.ok) return json({ ok: false, form: 'start-cycle', message: started.message, result: submission.reply({ formErrors: [started.message] }) }, { status: 409 })
    return redirect(`${artifactPath('pdsa', artifact.id)}/cycles/${started.number}`)
  }

  if (intent === 'add-measure') {
    const submission = parseWithZod(formData, { schema: MeasureSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'add-measure', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const added = await addMeasure({ artifactId: artifact.id, name: submission.value.name, unit: submission.value.unit })
    if (!added.ok) {
      const message = `This work already has ${PDSA_MAX_MEASURES} measures, the most it can hold.`
      return json({ ok: false, form: 'add-measure', message, result: submission.reply({ formErrors: [message] }) }, { status: 409 })
    }
    return json({ ok: true, form: 'add-measure', message: `Measure “${submission.value.name}” added.`, result: submission.reply({ resetForm: true }) })
  }

  if (intent === 'add-point') {
    const form = `point-${String(formData.get('measureId') ?? '')}`
    const submission = parseWithZod(formData, { schema: dataPointSchema(academyDate(new Date())) })
    if (submission.status !== 'success') return json({ ok: false, form, message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const { measureId, cycleId, observedOn, value, note } = submission.value
    const added = await addDataPoint({ artifactId: artifact.id, measureId, cycleId: cycleId ?? null, observedOn, value, note })
    if (!added.ok) {
      const refusal = {
        'measure-not-found': { status: 404, message: 'That measure is not part of this work.' },
        'cycle-not-found': { status: 404, message: 'That cycle is not part of this work.' },
        limit: { status: 409, message: `This measure already has ${PDSA_MAX_POINTS_PER_MEASURE} data points, the most it can hold.` },
      }[added.reason]
      return json({ ok: false, form, message: refusal.message, result: submission.reply({ formErrors: [refusal.message] }) }, { status: refusal.status })
    }
    return json({ ok: true, form, message: `Data point of ${observedOn} added.`, result: submission.reply({ resetForm: true }) })
  }

  if (intent === 'delete-point') {
    const submission = parseWithZod(formData, { schema: DeletePointSchema })
    if (submission.status !== 'success') return json({ ok: false, form: 'delete-point', message: firstMessage(submission.error), result: submission.reply() }, { status: 400 })
    const deleted = await deleteDataPoint({ artifactId: artifact.id, pointId: submission.value.pointId })
    if (!deleted) return json({ ok: false, form: 'delete-point', message: 'That data point is not part of this work.' }, { status: 404 })
    return json({ ok: true, form: 'delete-point', message: 'Data point removed.' })
  }

  return json({ ok: false, form: '', message: 'That request could not be read.' }, { status: 400 })
}

export default function PdsaRamp() {
  const { artifact, canEdit, ramp, cycles, measures, fishbones, next, today, aimQuestions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const messageFor = (form: string) => (data?.form === form ? data : undefined)
  // A post whose form is not on the page (a removed point, a measure that is not this work's) answers at the top.
  const forms = ['ramp', 'start-cycle', 'add-measure', ...measures.map((m) => `point-${m.id}`)]
  const unplaced = data && !forms.includes(data.form) ? data : undefined
  return (
    <>
      <PageHeader title={artifact.title}>
        <p>
          {canEdit
            ? 'Your PDSA cycles. Your coach and academy staff can read them.'
            : `PDSA cycles by ${artifact.fellowName}. You are reading them; only ${artifact.fellowName} can change them.`}{' '}
          <Link to="/tools" className="text-brand-800 underline underline-offset-4">
            Back to improvement tools
          </Link>
        </p>
      </PageHeader>
      <ActionMessage result={unplaced} />

      <section aria-labelledby="problem-heading" className="mb-10 grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="problem-heading" className="mb-4 text-xl font-semibold">
            Problem and aim
          </h2>
          <ActionMessage result={messageFor('ramp')} />
          <RampDetails title={artifact.title} ramp={ramp} fishbones={fishbones} canEdit={canEdit} lastResult={resultFor(data, 'ramp')} />
        </div>
        <EquityQuestions phase={aimQuestions} />
      </section>

      <section aria-labelledby="cycles-heading" className="mb-10 space-y-4">
        <h2 id="cycles-heading" className="text-xl font-semibold">
          Cycles
        </h2>
        <CycleList artifactId={artifact.id} cycles={cycles} />
        {canEdit ? (
          <>
            <ActionMessage result={messageFor('start-cycle')} />
            <StartCycleForm next={next} lastResult={resultFor(data, 'start-cycle')} />
          </>
        ) : null}
      </section>

      <section aria-labelledby="measures-heading" className="space-y-6">
        <h2 id="measures-heading" className="text-xl font-semibold">
          Measures and run charts
        </h2>
        <p className="text-slate-700">
          Each chart shows a measure’s data points in date order with their median. It names a shift (6 or more points in a row on one side of the median)
          and a trend (5 or more points in a row rising or falling); with fewer than 10 points, treat either with caution.
        </p>
        {measures.length === 0 ? <p className="text-slate-700">No measures yet.</p> : null}
        {measures.map((measure) => (
          <div key={measure.id} className="space-y-2">
            <ActionMessage result={messageFor(`point-${measure.id}`)} />
            <MeasurePanel measure={measure} cycles={cycles} today={today} canEdit={canEdit} lastResult={resultFor(data, `point-${measure.id}`)} />
          </div>
        ))}
        {canEdit ? (
          <>
            <ActionMessage result={messageFor('add-measure')} />
            <AddMeasureForm lastResult={resultFor(data, 'add-measure')} />
          </>
        ) : null}
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
