import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormMessage, SubmitButton } from '~/components/forms'
import { PageHeader } from '~/components/page-header'
import { ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, type RosterPlanView } from '~/domain/roster'
import { listRosterCohorts } from '~/models/roster.server'
import { requireRole } from '~/utils/auth.server'
import { clientAddress, readForm } from '~/utils/request.server'
import { importRoster, previewRoster, readRosterUpload, type RosterPreview } from '~/utils/roster.server'
import { Counts, link, PlanTables, plural } from '~/components/staff/roster-plan'

export const meta: MetaFunction = () => [{ title: 'Roster import · SILA Academy' }]

/** The apply form carries back the file that was previewed and the digest of the plan shown. */
const ApplySchema = z.object({
  intent: z.literal('apply'),
  csv: z.string({ required_error: 'The previewed file did not come back. Upload it again.' }).max(ROSTER_MAX_BYTES + 2 * ROSTER_MAX_ROWS, 'The previewed file is too large. Upload it again.'),
  digest: z.string({ required_error: 'Preview the file before applying it.' }).regex(/^[0-9a-f]{64}$/, 'Preview the file before applying it.'),
  fileName: z.string().max(200).default('the file'),
})

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, 'staff', 'admin')
  const cohorts = await listRosterCohorts()
  return json({ cohorts: cohorts.map((c) => c.name) })
}

type ActionData =
  | { stage: 'preview'; ok: boolean; message: string; fileName: string; csv: string; digest: string; view: RosterPlanView }
  | { stage: 'applied'; ok: true; message: string; view: RosterPlanView }
  | { stage: 'error'; ok: false; message: string }


function previewReply(status: number, message: string, fileName: string, csv: string, preview: RosterPreview) {
  return json<ActionData>({ stage: 'preview', ok: status < 400, message, fileName, csv, digest: preview.digest, view: preview.view }, { status })
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, 'staff', 'admin')
  if (request.headers.get('content-type')?.startsWith('multipart/form-data')) {
    const upload = await readRosterUpload(request)
    if (!upload.ok) return json<ActionData>({ stage: 'error', ok: false, message: upload.message }, { status: upload.status })
    const preview = await previewRoster(upload.text)
    const { problems } = preview.view.counts
    if (problems > 0) {
      return previewReply(400, `Nothing can be applied: ${plural(problems, 'problem')} to fix in the file.`, upload.fileName, upload.text, preview)
    }
    return previewReply(200, 'Nothing has changed yet. Check the plan below, then apply it.', upload.fileName, upload.text, preview)
  }
  const form = await readForm(request).catch(() => null)
  if (!form) return json<ActionData>({ stage: 'error', ok: false, message: 'That request could not be read.' }, { status: 400 })
  const parsed = parseWithZod(form, { schema: ApplySchema })
  if (parsed.status !== 'success') {
    return json<ActionData>({ stage: 'error', ok: false, message: Object.values(parsed.error ?? {}).flat()[0] ?? 'That request could not be read.' }, { status: 400 })
  }
  const { csv, digest, fileName } = parsed.value
  const result = await importRoster(csv, { id: user.id, name: user.name, ipAddress: clientAddress(request) }, digest)
  switch (result.status) {
    case 'invalid':
      return previewReply(400, `Nothing was applied: ${plural(result.preview.view.counts.problems, 'problem')} to fix in the file.`, fileName, csv, result.preview)
    case 'stale':
      return previewReply(
        409,
        'Nothing was applied: the roster changed after your preview (someone else edited it). This is the plan as things stand now; check it and apply again.',
        fileName,
        csv,
        result.preview,
      )
    case 'applied': {
      const { counts } = result.preview.view
      const failures = result.invitationFailures > 0 ? ` ${plural(result.invitationFailures, 'invitation')} could not be sent; send them again from Invite.` : ''
      const message =
        counts.creates + counts.updates === 0
          ? `Nothing to change: all ${plural(counts.unchanged, 'fellow')} in the file are on the roster as it says.`
          : `Applied: ${plural(counts.creates, 'fellow')} added (${plural(result.invited, 'invitation')} sent), ${counts.updates.toLocaleString('en-US')} updated, ${counts.unchanged.toLocaleString('en-US')} unchanged; ${plural(counts.newLeas, 'new LEA')}, ${plural(counts.newSchools, 'new school')}.${failures}`
      return json<ActionData>({ stage: 'applied', ok: true, message, view: result.preview.view })
    }
  }
}

export default function RosterImport() {
  const { cohorts } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const canApply = result?.stage === 'preview' && result.view.counts.problems === 0 && result.view.counts.creates + result.view.counts.updates > 0
  return (
    <>
      <PageHeader title="Roster import">
        <p>
          Upload a CSV of fellows to add them and bring their records up to date. You see what would change first; nothing is saved until you
          apply it, and then the whole file is applied or none of it.
        </p>
      </PageHeader>

      {result ? (
        <section aria-labelledby="roster-result" className="mb-10">
          <h2 id="roster-result" className="mb-2 text-2xl font-semibold">
            {result.stage === 'applied' ? 'Import applied' : result.stage === 'preview' ? `Preview of ${result.fileName}` : 'The file could not be read'}
          </h2>
          <FormMessage tone={result.ok ? 'success' : 'error'}>{result.message}</FormMessage>
          {result.stage === 'error' ? null : (
            <>
              <Counts view={result.view} applied={result.stage === 'applied'} />
              {canApply && result.stage === 'preview' ? (
                <Form method="post" className="mb-8 rounded-lg border border-brand-700 bg-white p-4">
                  <input type="hidden" name="intent" value="apply" />
                  <input type="hidden" name="csv" value={result.csv} />
                  <input type="hidden" name="digest" value={result.digest} />
                  <input type="hidden" name="fileName" value={result.fileName} />
                  <p className="mb-3 text-sm text-slate-800">
                    Applying adds and updates the fellows below in one step and emails each new fellow an invitation. If the roster changes before you
                    apply, nothing is applied and you see the new plan.
                  </p>
                  <SubmitButton pending={busy}>Apply this import</SubmitButton>
                </Form>
              ) : null}
              <PlanTables view={result.view} applied={result.stage === 'applied'} />
            </>
          )}
        </section>
      ) : null}

      <section aria-labelledby="roster-upload" className="mb-10 max-w-2xl">
        <h2 id="roster-upload" className="mb-2 text-2xl font-semibold">{result ? 'Upload another file' : 'Upload a roster'}</h2>
        <Form method="post" encType="multipart/form-data" className="space-y-4 rounded-lg bg-white p-6 shadow-sm">
          <div>
            <label htmlFor="roster-file" className="block text-sm font-semibold text-slate-800">
              Roster CSV file
            </label>
            <p id="roster-file-hint" className="text-sm text-slate-700">
              UTF-8 or Excel’s “CSV (Comma delimited)”, up to {ROSTER_MAX_BYTES / 1024} KB and {ROSTER_MAX_ROWS.toLocaleString('en-US')} fellows.
            </p>
            <input id="roster-file" type="file" name="file" accept=".csv,text/csv" required aria-describedby="roster-file-hint" className="mt-2 block text-sm" />
          </div>
          <SubmitButton pending={busy}>Upload and preview</SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="roster-format" className="max-w-3xl space-y-3 text-slate-800">
        <h2 id="roster-format" className="text-2xl font-semibold text-slate-900">The file</h2>
        <p>
          A header row, then one row per fellow. Start from the <a href="/staff/roster/template.csv" className={link}>template</a> and replace its two
          example rows. Column names may be in any order and any case.
        </p>
        <dl className="space-y-2">
          <div>
            <dt className="font-mono font-semibold">name</dt>
            <dd>The fellow’s full name.</dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">email</dt>
            <dd>The fellow’s email: it identifies them, so each fellow once per file. It cannot be the email of a coach, staff or administrator.</dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">state</dt>
            <dd>MD or NJ (or Maryland, New Jersey).</dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">lea, school</dt>
            <dd>The school district and the school, matched by name whatever the case; ones the academy does not have yet are added.</dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">position</dt>
            <dd>principal, or assistant principal (also AP).</dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">cohort</dt>
            <dd>
              {cohorts.length > 0 ? (
                <>The name of an existing cohort: {cohorts.map((c) => `“${c}”`).join(', ')}.</>
              ) : (
                <>The name of an existing cohort. There are none yet: create the cohort first.</>
              )}{' '}
              A new fellow joins a cohort in its first or second year, and starts in that year of the program; a fellow already on the roster keeps their year.
            </dd>
          </div>
          <div>
            <dt className="font-mono font-semibold">coach_email</dt>
            <dd>The email of an active or invited coach. Leave it blank to keep the fellow’s pairing as it is; a different coach re-pairs the fellow from today, keeping the history.</dd>
          </div>
        </dl>
        <p>
          A fellow already on the roster is updated where the file differs (name, school, position, cohort, coach) and left alone otherwise, so
          importing the same file again changes nothing. Progress, answers, submissions and artifacts are never touched. New fellows get an
          invitation by email, valid for 7 days.
        </p>
      </section>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
