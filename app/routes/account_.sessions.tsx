import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Cell, DataTable, Row } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ErrorList, FormMessage } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { describeDevice } from '~/domain/devices'
import { writeAudit } from '~/models/audit-log.server'
import { deleteOtherSessions, deleteOwnSession, listUserSessions } from '~/models/session.server'
import { requireUserSession } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Where you are signed in · SILA Academy' }]

const EndSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('end'), session: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.object({ intent: z.literal('end-others') }),
])

function utc(date: Date | string) {
  return `${new Date(date).toISOString().replace('T', ' ').slice(0, 16)} UTC`
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, session } = await requireUserSession(request)
  const rows = await listUserSessions({ userId: user.id })
  return json({
    sessions: rows.map((row) => ({
      id: row.id,
      device: describeDevice(row.userAgent),
      signedIn: utc(row.createdAt),
      lastActive: utc(row.lastSeenAt),
      from: row.ipAddress ?? 'unknown',
      current: row.id === session.id,
      waitingForCode: !row.secondFactorVerified && user.secondFactorEnabled,
    })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, session } = await requireUserSession(request)
  const parsed = EndSchema.safeParse(Object.fromEntries(await readForm(request)))
  if (!parsed.success) return json({ message: 'Choose a session to end.' }, { status: 400 })
  const ipAddress = clientAddress(request)
  if (parsed.data.intent === 'end-others') {
    const ended = await deleteOtherSessions({ userId: user.id, keepId: session.id })
    await writeAudit({ actorId: user.id, action: 'sessions.ended', ipAddress, details: { ended, which: 'all others' } })
    return redirect(`/account/sessions?ended=${ended}`)
  }
  if (parsed.data.session === session.id) {
    return json({ message: 'To end the session in this browser, sign out.' }, { status: 400 })
  }
  // Another person's session id ends nothing and says nothing: the same answer as a stale one.
  if (!(await deleteOwnSession({ id: parsed.data.session, userId: user.id }))) {
    return json({ message: 'That session has already ended.' }, { status: 404 })
  }
  await writeAudit({ actorId: user.id, action: 'sessions.ended', ipAddress, details: { ended: 1, which: 'one' } })
  return redirect('/account/sessions?ended=1')
}

export default function Sessions() {
  const { sessions } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const others = sessions.filter((s) => !s.current).length
  return (
    <>
      <PageHeader title="Where you are signed in">
        <p>
          Each browser you signed in from. End any you do not recognise, then{' '}
          <Link to="/account/security" className="text-brand-700 underline underline-offset-4">change your password</Link>.
        </p>
      </PageHeader>
      <EndedMessage />
      <ErrorList errors={data ? [data.message] : undefined} />
      <DataTable caption="Your sessions" columns={['Browser', 'Signed in', 'Last active', 'From', '']}>
        {sessions.map((s) => (
          <Row key={s.id}>
            <Cell>
              {s.device}
              {s.current ? <strong className="ml-2">(this browser)</strong> : null}
              {s.waitingForCode ? <span className="ml-2 text-amber-800">(password given, code not yet)</span> : null}
            </Cell>
            <Cell>{s.signedIn}</Cell>
            <Cell>{s.lastActive}</Cell>
            <Cell>{s.from}</Cell>
            <Cell>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="session" value={s.id} />
                  <button type="submit" name="intent" value="end" className="rounded border border-slate-400 px-3 py-1">
                    End<span className="sr-only">{` the session of ${s.device} from ${s.from}, last active ${s.lastActive}`}</span>
                  </button>
                </Form>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
      {others > 0 ? (
        <Form method="post" className="mt-4">
          <button type="submit" name="intent" value="end-others" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
            Sign out everywhere else ({others})
          </button>
        </Form>
      ) : null}
    </>
  )
}

function EndedMessage() {
  const [searchParams] = useSearchParams()
  const ended = searchParams.get('ended')
  return ended ? <FormMessage tone="success">{`Ended ${ended} ${ended === '1' ? 'session' : 'sessions'}.`}</FormMessage> : null
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
