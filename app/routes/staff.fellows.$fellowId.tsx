import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { PlacementForm } from '~/components/fellow-record-placement'
import { CoachingCounts, PairingHistory, ProgressTable, SubmissionsTable } from '~/components/fellow-record-work'
import { ActionMessage } from '~/components/forms'
import { PageHeader, POSITION_LABELS, STATE_NAMES } from '~/components/page-header'
import { AccountStatusForm } from '~/components/people-status-form'
import {
  academyDateTime,
  canChangeAccountStatus,
  daysSinceSession,
  fellowProgressRows,
  FellowRecordSchema,
  groupSchools,
  nextAccountStatus,
  placementEffect,
  POSITIONS,
  PROGRAM_YEARS,
  STATUS_LABELS,
  statusChangeMessage,
  trackDescription,
} from '~/domain/people'
import { academyDate, isLate } from '~/domain/schedule'
import { writeAudit } from '~/models/audit-log.server'
import { getYearOverview } from '~/models/module.server'
import {
  changeAccountStatus,
  fellowCoachingCounts,
  getAccountForStatusChange,
  getFellowRecord,
  getSchoolWithLea,
  listFellowSubmissionsWithDue,
  listPairingHistory,
  listSchoolsWithLea,
  setFellowPlacement,
} from '~/models/people.server'
import { getCohort, listCohorts } from '~/models/schedule.server'
import { requireRole } from '~/utils/auth.server'
import { getCurriculum } from '~/utils/content.server'
import { clientAddress, readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.fellow.name ?? 'Fellow'} · People · SILA Academy` }]

/** Staff and admins only; an id that is not a fellow's is a 404 that says nothing more. */
async function requireFellow(request: Request, fellowId: string | undefined) {
  const user = await requireRole(request, 'staff', 'admin')
  const record = fellowId && /^[0-9a-f-]{36}$/i.test(fellowId) ? await getFellowRecord({ fellowId }) : null
  if (!record) throw new Response('Not found', { status: 404 })
  return { user, record }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await requireFellow(request, params.fellowId)
  const fellowId = record.fellowId
  const yearModules = getCurriculum().modules.filter((m) => m.year === record.programYear)
  const [pairings, coaching, submissions, overview, cohorts, schools] = await Promise.all([
    listPairingHistory({ fellowId }),
    fellowCoachingCounts({ fellowId }),
    listFellowSubmissionsWithDue({ fellowId }),
    getYearOverview({ fellowId, cohortId: record.cohortId, slugs: yearModules.map((m) => m.slug) }),
    listCohorts(),
    listSchoolsWithLea(),
  ])
  const today = academyDate(new Date())
  return json({
    fellow: {
      id: fellowId,
      name: record.name,
      email: record.email,
      status: record.status,
      lastSignIn: record.lastSignInAt ? academyDateTime(record.lastSignInAt) : null,
      cohortId: record.cohortId,
      cohortName: record.cohortName,
      schoolId: record.schoolId,
      schoolName: record.schoolName,
      leaName: record.leaName,
      state: record.state,
      position: record.position,
      programYear: record.programYear,
      track: trackDescription(record),
      focusArea: record.focusArea,
      projectTitle: record.projectTitle,
      coachName: record.coachName,
    },
    mayChangeStatus: canChangeAccountStatus(user, { id: record.userId, role: record.role }).ok,
    pairings,
    coaching: { ...coaching, daysSince: daysSinceSession(coaching.lastSessionOn, today), cadence: record.coachingCadence },
    progress: fellowProgressRows({ fellow: record, modules: yearModules, ...overview, submissions, today }),
    submissions: submissions.map((s) => ({
      id: s.id,
      moduleTitle: s.moduleTitle,
      year: s.year,
      status: s.status,
      submittedOn: s.submittedAt ? academyDate(s.submittedAt) : null,
      dueOn: s.dueOn,
      late: isLate(s.submittedAt, s.dueOn),
    })),
    cohorts: cohorts.map((c) => ({ value: c.id, label: c.name })),
    schoolGroups: groupSchools(schools).map((g) => ({
      label: `${STATE_NAMES[g.state]} · ${g.leaName}`,
      options: g.schools.map((s) => ({ value: s.id, label: s.name })),
    })),
  })
}

function answer(intent: string, ok: boolean, message: string, result: SubmissionResult<string[]>, status = 200) {
  return json({ intent, ok, message, result }, { status })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await requireFellow(request, params.fellowId)
  const submission = parseWithZod(await readForm(request), { schema: FellowRecordSchema })
  const sentIntent = submission.payload.intent
  const intent = typeof sentIntent === 'string' ? sentIntent : ''
  if (submission.status !== 'success') {
    const fieldError = Object.entries(submission.error ?? {}).find(([name, errors]) => name !== 'intent' && errors?.length)?.[1]?.[0]
    return answer(intent, false, fieldError ?? 'That request could not be read.', submission.reply(), 400)
  }
  const value = submission.value
  const fellowId = record.fellowId
  const audit = (details: Record<string, string | number | null>) =>
    writeAudit({ actorId: user.id, action: 'fellow.placement_changed', targetType: 'fellow', targetId: fellowId, ipAddress: clientAddress(request), details })

  if (value.intent === 'change-cohort') {
    const cohort = await getCohort({ id: value.cohortId })
    if (!cohort) {
      const message = 'That cohort does not exist. Choose one from the list.'
      return answer(intent, false, message, submission.reply({ fieldErrors: { cohortId: [message] } }), 400)
    }
    if (cohort.id === record.cohortId) return answer(intent, true, `${record.name} is already in ${cohort.name}.`, submission.reply())
    await setFellowPlacement({ fellowId, placement: { cohortId: cohort.id } })
    await audit({ field: 'cohort', from: record.cohortId, to: cohort.id, fromName: record.cohortName, toName: cohort.name })
    return answer(intent, true, `${record.name} is now in ${cohort.name}; their due dates follow its schedule. Their progress and work are kept.`, submission.reply())
  }
  if (value.intent === 'change-school') {
    const school = await getSchoolWithLea({ id: value.schoolId })
    if (!school) {
      const message = 'That school does not exist. Choose one from the list.'
      return answer(intent, false, message, submission.reply({ fieldErrors: { schoolId: [message] } }), 400)
    }
    if (school.id === record.schoolId) return answer(intent, true, `${record.name} is already at ${school.name}.`, submission.reply())
    await setFellowPlacement({ fellowId, placement: { schoolId: school.id } })
    await audit({ field: 'school', from: record.schoolId, to: school.id, fromName: record.schoolName, toName: school.name })
    return answer(intent, true, `${record.name} is now at ${school.name}, ${school.leaName} (${STATE_NAMES[school.state]}). Their progress and work are kept.`, submission.reply())
  }
  if (value.intent === 'change-position' || value.intent === 'change-year') {
    const after = {
      position: value.intent === 'change-position' ? value.position : record.position,
      programYear: value.intent === 'change-year' ? Number(value.programYear) : record.programYear,
    }
    if (after.position === record.position && after.programYear === record.programYear) {
      return answer(intent, true, 'Nothing changed: that is their current placement.', submission.reply())
    }
    await setFellowPlacement({ fellowId, placement: after })
    if (after.position !== record.position) await audit({ field: 'position', from: record.position, to: after.position })
    if (after.programYear !== record.programYear) await audit({ field: 'programYear', from: record.programYear, to: after.programYear })
    const effect = placementEffect(record, after)
    const what = value.intent === 'change-position' ? POSITION_LABELS[after.position].toLowerCase() : `in year ${after.programYear}`
    return answer(intent, true, `${record.name} is now ${what}.${effect ? ` ${effect}` : ' Their progress and work are kept.'}`, submission.reply())
  }

  const account = await getAccountForStatusChange({ id: record.userId })
  if (!account) throw new Response('Not found', { status: 404 })
  const allowed = canChangeAccountStatus(user, account)
  if (!allowed.ok) return answer(intent, false, allowed.message, submission.reply(), 403)
  const next = nextAccountStatus(value.intent, account.status, account.hasPassword)
  if (next && !(await changeAccountStatus({ id: account.id, from: account.status, to: next, actorId: user.id, ipAddress: clientAddress(request) }))) {
    return answer(intent, false, `${account.name}’s account changed a moment ago. Look again and retry.`, submission.reply(), 409)
  }
  return answer(intent, true, statusChangeMessage(account, value.intent, next), submission.reply())
}

export default function FellowRecord() {
  const { fellow, mayChangeStatus, pairings, coaching, progress, submissions, cohorts, schoolGroups } = useLoaderData<typeof loader>()
  const data = useActionData<typeof action>()
  const lastResult = (intent: string) => (data?.intent === intent ? data.result : undefined)
  const otherTrack = fellow.position === 'principal' ? 'assistant principal track' : 'principal track'
  return (
    <>
      <PageHeader title={fellow.name}>
        <p>
          {POSITION_LABELS[fellow.position]}, {fellow.schoolName}, {fellow.leaName}, {STATE_NAMES[fellow.state]}. {fellow.cohortName}, year{' '}
          {fellow.programYear}.
        </p>
        <p className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
          <Link to="/staff/people" className="text-brand-800 underline underline-offset-4">
            Back to People
          </Link>
          <Link to={`/tools?fellow=${fellow.id}`} className="text-brand-800 underline underline-offset-4">
            Their improvement work
          </Link>
        </p>
      </PageHeader>
      <ActionMessage result={data} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="account-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="account-heading" className="mb-3 text-xl font-semibold">Account</h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Email</dt>
            <dd>{fellow.email}</dd>
            <dt className="font-semibold">Account status</dt>
            <dd>{STATUS_LABELS[fellow.status]}</dd>
            <dt className="font-semibold">Last sign-in</dt>
            <dd>{fellow.lastSignIn ?? 'Never'}</dd>
          </dl>
          {fellow.status === 'deactivated' ? (
            <p className="mt-3 text-slate-700">Deactivated: they cannot sign in. Their progress, answers, submissions, artifacts and coaching records are kept.</p>
          ) : null}
          {mayChangeStatus ? (
            <div className="mt-4">
              <AccountStatusForm name={fellow.name} status={fellow.status} />
            </div>
          ) : null}
        </section>
        <section aria-labelledby="placement-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="placement-heading" className="mb-3 text-xl font-semibold">Placement</h2>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="font-semibold">Cohort</dt>
            <dd>{fellow.cohortName}</dd>
            <dt className="font-semibold">School</dt>
            <dd>{fellow.schoolName}</dd>
            <dt className="font-semibold">LEA</dt>
            <dd>{fellow.leaName}</dd>
            <dt className="font-semibold">State</dt>
            <dd>{STATE_NAMES[fellow.state]}</dd>
            <dt className="font-semibold">Position</dt>
            <dd>{POSITION_LABELS[fellow.position]}</dd>
            <dt className="font-semibold">Program year</dt>
            <dd>{fellow.programYear}</dd>
            <dt className="font-semibold">Track</dt>
            <dd>{fellow.track}</dd>
            {fellow.focusArea ? (
              <>
                <dt className="font-semibold">Problem of practice area</dt>
                <dd className="capitalize">{fellow.focusArea}</dd>
              </>
            ) : null}
            {fellow.projectTitle ? (
              <>
                <dt className="font-semibold">Project</dt>
                <dd>{fellow.projectTitle}</dd>
              </>
            ) : null}
            <dt className="font-semibold">Current coach</dt>
            <dd>{fellow.coachName ?? 'Not paired'}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="change-heading" className="mt-6 rounded-lg bg-white p-6 shadow-sm">
        <h2 id="change-heading" className="text-xl font-semibold">Change placement</h2>
        <p className="mb-4 mt-1 text-slate-700">Each change is written to the audit log with its old and new value. Progress and work are never touched.</p>
        <div className="grid gap-4 md:grid-cols-2">
          <PlacementForm
            intent="change-cohort"
            name="cohortId"
            label="Cohort"
            button="Save cohort"
            current={fellow.cohortId}
            options={cohorts}
            hint="Due dates then follow the new cohort’s schedule."
            lastResult={lastResult('change-cohort')}
          />
          <PlacementForm
            intent="change-school"
            name="schoolId"
            label="School"
            button="Save school"
            current={fellow.schoolId}
            groups={schoolGroups}
            hint="Grouped by state and LEA. Their equity audits are suppressed by the new school’s state from then on."
            lastResult={lastResult('change-school')}
          />
          <PlacementForm
            intent="change-position"
            name="position"
            label="Position"
            button="Save position"
            current={fellow.position}
            options={POSITIONS.map((p) => ({ value: p, label: POSITION_LABELS[p] }))}
            hint={
              fellow.programYear === 2
                ? `They are in year two, where the position decides the track: changing it moves them to the ${otherTrack}, with its modules and assignment instructions.`
                : 'Year one is the same for both positions; in year two the position decides the track (principals take a problem of practice, assistant principals a school project).'
            }
            lastResult={lastResult('change-position')}
          />
          <PlacementForm
            intent="change-year"
            name="programYear"
            label="Program year"
            button="Save program year"
            current={String(fellow.programYear)}
            options={PROGRAM_YEARS.map((y) => ({ value: y, label: `Year ${y}` }))}
            hint="Their modules become those of the chosen year; work from the other year is kept as their record."
            lastResult={lastResult('change-year')}
          />
        </div>
      </section>

      <section aria-labelledby="progress-heading" className="mt-6">
        <h2 id="progress-heading" className="mb-3 text-xl font-semibold">Progress, year {fellow.programYear}</h2>
        <ProgressTable programYear={fellow.programYear} rows={progress} />
      </section>

      <section aria-labelledby="submissions-heading" className="mt-6">
        <h2 id="submissions-heading" className="mb-3 text-xl font-semibold">Submissions</h2>
        <SubmissionsTable rows={submissions} />
      </section>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="coaching-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="coaching-heading" className="mb-1 text-xl font-semibold">Coaching cadence</h2>
          <p className="mb-3 text-sm text-slate-700">Counts only: notes, summaries and beliefs stay between the fellow and their coach.</p>
          <CoachingCounts {...coaching} />
        </section>
        <section aria-labelledby="pairings-heading" className="rounded-lg bg-white p-6 shadow-sm">
          <h2 id="pairings-heading" className="mb-3 text-xl font-semibold">Coaches</h2>
          <PairingHistory pairings={pairings} />
        </section>
      </div>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
