import { z } from 'zod'
import { ARTIFACT_TITLE_MAX } from './artifacts'

/**
 * PDSA cycles (Plan, Do, Study, Act) on a fellow's problem of practice (principals) or project
 * (assistant principals): one artifact holds a ramp of cycles, each starting from the last one's
 * act decision, and the measures the cycles are judged by.
 */

export const PDSA_TEXT_MAX = 5000
export const PDSA_NAME_MAX = 200
export const PDSA_UNIT_MAX = 60
export const PDSA_MAX_CYCLES = 50
export const PDSA_MAX_MEASURES = 20
export const PDSA_MAX_POINTS_PER_MEASURE = 500
export const PDSA_EARLIEST_DATE = '2000-01-01'

export const PDSA_ACTS = ['adopt', 'adapt', 'abandon'] as const
export type PdsaAct = (typeof PDSA_ACTS)[number]

export const PDSA_ACT_LABELS: Record<PdsaAct, string> = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' }
export const PDSA_ACT_MEANINGS: Record<PdsaAct, string> = {
  adopt: 'Keep the change as it is and test it at a larger scale or in new conditions.',
  adapt: 'Change the idea in the light of what you learned and test it again.',
  abandon: 'Drop this change idea and test a different one.',
}

export const PDSA_PHASES = ['plan', 'do', 'study', 'act'] as const
export type PdsaPhase = (typeof PDSA_PHASES)[number]

export const PDSA_PHASE_LABELS: Record<PdsaPhase, string> = { plan: 'Plan', do: 'Do', study: 'Study', act: 'Act' }

/**
 * Which phase of the equity-centered improvement prompts sits beside each part of the tool
 * (content/equity-prompts.json): the aim is where effort is focused, the plan is where change ideas
 * are generated, doing and studying are learning in practice, and acting decides what sustains.
 */
export const PDSA_EQUITY_PHASES: Record<PdsaPhase | 'aim', string> = {
  aim: 'focus-collective-efforts',
  plan: 'generate-change-ideas',
  do: 'learn-in-practice',
  study: 'learn-in-practice',
  act: 'sustain-and-spread',
}

// ── What a new ramp starts from ────────────────────────────────────────────

export type FellowFocus = {
  position: 'principal' | 'assistant_principal'
  focusArea: 'literacy' | 'mathematics' | null
  projectTitle: string | null
}

export type PdsaPrefill = { title: string; problem: string; hint: string }

function clip(text: string, max: number) {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/**
 * Principals test changes on their problem of practice in their focus area; assistant principals on
 * their project. The fellow edits whatever is prefilled.
 */
export function pdsaPrefill(fellow: FellowFocus): PdsaPrefill {
  if (fellow.position === 'assistant_principal') {
    const project = fellow.projectTitle?.trim() ?? ''
    return project
      ? {
          title: clip(`PDSA: ${project}`, ARTIFACT_TITLE_MAX),
          problem: clip(project, PDSA_TEXT_MAX),
          hint: `From your assistant principal project, “${project}”. Sharpen it into the problem these cycles work on: what happens, for which students, where.`,
        }
      : {
          title: 'PDSA: my project',
          problem: '',
          hint: 'Name the problem your assistant principal project works on: what happens, for which students, where.',
        }
  }
  const area = fellow.focusArea
  return {
    title: area ? `PDSA: ${area} problem of practice` : 'PDSA: my problem of practice',
    problem: area ? `Problem of practice (${area}): ` : 'Problem of practice: ',
    hint: area
      ? `Your problem of practice is in ${area}. Finish the sentence: what happens, for which students, where.`
      : 'Finish the sentence: what happens, for which students, where.',
  }
}

/** The bare prefill with nothing written after it says nothing yet. */
const BARE_PROBLEM = /^Problem of practice( \((literacy|mathematics)\))?:$/

// ── Validation ──────────────────────────────────────────────────────────────

function optionalText(what: string) {
  return z.string().trim().max(PDSA_TEXT_MAX, `Keep ${what} to 5,000 characters or fewer.`).default('')
}

function requiredText(what: string, missing: string) {
  return z.string({ required_error: missing }).trim().min(1, missing).max(PDSA_TEXT_MAX, `Keep ${what} to 5,000 characters or fewer.`)
}

const titleField = z
  .string({ required_error: 'Give this work a title.' })
  .trim()
  .min(1, 'Give this work a title.')
  .max(ARTIFACT_TITLE_MAX, `Keep the title to ${ARTIFACT_TITLE_MAX} characters or fewer.`)

const problemField = requiredText('the problem', 'Say what problem these cycles work on.').refine(
  (problem) => !BARE_PROBLEM.test(problem),
  'Finish the problem statement after the colon.',
)

const fishboneField = z.string().uuid('Choose one of your fishbones, or none.').optional()

const measureNameField = z
  .string({ required_error: 'Name the measure.' })
  .trim()
  .min(1, 'Name the measure.')
  .max(PDSA_NAME_MAX, `Keep the measure’s name to ${PDSA_NAME_MAX} characters or fewer.`)

const unitField = z.string().trim().max(PDSA_UNIT_MAX, `Keep the unit to ${PDSA_UNIT_MAX} characters or fewer.`).default('')

export const CreatePdsaSchema = z
  .object({
    title: titleField,
    problem: problemField,
    aim: optionalText('the aim'),
    fishboneId: fishboneField,
    measureName: measureNameField.optional(),
    measureUnit: unitField,
  })
  .superRefine((value, ctx) => {
    if (value.measureUnit && !value.measureName) ctx.addIssue({ code: 'custom', path: ['measureName'], message: 'Name the measure this unit belongs to, or leave both empty.' })
  })

export const RampSchema = z.object({
  intent: z.literal('ramp'),
  title: titleField,
  problem: problemField,
  aim: optionalText('the aim'),
  fishboneId: fishboneField,
})

const changeIdeaField = requiredText('the change idea', 'Say what change you are testing.')

export const StartCycleSchema = z.object({ intent: z.literal('start-cycle'), changeIdea: changeIdeaField })

export const PlanSchema = z.object({
  intent: z.literal('plan'),
  changeIdea: changeIdeaField,
  prediction: optionalText('the prediction'),
  planWho: optionalText('who'),
  planWhat: optionalText('what'),
  planWhen: optionalText('when'),
  planWhere: optionalText('where'),
  planMeasures: optionalText('the measures'),
})

export const DoSchema = z.object({ intent: z.literal('do'), doNotes: optionalText('what happened') })

export const StudySchema = z.object({ intent: z.literal('study'), studyNotes: optionalText('the study notes') })

export const ActSchema = z
  .object({
    intent: z.literal('act'),
    act: z.enum(PDSA_ACTS, { errorMap: () => ({ message: 'Choose adopt, adapt or abandon.' }) }),
    actNotes: optionalText('the notes'),
  })
  .superRefine((value, ctx) => {
    if (value.act === 'adapt' && !value.actNotes) ctx.addIssue({ code: 'custom', path: ['actNotes'], message: 'Say what you will adapt in the next cycle.' })
  })

export const MeasureSchema = z.object({ intent: z.literal('add-measure'), name: measureNameField, unit: unitField })

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A real calendar date written YYYY-MM-DD (so 2026-02-30 is refused). */
export function isIsoDate(text: string) {
  const match = ISO_DATE.exec(text)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The latest date a data point may carry: a year after today (planned observations, typed ahead). */
export function latestObservationDate(today: string) {
  const date = new Date(`${today}T00:00:00Z`)
  date.setUTCFullYear(date.getUTCFullYear() + 1)
  return date.toISOString().slice(0, 10)
}

function observedOnField(today: string) {
  const latest = latestObservationDate(today)
  return z
    .string({ required_error: 'Give the date of the observation.' })
    .trim()
    .superRefine((text, ctx) => {
      if (!isIsoDate(text)) ctx.addIssue({ code: 'custom', message: 'Give a real calendar date, written YYYY-MM-DD.' })
      else if (text < PDSA_EARLIEST_DATE) ctx.addIssue({ code: 'custom', message: 'Give a date on or after 2000-01-01.' })
      else if (text > latest) ctx.addIssue({ code: 'custom', message: `Give a date no later than ${latest}, a year from today.` })
    })
}

const DECIMAL = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/

const valueField = z
  .string({ required_error: 'Give the value as a number.' })
  .trim()
  .regex(DECIMAL, 'Give the value as a number, such as 12 or 12.5.')
  .transform(Number)
  .refine(Number.isFinite, 'That number is too large to chart.')

/** A data point on a measure; dates run from 2000-01-01 to a year after `today`. */
export function dataPointSchema(today: string) {
  return z.object({
    intent: z.literal('add-point'),
    measureId: z.string({ required_error: 'Choose a measure.' }).uuid('Choose a measure.'),
    observedOn: observedOnField(today),
    value: valueField,
    cycleId: z.string().uuid('Choose one of the cycles, or none.').optional(),
    note: optionalText('the note'),
  })
}

export const DeletePointSchema = z.object({
  intent: z.literal('delete-point'),
  pointId: z.string({ required_error: 'Choose a data point.' }).uuid('Choose a data point.'),
})

// ── Chaining cycles ─────────────────────────────────────────────────────────

export type CycleLink = { number: number; changeIdea: string; act: PdsaAct | null; actNotes: string }

export type CycleOrigin = {
  from: { number: number; act: PdsaAct; actNotes: string }
  /** What the new cycle's change idea starts as: the last idea unless it was abandoned. */
  changeIdea: string
  /** For an adapted idea, what the last cycle said to change. */
  adapting: string | null
}

/**
 * What a cycle starts from, once the cycle before it has its act decision: adopt and adapt carry the
 * change idea forward (adapt with what to change beside it), abandon starts from a blank idea.
 */
export function cycleOrigin(previous: CycleLink): CycleOrigin | null {
  if (!previous.act) return null
  const from = { number: previous.number, act: previous.act, actNotes: previous.actNotes }
  if (previous.act === 'abandon') return { from, changeIdea: '', adapting: null }
  return { from, changeIdea: previous.changeIdea, adapting: previous.act === 'adapt' ? previous.actNotes : null }
}

export type NextCycle =
  | ({ allowed: true; number: number } & CycleOrigin)
  | { allowed: true; number: 1; from: null; changeIdea: ''; adapting: null }
  | { allowed: false; number: number; reason: 'needs-act' | 'limit'; message: string }

/** Cycle N+1 may start only once cycle N has its act decision, and starts from it (see cycleOrigin). */
export function nextCycle({ last, count }: { last: CycleLink | null; count: number }): NextCycle {
  const number = (last?.number ?? 0) + 1
  if (count >= PDSA_MAX_CYCLES) {
    return { allowed: false, number, reason: 'limit', message: `A ramp holds at most ${PDSA_MAX_CYCLES} cycles. Start new PDSA work for further cycles.` }
  }
  if (!last) return { allowed: true, number: 1, from: null, changeIdea: '', adapting: null }
  const origin = cycleOrigin(last)
  if (!origin) {
    return {
      allowed: false,
      number,
      reason: 'needs-act',
      message: `Decide whether to adopt, adapt or abandon cycle ${last.number} before starting cycle ${number}.`,
    }
  }
  return { allowed: true, number, ...origin }
}

/** "Starts from cycle 1: Adapt — fewer students per group": the line at the head of a chained cycle. */
export function startsFromText(from: { number: number; act: PdsaAct; actNotes: string }) {
  const notes = from.actNotes.trim()
  return `Starts from cycle ${from.number}: ${PDSA_ACT_LABELS[from.act]}${notes ? ` — ${notes}` : ''}`
}

export type CycleProgress = {
  changeIdea: string
  prediction: string
  doNotes: string
  studyNotes: string
  act: PdsaAct | null
}

/** Where a cycle stands: the phase to work on next, or done once the act decision is made. */
export function cycleStage(cycle: CycleProgress): PdsaPhase | 'done' {
  if (cycle.act) return 'done'
  if (cycle.studyNotes) return 'act'
  if (cycle.doNotes) return 'study'
  if (cycle.prediction) return 'do'
  return 'plan'
}

/** The first problem a form's validation found, for the sentence above the form. */
export function firstMessage(errors: Record<string, string[] | null | undefined> | null | undefined, fallback = 'That could not be saved. Check the form and try again.') {
  return Object.values(errors ?? {}).flat().find((message) => typeof message === 'string' && message.length > 0) ?? fallback
}
