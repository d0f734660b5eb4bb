/**
 * The server half of the module page (app/routes/learn.$slug.tsx): its loader and action. Kept
 * apart so the route imports one server module of its own: Remix's classic compiler turns each
 * `.server` import of a route into an empty module in the browser build, and one imported by
 * several routes became a shared chunk of its own, a request a fellow's browser made for nothing
 * (remix-run/remix#209). The module page, the one fellows open most, asked for seven.
 */
import { parseWithZod } from '@conform-to/zod'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { json } from '@remix-run/node'
import { z } from 'zod'
import { ANSWER_MAX_LENGTH, applySectionMark, moduleAccess, trackOfPosition } from '~/domain/reader'
import { academyDate } from '~/domain/schedule'
import { getAnswers, getProgress, saveAnswer, setProgress } from '~/models/module.server'
import { getScheduleEntry } from '~/models/schedule.server'
import { findSubmission } from '~/models/submission.server'
import { getCompiledModule, getCurriculum } from '~/utils/content.server'
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '~/utils/database-unavailable'
import { requireModuleViewer } from '~/utils/reader.server'
import { readForm } from '~/utils/request.server'

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

