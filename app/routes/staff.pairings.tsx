import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage, RowSelectForm } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { academyDate } from '~/domain/schedule'
import { writeAudit } from '~/models/audit-log.server'
import { listCoachesWithCaseload, repair } from '~/models/coaching.server'
import { getFellowAccessContext, listFellowsWithCoach } from '~/models/fellow.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Coach pairings · SILA Academy' }]

const PairSchema = z.object({ fellowId: z.string().uuid('Unknown fellow.'), coachId: z.string().uuid('Choose a coach.') })

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const [coaches, fellows] = await Promise.all([listCoachesWithCaseload(), listFellowsWithCoach()])
  return json({ coaches, fellows })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  const parsed = parseWithZod(await readForm(request), { schema: PairSchema })
  if (parsed.status !== 'success') return json({ ok: false, message: 'Choose a fellow and a coach.' }, { status: 400 })
  const { fellowId, coachId } = parsed.value
  const [context, coaches] = await Promise.all([getFellowAccessContext({ fellowId }), listCoachesWithCaseload()])
  if (!context) return json({ ok: false, message: 'That fellow is not on a roster.' }, { status: 404 })
  if (!coaches.some((c) => c.id === coachId)) return json({ ok: false, message: 'That person is not an active coach.' }, { status: 400 })
  if (context.currentCoachId === coachId) return json({ ok: true, message: 'That pairing is already in place.' })
  await repair({ fellowId, coachId, startsOn: academyDate(new Date()), createdById: user.id })
  await writeAudit({
    actorId: user.id,
    action: 'pairing.changed',
    targetType: 'fellow',
    targetId: fellowId,
    ipAddress: clientAddress(request),
    details: { from: context.currentCoachId, to: coachId },
  })
  return json({ ok: true, message: 'Paired. The earlier coach keeps the sessions they wrote and sees nothing new.' })
}

export default function Pairings() {
  const { coaches, fellows } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="Coach pairings">
        <p>Each fellow has one equity coach. Re-pairing keeps the history: the new coach sees earlier shared summaries and belief history.</p>
      </PageHeader>
      <ActionMessage result={result} />
      <h2 className="mb-2 text-xl font-semibold">Caseloads</h2>
      <ul className="mb-8 flex flex-wrap gap-3">
        {coaches.map((c) => (
          <li key={c.id} className="rounded-lg bg-white px-4 py-2 shadow-sm">
            {c.name}: <strong>{c.caseload}</strong> fellow{c.caseload === 1 ? '' : 's'}
          </li>
        ))}
      </ul>
      <DataTable caption="Fellows and their coaches" columns={['Fellow', 'Cohort', 'Coach']}>
        {fellows.map((f) => (
          <Row key={f.fellowId}>
            <RowHeader>{f.name}</RowHeader>
            <Cell>{f.cohortName}</Cell>
            <Cell>
              <RowSelectForm
                fields={{ fellowId: f.fellowId }}
                name="coachId"
                label={`Coach of ${f.name}`}
                defaultValue={f.coachId ?? ''}
                options={[{ value: '', label: 'Not paired', disabled: true }, ...coaches.map((c) => ({ value: c.id, label: c.name }))]}
                button="Pair"
              />
            </Cell>
          </Row>
        ))}
      </DataTable>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
