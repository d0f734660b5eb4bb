import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Cell, DataTable, Row, RowHeader } from '~/components/data-table'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ActionMessage } from '~/components/forms'
import { PageHeader, STATE_NAMES } from '~/components/page-header'
import { AccountStatusForm } from '~/components/people-status-form'
import {
  AccountStatusSchema,
  canChangeAccountStatus,
  nextAccountStatus,
  parsePeopleSearch,
  PEOPLE_PAGE_SIZE,
  peopleSearchHref,
  ROLE_FILTER_LABELS,
  ROLE_FILTERS,
  SEARCH_MAX_LENGTH,
  STATUS_FILTER_LABELS,
  STATUS_FILTERS,
  STATUS_LABELS,
  statusChangeMessage,
} from '~/domain/people'
import { ROLE_LABELS } from '~/domain/roles'
import { changeAccountStatus, getAccountForStatusChange, searchPeople } from '~/models/people.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction = () => [{ title: 'People · SILA Academy' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  const search = parsePeopleSearch(new URL(request.url).searchParams)
  const { people, total, window } = await searchPeople({ ...search, pageSize: PEOPLE_PAGE_SIZE })
  return json({
    search,
    total,
    window,
    people: people.map((person) => ({ ...person, mayChangeStatus: canChangeAccountStatus(user, person).ok })),
  })
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, 'staff', 'admin')
  const submission = parseWithZod(await readForm(request), { schema: AccountStatusSchema })
  if (submission.status !== 'success') {
    return json({ ok: false, message: 'Choose an account to deactivate or reactivate.' }, { status: 400 })
  }
  const { intent, userId } = submission.value
  const target = await getAccountForStatusChange({ id: userId })
  if (!target) return json({ ok: false, message: 'That account no longer exists.' }, { status: 404 })
  const allowed = canChangeAccountStatus(actor, target)
  if (!allowed.ok) return json({ ok: false, message: allowed.message }, { status: 403 })
  const next = nextAccountStatus(intent, target.status, target.hasPassword)
  if (next && !(await changeAccountStatus({ id: target.id, from: target.status, to: next, actorId: actor.id, ipAddress: clientAddress(request) }))) {
    return json({ ok: false, message: `${target.name}’s account changed a moment ago. Look again and retry.` }, { status: 409 })
  }
  return json({ ok: true, message: statusChangeMessage(target, intent, next) })
}

export default function People() {
  const { search, total, window, people } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <PageHeader title="People">
        <p>
          Search fellows, coaches and staff by name or email. Open a fellow’s record to change their cohort, school, position
          or program year. Deactivating an account signs that person out everywhere at once; their work is kept.
        </p>
      </PageHeader>
      <ActionMessage result={result} />
      <Form method="get" role="search" aria-label="People" className="mb-6 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="people-q" className="block text-sm font-semibold text-slate-800">
            Name or email
          </label>
          <input
            id="people-q"
            type="search"
            name="q"
            maxLength={SEARCH_MAX_LENGTH}
            defaultValue={search.q}
            className="mt-1 w-72 rounded border border-slate-400 px-3 py-2"
          />
        </div>
        <div>
          <label htmlFor="people-role" className="block text-sm font-semibold text-slate-800">
            Role
          </label>
          <select id="people-role" name="role" defaultValue={search.role} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2">
            {ROLE_FILTERS.map((role) => (
              <option key={role} value={role}>
                {ROLE_FILTER_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="people-status" className="block text-sm font-semibold text-slate-800">
            Status
          </label>
          <select id="people-status" name="status" defaultValue={search.status} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2">
            {STATUS_FILTERS.map((status) => (
              <option key={status} value={status}>
                {STATUS_FILTER_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Search
        </button>
      </Form>
      <p className="mb-3 text-slate-700" aria-live="polite">
        {total === 0
          ? 'No one matches this search.'
          : `Showing ${window.first}–${window.last} of ${total} ${total === 1 ? 'person' : 'people'}.`}
      </p>
      {total > 0 ? (
        <DataTable
          caption={`People, page ${window.page} of ${window.pageCount}`}
          columns={['Name', 'Email', 'Role', 'Status', 'Cohort', 'School', 'LEA', 'State', { label: 'Caseload', numeric: true }, 'Account']}
        >
          {people.map((person) => (
            <Row key={person.id}>
              <RowHeader>
                {person.fellowId ? (
                  <Link to={`/staff/fellows/${person.fellowId}`} className="text-brand-800 underline underline-offset-4">
                    {person.name}
                  </Link>
                ) : (
                  person.name
                )}
              </RowHeader>
              <Cell>{person.email}</Cell>
              <Cell>{ROLE_LABELS[person.role]}</Cell>
              <Cell>{STATUS_LABELS[person.status]}</Cell>
              <Cell>{person.cohortName}</Cell>
              <Cell>{person.schoolName}</Cell>
              <Cell>{person.leaName}</Cell>
              <Cell>{person.state ? STATE_NAMES[person.state] : null}</Cell>
              <Cell numeric>{person.caseload}</Cell>
              <Cell>{person.mayChangeStatus ? <AccountStatusForm userId={person.id} name={person.name} status={person.status} /> : null}</Cell>
            </Row>
          ))}
        </DataTable>
      ) : null}
      {window.pageCount > 1 ? (
        <nav aria-label="Pages of results" className="mt-4 flex items-center gap-4">
          {window.hasPrevious ? (
            <Link to={peopleSearchHref(search, window.page - 1)} rel="prev" className="text-brand-800 underline underline-offset-4">
              Previous page
            </Link>
          ) : null}
          <span>
            Page {window.page} of {window.pageCount}
          </span>
          {window.hasNext ? (
            <Link to={peopleSearchHref(search, window.page + 1)} rel="next" className="text-brand-800 underline underline-offset-4">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
