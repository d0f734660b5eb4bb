import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PageHeader } from '~/components/page-header'
import { EquityQuestions } from '~/components/tools/equity-questions'
import { FishboneBalance } from '~/components/tools/fishbone-balance'
import { FishboneDiagram } from '~/components/tools/fishbone-diagram'
import { actionPlace, addPlace, bonePlace, causePlace, FishboneOutline, PLACES } from '~/components/tools/fishbone-outline'
import { PrintButton } from '~/components/tools/print-button'
import { BoneLabelSchema, buildFishboneTree, CauseSchema, DirectionSchema, fishboneReply, ProblemSchema } from '~/domain/fishbone'
import {
  addBone,
  addCause,
  deleteBone,
  deleteCause,
  getFishbone,
  moveBone,
  moveCause,
  renameBone,
  updateCause,
  updateProblem,
} from '~/models/fishbone.server'
import { requireUser } from '~/utils/auth.server'
import { requireArtifactAccess, requireArtifactAuthor } from '~/utils/artifacts.server'
import { getEquityPhase } from '~/utils/content.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? 'Fishbone'} · Fishbone · SILA Academy` }]

const IdSchema = z.string({ required_error: 'That request could not be read.' }).uuid('That request could not be read.')

const ActionSchema = z.discriminatedUnion(
  'intent',
  [
    z.object({ intent: z.literal('edit-problem'), problem: ProblemSchema }),
    z.object({ intent: z.literal('add-bone'), label: BoneLabelSchema }),
    z.object({ intent: z.literal('rename-bone'), boneId: IdSchema, label: BoneLabelSchema }),
    z.object({ intent: z.literal('delete-bone'), boneId: IdSchema }),
    z.object({ intent: z.literal('move-bone'), boneId: IdSchema, direction: DirectionSchema }),
    CauseSchema.extend({ intent: z.literal('add-cause'), boneId: IdSchema, parentId: IdSchema.optional() }),
    CauseSchema.extend({ intent: z.literal('edit-cause'), causeId: IdSchema }),
    z.object({ intent: z.literal('delete-cause'), causeId: IdSchema }),
    z.object({ intent: z.literal('move-cause'), causeId: IdSchema, direction: DirectionSchema }),
  ],
  { errorMap: () => ({ message: 'That request could not be read.' }) },
)

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const { artifact, viewer } = await requireArtifactAccess(user, params.id ?? '', 'fishbone')
  const fishbone = await getFishbone({ artifactId: artifact.id })
  if (!fishbone) throw new Response('Not found', { status: 404 })
  return json({
    id: artifact.id,
    title: artifact.title,
    fellowId: artifact.fellowId,
    fellowName: artifact.fellowName,
    viewer,
    problem: fishbone.problem,
    bones: buildFishboneTree(fishbone.bones, fishbone.causes),
    phase: getEquityPhase('understand-the-system'),
  })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const { id: artifactId } = await requireArtifactAuthor(user, params.id ?? '', 'fishbone')
  const formData = await readForm(request)
  const parsed = parseWithZod(formData, { schema: ActionSchema })
  if (parsed.status !== 'success') {
    const field = (name: string) => {
      const value = formData.get(name)
      return typeof value === 'string' ? value : undefined
    }
    const at = actionPlace({ intent: field('intent'), boneId: field('boneId'), causeId: field('causeId'), parentId: field('parentId') })
    const message = Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.'
    return json(...fishboneReply('invalid', at, message))
  }
  const value = parsed.value
  switch (value.intent) {
    case 'edit-problem':
      return json(...fishboneReply(await updateProblem({ artifactId, problem: value.problem }), PLACES.problem, 'Problem statement saved.'))
    case 'add-bone':
      return json(...fishboneReply(await addBone({ artifactId, label: value.label }), PLACES.addBone, `Bone ‘${value.label}’ added.`))
    case 'rename-bone':
      return json(...fishboneReply(await renameBone({ artifactId, boneId: value.boneId, label: value.label }), bonePlace(value.boneId), 'Bone renamed.'))
    case 'delete-bone':
      return json(...fishboneReply(await deleteBone({ artifactId, boneId: value.boneId }), undefined, 'Bone deleted, with its causes.'))
    case 'move-bone':
      return json(...fishboneReply(await moveBone({ artifactId, boneId: value.boneId, direction: value.direction }), bonePlace(value.boneId), `Bone moved ${value.direction}.`))
    case 'add-cause': {
      const { boneId, text, locus, evidence } = value
      const parentId = value.parentId ?? null
      const outcome = await addCause({ artifactId, boneId, parentId, text, locus, evidence })
      return json(...fishboneReply(outcome, addPlace(parentId ?? boneId), parentId ? 'Sub-cause added.' : 'Cause added.'))
    }
    case 'edit-cause': {
      const { causeId, text, locus, evidence } = value
      return json(...fishboneReply(await updateCause({ artifactId, causeId, text, locus, evidence }), causePlace(causeId), 'Cause saved.'))
    }
    case 'delete-cause':
      return json(...fishboneReply(await deleteCause({ artifactId, causeId: value.causeId }), undefined, 'Cause deleted.'))
    case 'move-cause':
      return json(...fishboneReply(await moveCause({ artifactId, causeId: value.causeId, direction: value.direction }), causePlace(value.causeId), `Cause moved ${value.direction}.`))
  }
}

export default function FishbonePage() {
  const { id, title, fellowId, fellowName, viewer, problem, bones, phase } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const author = viewer === 'author'
  return (
    <div>
      <PageHeader title={title}>
        <p>
          {author
            ? 'Your causal system analysis. Your coach and academy staff can read it; only you can change it.'
            : `A causal system analysis by ${fellowName}. You are reading it; only they can change it.`}
        </p>
      </PageHeader>
      <div className="-mt-4 mb-8 flex flex-wrap items-center gap-x-6 gap-y-2 print:hidden">
        <Link to={author ? '/tools' : `/tools?fellow=${fellowId}`} className="text-brand-800 underline underline-offset-4">
          {author ? 'Back to improvement tools' : `Back to the improvement work of ${fellowName}`}
        </Link>
        <a href={`/tools/fishbones/${id}.svg`} download className="text-brand-800 underline underline-offset-4">
          Download the diagram (SVG)
        </a>
        <PrintButton />
      </div>

      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <FishboneBalance bones={bones} author={author} />
        <div className="print:hidden">
          <EquityQuestions phase={phase} only={['locate-the-problem', 'not-served', 'culture-as-cause']} />
        </div>
      </div>

      <section aria-labelledby="diagram-heading" className="mt-8 break-inside-avoid">
        <h2 id="diagram-heading" className="mb-2 text-xl font-semibold">
          Diagram
        </h2>
        <div
          role="region"
          aria-label="Fishbone diagram"
          tabIndex={0}
          className="overflow-x-auto rounded-lg bg-white p-2 shadow-sm print:overflow-visible print:p-0 print:shadow-none"
        >
          <FishboneDiagram title={title} problem={problem} bones={bones} fit />
        </div>
        <p className="mt-2 text-sm text-slate-700">
          <span aria-hidden="true">●</span> In people · <span aria-hidden="true">■</span> In the system. The outline
          below has the same content as text{author ? ' and is where you change it' : ''}.
        </p>
      </section>

      <FishboneOutline problem={problem} bones={bones} editable={author} result={author ? result : undefined} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
