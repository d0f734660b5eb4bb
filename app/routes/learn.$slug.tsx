import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { json } from '@remix-run/node'
import { Form, Link, useLoaderData, type ClientLoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from '@remix-run/react'
import { z } from 'zod'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ReaderProvider } from '~/components/mdx/reader-context'
import { loadModuleScript, ModuleContent, moduleScriptUrl } from '~/components/mdx/registry'
import { ProgressBar } from '~/components/progress-bar'
import { MONTH_NAMES } from '~/domain/curriculum'
import { ANSWER_MAX_LENGTH, applySectionMark, moduleAccess, trackOfPosition } from '~/domain/reader'
import { getAnswers, getProgress, saveAnswer, setProgress } from '~/models/module.server'
import { getScheduleEntry } from '~/models/schedule.server'
import { findSubmission } from '~/models/submission.server'
import { academyDate } from '~/domain/schedule'
import { STATE_LABELS } from '~/domain/submission-state'
import { getCompiledModule, getCurriculum } from '~/utils/content.server'
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/utils/database-unavailable'
import { requireModuleViewer } from '~/utils/reader.server'
import { readForm } from '~/utils/request.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} · SILA Academy` : 'Module · SILA Academy' },
]

const ActionSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('save-answer'),
    promptId: z.string().max(100),
    body: z
      .string()
      .max(ANSWER_MAX_LENGTH, `Answers can be up to ${ANSWER_MAX_LENGTH.toLocaleString('en-US')} characters; this one is longer. Shorten it, or save part of it in your notes.`)
      .default(''),
  }),
  z.object({
    intent: z.literal('mark-section'),
    sectionId: z.string({ required_error: 'That section could not be found. Reload the page and try again.' }).max(100),
    done: z.enum(['true', 'false'], { errorMap: () => ({ message: 'That section could not be marked. Reload the page and try again.' }) }),
  }),
])

async function readableModule(request: Request, slug: string | undefined) {
  const { viewer, fellow } = await requireModuleViewer(request)
  const compiled = slug ? getCompiledModule(slug) : null
  // Refusals look like missing pages: nothing tells a fellow what later years hold.
  const access = compiled ? moduleAccess(viewer, compiled) : null
  if (!compiled || !access) throw new Response('Not found', { status: 404 })
  return { compiled, access, fellow }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { compiled, access, fellow } = await readableModule(request, params.slug)
  const [answers, progress, submission, schedule] = fellow
    ? await Promise.all([
        getAnswers({ fellowId: fellow.fellowId, moduleSlug: compiled.slug }),
        getProgress({ fellowId: fellow.fellowId, moduleSlug: compiled.slug }),
        findSubmission({ fellowId: fellow.fellowId, moduleSlug: compiled.slug }),
        getScheduleEntry({ cohortId: fellow.cohortId, moduleSlug: compiled.slug }),
      ])
    : [{}, null, null, null]
  const track = fellow && compiled.year === 2 ? trackOfPosition(fellow.position) : null
  const phases = getCurriculum().equityPhases.filter((p) => compiled.equityPhases.includes(p.id))
  const { code: _code, ...module } = compiled
  return json({
    module: {
      ...module,
      assignment: {
        ...module.assignment,
        tracksHtml: track && module.assignment.tracksHtml ? { [track]: module.assignment.tracksHtml[track] } : module.assignment.tracksHtml,
      },
    },
    access,
    isFellow: Boolean(fellow),
    submission,
    schedule,
    opensLater: Boolean(schedule && academyDate(new Date()) < schedule.opensOn),
    answers,
    sectionsDone: progress?.sectionsDone ?? [],
    track,
    equityPhases: Object.fromEntries(phases.map((p) => [p.id, p])),
  })
}

/** On client-side navigations, the module's code is imported before the page renders. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>()
  await loadModuleScript(moduleScriptUrl(data.module.slug, data.module.contentHash))
  return data
}

/**
 * Not after an autosave: the prompt keeps its own text and status. Not after a 503: the loader
 * would fail too and the error page would take the unsaved answers with it.
 */
export function shouldRevalidate({ formData, actionStatus, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (formData?.get('intent') === 'save-answer' || actionStatus === 503) return false
  return defaultShouldRevalidate
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request)
  try {
    return await saveFromModule({ request, slug: params.slug, form })
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error
    // Answered, not thrown: a thrown error swaps the page for the error boundary, and the answer
    // still in the text box would go with it. The prompt keeps the text and tries again.
    const promptId = String(form.get('promptId') ?? '')
    return json(
      { ok: false as const, promptId, error: DATABASE_UNAVAILABLE.autosave, retry: true as const },
      { status: 503, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    )
  }
}

async function saveFromModule({ request, slug, form }: { request: Request; slug: string | undefined; form: FormData }) {
  const { compiled, access, fellow } = await readableModule(request, slug)
  if (access !== 'edit' || !fellow) {
    return json({ ok: false as const, promptId: '', error: 'This module is read-only for you.' }, { status: 403 })
  }
  const submission = parseWithZod(form, { schema: ActionSchema })
  if (submission.status !== 'success') {
    const error = Object.values(submission.error ?? {}).flat()[0] ?? 'That request could not be read.'
    return json({ ok: false as const, promptId: '', error }, { status: 400 })
  }
  const value = submission.value
  if (value.intent === 'save-answer') {
    if (!compiled.prompts.some((p) => p.id === value.promptId)) {
      return json({ ok: false as const, promptId: value.promptId, error: 'That prompt is not part of this module.' }, { status: 400 })
    }
    const saved = await saveAnswer({ fellowId: fellow.fellowId, moduleSlug: compiled.slug, promptId: value.promptId, body: value.body })
    return json({ ok: true as const, promptId: value.promptId, savedAt: saved.updatedAt.toISOString() })
  }
  const allSections = compiled.sections.map((s) => s.id)
  if (!allSections.includes(value.sectionId)) {
    return json({ ok: false as const, promptId: '', error: 'That section is not part of this module.' }, { status: 400 })
  }
  const progress = await getProgress({ fellowId: fellow.fellowId, moduleSlug: compiled.slug })
  const next = applySectionMark({ done: progress?.sectionsDone ?? [], sectionId: value.sectionId, markDone: value.done === 'true', allSections })
  await setProgress({ fellowId: fellow.fellowId, moduleSlug: compiled.slug, ...next })
  return json({ ok: true as const, promptId: '', savedAt: new Date().toISOString() })
}

export default function ModuleReader() {
  const data = useLoaderData<typeof loader>()
  const { module, access, answers, sectionsDone, track, equityPhases, isFellow, submission, schedule, opensLater } = data
  const scriptUrl = moduleScriptUrl(module.slug, module.contentHash)
  const done = sectionsDone.filter((id) => module.sections.some((s) => s.id === id)).length
  return (
    <article className="mx-auto max-w-3xl">
      <div data-module-script={scriptUrl} hidden />
      <p className="text-sm font-semibold text-brand-700">
        <Link to="/learn" className="underline underline-offset-4">
          Curriculum
        </Link>{' '}
        · Year {module.year} · {MONTH_NAMES[module.month - 1]} · about {module.minutes} minutes
      </p>
      <h1 className="mt-2 text-4xl font-semibold text-slate-900">{module.title}</h1>
      {access === 'read' ? (
        <p className="mt-3 rounded border border-slate-300 bg-white px-4 py-2 text-sm text-slate-700">
          {isFellow ? 'This module is part of your year-one record: you can read it and your answers, not change them.' : 'You are reading this module; only fellows answer its prompts.'}
        </p>
      ) : (
        <div className="mt-4">
          <ProgressBar label="Sections done" value={done} max={module.sections.length} />
        </div>
      )}

      <section aria-labelledby="objectives" className="mt-6 rounded-lg bg-white p-5 shadow-sm">
        <h2 id="objectives" className="text-lg font-semibold">What you will be able to do</h2>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
          {module.objectives.map((o) => (
            <li key={o}>{o}</li>
          ))}
        </ul>
      </section>

      <nav aria-label="Sections of this module" className="mt-6 rounded-lg bg-white p-5 shadow-sm">
        <h2 className="text-lg font-semibold">Contents</h2>
        <ol className="mt-2 list-decimal space-y-1 pl-5">
          {module.sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-brand-700 underline underline-offset-4">
                {s.title}
              </a>
              {sectionsDone.includes(s.id) ? <span className="ml-2 text-sm text-emerald-800">✓ done</span> : null}
            </li>
          ))}
          <li>
            <a href="#assignment" className="text-brand-700 underline underline-offset-4">Assignment</a>
          </li>
        </ol>
      </nav>

      <div className="prose prose-slate mt-8 max-w-none prose-headings:scroll-mt-6 prose-a:text-brand-700">
        <ReaderProvider value={{ slug: module.slug, mode: access, answers, sectionsDone, track, equityPhases }}>
          <ModuleContent
            slug={module.slug}
            contentHash={module.contentHash}
            fallback={<p>This module could not be loaded. Reload the page to try again.</p>}
          />
        </ReaderProvider>
      </div>

      <section aria-labelledby="assignment" className="mt-10 rounded-lg border-2 border-brand-600 bg-white p-6">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">Assignment · {module.assignment.kind}</p>
        <h2 id="assignment" className="mt-1 text-2xl font-semibold">{module.assignment.title}</h2>
        <div className="prose prose-slate mt-3 max-w-none" dangerouslySetInnerHTML={{ __html: module.assignment.instructionsHtml }} />
        {module.assignment.tracksHtml
          ? Object.entries(module.assignment.tracksHtml).map(([name, html]) => (
              <div key={name} className="mt-4 rounded border-l-4 border-brand-600 bg-brand-50 px-4 py-2">
                <h3 className="font-semibold">{name === 'principal' ? 'For principals' : 'For assistant principals'}</h3>
                <div className="prose prose-slate max-w-none" dangerouslySetInnerHTML={{ __html: html }} />
              </div>
            ))
          : null}
        {schedule ? (
          <p className="mt-4 text-slate-800">
            Opens {schedule.opensOn} · due {schedule.dueOn}. Late work is still accepted, and marked late.
          </p>
        ) : null}
        {access === 'edit' && isFellow ? (
          submission ? (
            <p className="mt-4">
              <Link to={`/submissions/${submission.id}`} className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                Open your submission ({STATE_LABELS[submission.status].toLowerCase()})
              </Link>
            </p>
          ) : opensLater ? (
            <p className="mt-4 font-semibold text-slate-800">You can read this module now and submit once it opens.</p>
          ) : (
            <Form method="post" action="/submissions" className="mt-4">
              <input type="hidden" name="moduleSlug" value={module.slug} />
              <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                Start your submission
              </button>
            </Form>
          )
        ) : null}
      </section>

      <section aria-labelledby="readings" className="mt-8">
        <h2 id="readings" className="text-lg font-semibold">Readings</h2>
        <ul className="mt-2 space-y-2 text-slate-800">
          {module.readings.map((r) => (
            <li key={r.key} className="pl-6 -indent-6">{r.citation}</li>
          ))}
        </ul>
      </section>
    </article>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
