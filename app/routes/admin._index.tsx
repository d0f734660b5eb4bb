import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage, RowSelectForm } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { canChangeRole } from '~/domain/permissions'
import { ROLE_LABELS, ROLES } from '~/domain/roles'
import { writeAudit } from '~/models/audit-log.server'
import { deleteUserSessions } from '~/models/session.server'
import { countActiveAdmins, getUserById, listUsers, updateUserRole } from '~/models/user.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'Accounts · SILA Academy' }]

const RoleChangeSchema = z.object({
  intent: z.literal('change-role'),
  userId: z.string().uuid('Unknown account.'),
  role: z.enum(ROLES, { errorMap: () => ({ message: 'Choose a role.' }) }),
})

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'admin')
  const query = new URL(request.url).searchParams.get('q')?.slice(0, 100) ?? ''
  return json({ me: user.id, users: await listUsers({ query }) })
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, 'admin')
  const submission = parseWithZod(await readForm(request), { schema: RoleChangeSchema })
  if (submission.status !== 'success') return json({ message: 'Choose an account and a role.', ok: false }, { status: 400 })
  const { userId, role } = submission.value
  const target = await getUserById({ id: userId })
  if (!target) return json({ message: 'That account no longer exists.', ok: false }, { status: 404 })
  if (!canChangeRole(admin, target.id)) {
    return json({ message: 'You cannot change your own role.', ok: false }, { status: 403 })
  }
  if (target.role === 'admin' && role !== 'admin' && (await countActiveAdmins()) <= 1) {
    return json({ message: 'The academy needs at least one administrator.', ok: false }, { status: 409 })
  }
  if (target.role !== role) {
    await updateUserRole({ id: target.id, role })
    // A new role means new permissions: make the person sign in again.
    await deleteUserSessions({ userId: target.id })
    await writeAudit({
      actorId: admin.id,
      action: 'user.role_changed',
      targetType: 'user',
      targetId: target.id,
      ipAddress: clientAddress(request),
      details: { from: target.role, to: role },
    })
  }
  return json({ message: `${target.name} is now ${ROLE_LABELS[role].toLowerCase()}.`, ok: true })
}

export default function Accounts() {
  const { me, users } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  return (
    <>
      <PageHeader title="Accounts">
        <p>Everyone with an account. Changing a role signs that person out everywhere.</p>
      </PageHeader>
      <ActionMessage result={result} />
      <Form method="get" role="search" className="mb-4 flex gap-2">
        <label htmlFor="account-search" className="sr-only">Search accounts by name or email</label>
        <input
          id="account-search"
          type="search"
          name="q"
          defaultValue={searchParams.get('q') ?? ''}
          placeholder="Name or email"
          className="w-72 rounded border border-slate-400 px-3 py-2"
        />
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2">Search</button>
      </Form>
      <DataTable caption="Accounts" columns={['Name', 'Email', 'Status', 'Role']}>
        {users.map((u) => (
          <Row key={u.id}>
            <RowHeader>{u.name}</RowHeader>
            <Cell>{u.email}</Cell>
            <Cell>{u.status}</Cell>
            <Cell>
              {u.id === me ? (
                ROLE_LABELS[u.role]
              ) : (
                <RowSelectForm
                  fields={{ intent: 'change-role', userId: u.id }}
                  name="role"
                  label={`Role of ${u.name}`}
                  defaultValue={u.role}
                  options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  button="Save"
                />
              )}
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
