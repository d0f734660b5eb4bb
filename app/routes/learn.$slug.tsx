import type { MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, type ClientLoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { ReaderProvider } from '~/components/mdx/reader-context'
import { loadModuleScript, ModuleContent, moduleScriptUrl } from '~/components/mdx/registry'
import { ProgressBar } from '~/components/progress-bar'
import { MONTH_NAMES } from '~/domain/curriculum'
import { STATE_LABELS } from '~/domain/submission-state'
import type { loader } from '~/utils/module-page.server'

// The loader and action live in a server module of this route's own (docs/decisions/0016).
export { action, loader } from '~/utils/module-page.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.module.title} · SILA Academy` : 'Module · SILA Academy' },
]

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
