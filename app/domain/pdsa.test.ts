import { expect, test } from 'vitest'
import {
  ActSchema,
  CreatePdsaSchema,
  type CycleLink,
  cycleOrigin,
  cycleStage,
  dataPointSchema,
  firstMessage,
  isIsoDate,
  latestObservationDate,
  MeasureSchema,
  nextCycle,
  PDSA_EQUITY_PHASES,
  PDSA_MAX_CYCLES,
  pdsaPrefill,
  PlanSchema,
  startsFromText,
} from './pdsa'

const TODAY = '2026-11-23'
const MEASURE = '6f1c1a52-0d7e-4c4b-9d84-5b0f4f0f6a11'

function pointErrors(input: Record<string, string | undefined>) {
  const result = dataPointSchema(TODAY).safeParse({ intent: 'add-point', measureId: MEASURE, ...input })
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
}

test('assistant principals start from their project title; principals from their focus area as a hint', () => {
  const ap = pdsaPrefill({ position: 'assistant_principal', focusArea: null, projectTitle: 'Family attendance at student-led conferences' })
  expect(ap.problem).toBe('Family attendance at student-led conferences')
  expect(ap.title).toBe('PDSA: Family attendance at student-led conferences')
  expect(ap.hint).toContain('“Family attendance at student-led conferences”')

  const principal = pdsaPrefill({ position: 'principal', focusArea: 'mathematics', projectTitle: null })
  expect(principal.problem).toBe('Problem of practice (mathematics): ')
  expect(principal.hint).toContain('Your problem of practice is in mathematics.')

  expect(pdsaPrefill({ position: 'principal', focusArea: null, projectTitle: null }).problem).toBe('Problem of practice: ')
  expect(pdsaPrefill({ position: 'assistant_principal', focusArea: null, projectTitle: null }).problem).toBe('')
  const long = pdsaPrefill({ position: 'assistant_principal', focusArea: null, projectTitle: 'x'.repeat(300) })
  expect(long.title.length).toBe(200)
})

test('each part of the tool sits beside its phase of the equity prompts', () => {
  expect(PDSA_EQUITY_PHASES).toEqual({
    aim: 'focus-collective-efforts',
    plan: 'generate-change-ideas',
    do: 'learn-in-practice',
    study: 'learn-in-practice',
    act: 'sustain-and-spread',
  })
})

test('the first cycle may always start, with a blank change idea', () => {
  expect(nextCycle({ last: null, count: 0 })).toEqual({ allowed: true, number: 1, changeIdea: '', from: null, adapting: null })
})

test('a cycle cannot start until the one before it has an act decision', () => {
  const next = nextCycle({ last: { number: 1, changeIdea: 'Text reminders', act: null, actNotes: '' }, count: 1 })
  expect(next).toMatchObject({ allowed: false, number: 2, reason: 'needs-act' })
  expect(next.allowed ? '' : next.message).toBe('Decide whether to adopt, adapt or abandon cycle 1 before starting cycle 2.')
})

test('adopt and adapt carry the change idea forward; adapt says what is being adapted; abandon starts blank', () => {
  const idea = 'Text families a reminder the day before conferences'
  expect(nextCycle({ last: { number: 2, changeIdea: idea, act: 'adopt', actNotes: 'Worked well' }, count: 2 })).toEqual({
    allowed: true,
    number: 3,
    changeIdea: idea,
    from: { number: 2, act: 'adopt', actNotes: 'Worked well' },
    adapting: null,
  })
  const adapted = nextCycle({ last: { number: 1, changeIdea: idea, act: 'adapt', actNotes: 'Send it in Spanish too' }, count: 1 })
  expect(adapted).toMatchObject({ allowed: true, number: 2, changeIdea: idea, adapting: 'Send it in Spanish too' })
  const abandoned = nextCycle({ last: { number: 1, changeIdea: idea, act: 'abandon', actNotes: 'No change at all' }, count: 1 })
  expect(abandoned).toMatchObject({ allowed: true, number: 2, changeIdea: '', adapting: null, from: { act: 'abandon' } })
})

test('a cycle’s origin is the act decision of the one before it, or nothing while that is undecided', () => {
  expect(cycleOrigin({ number: 4, changeIdea: 'Idea', act: null, actNotes: '' })).toBeNull()
  expect(cycleOrigin({ number: 4, changeIdea: 'Idea', act: 'adapt', actNotes: 'Shorter' })).toEqual({
    from: { number: 4, act: 'adapt', actNotes: 'Shorter' },
    changeIdea: 'Idea',
    adapting: 'Shorter',
  })
})

test('a ramp stops at 50 cycles', () => {
  const last: CycleLink = { number: PDSA_MAX_CYCLES, changeIdea: 'x', act: 'adopt', actNotes: '' }
  expect(nextCycle({ last, count: PDSA_MAX_CYCLES })).toMatchObject({ allowed: false, reason: 'limit' })
  expect(nextCycle({ last: { ...last, number: 49 }, count: 49 })).toMatchObject({ allowed: true, number: 50 })
})

test('the line at the head of a chained cycle names the cycle, the decision and its notes', () => {
  expect(startsFromText({ number: 1, act: 'adapt', actNotes: ' Smaller groups ' })).toBe('Starts from cycle 1: Adapt — Smaller groups')
  expect(startsFromText({ number: 3, act: 'adopt', actNotes: '' })).toBe('Starts from cycle 3: Adopt')
})

test('a cycle’s stage follows what has been written', () => {
  const blank = { changeIdea: 'Idea', prediction: '', doNotes: '', studyNotes: '', act: null }
  expect(cycleStage(blank)).toBe('plan')
  expect(cycleStage({ ...blank, prediction: 'More will come' })).toBe('do')
  expect(cycleStage({ ...blank, prediction: 'p', doNotes: 'Ran it' })).toBe('study')
  expect(cycleStage({ ...blank, prediction: 'p', doNotes: 'd', studyNotes: 's' })).toBe('act')
  expect(cycleStage({ ...blank, act: 'abandon' })).toBe('done')
})

test('dates must be real calendar dates from 2000-01-01 to a year after today', () => {
  expect(isIsoDate('2026-02-28')).toBe(true)
  expect(isIsoDate('2028-02-29')).toBe(true)
  expect(isIsoDate('2026-02-29')).toBe(false)
  expect(isIsoDate('2026-13-01')).toBe(false)
  expect(isIsoDate('26-01-01')).toBe(false)
  expect(latestObservationDate(TODAY)).toBe('2027-11-23')
  expect(pointErrors({ observedOn: '2026-02-30', value: '3' })).toEqual(['observedOn: Give a real calendar date, written YYYY-MM-DD.'])
  expect(pointErrors({ observedOn: '1999-12-31', value: '3' })).toEqual(['observedOn: Give a date on or after 2000-01-01.'])
  expect(pointErrors({ observedOn: '2000-01-01', value: '3' })).toEqual([])
  expect(pointErrors({ observedOn: '2027-11-23', value: '3' })).toEqual([])
  expect(pointErrors({ observedOn: '2027-11-24', value: '3' })).toEqual(['observedOn: Give a date no later than 2027-11-23, a year from today.'])
  expect(pointErrors({ value: '3' })).toEqual(['observedOn: Give the date of the observation.'])
})

test('values must be finite numbers', () => {
  const ok = dataPointSchema(TODAY).parse({ intent: 'add-point', measureId: MEASURE, observedOn: '2026-10-01', value: ' -12.5 ' })
  expect(ok.value).toBe(-12.5)
  expect(ok.note).toBe('')
  expect(pointErrors({ observedOn: '2026-10-01', value: 'twelve' })).toEqual(['value: Give the value as a number, such as 12 or 12.5.'])
  expect(pointErrors({ observedOn: '2026-10-01', value: 'Infinity' })).toEqual(['value: Give the value as a number, such as 12 or 12.5.'])
  expect(pointErrors({ observedOn: '2026-10-01', value: '0x10' })).toEqual(['value: Give the value as a number, such as 12 or 12.5.'])
  expect(pointErrors({ observedOn: '2026-10-01', value: '1e999' })).toEqual(['value: That number is too large to chart.'])
  expect(pointErrors({ observedOn: '2026-10-01', value: '1e3' })).toEqual([])
  expect(pointErrors({ observedOn: '2026-10-01', value: '3', note: 'n'.repeat(5001) })).toEqual(['note: Keep the note to 5,000 characters or fewer.'])
  expect(pointErrors({ observedOn: '2026-10-01', value: '3', cycleId: 'cycle-1' })).toEqual(['cycleId: Choose one of the cycles, or none.'])
})

test('a plan needs its change idea; text fields stop at 5,000 characters', () => {
  const missing = PlanSchema.safeParse({ intent: 'plan', prediction: 'More families come' })
  expect(missing.success ? [] : missing.error.issues.map((i) => i.message)).toEqual(['Say what change you are testing.'])
  const blank = PlanSchema.safeParse({ intent: 'plan', changeIdea: '   ' })
  expect(blank.success).toBe(false)
  const long = PlanSchema.safeParse({ intent: 'plan', changeIdea: 'Idea', planWho: 'w'.repeat(5001) })
  expect(long.success ? [] : long.error.issues.map((i) => i.message)).toEqual(['Keep who to 5,000 characters or fewer.'])
  expect(PlanSchema.parse({ intent: 'plan', changeIdea: ' Idea ', planWho: 'w'.repeat(5000) }).changeIdea).toBe('Idea')
})

test('act needs a decision, and an adaptation needs to say what changes', () => {
  expect(ActSchema.safeParse({ intent: 'act' }).success).toBe(false)
  expect(ActSchema.safeParse({ intent: 'act', act: 'pivot' }).success).toBe(false)
  const adapt = ActSchema.safeParse({ intent: 'act', act: 'adapt' })
  expect(adapt.success ? [] : adapt.error.issues.map((i) => i.message)).toEqual(['Say what you will adapt in the next cycle.'])
  expect(ActSchema.parse({ intent: 'act', act: 'abandon' })).toEqual({ intent: 'act', act: 'abandon', actNotes: '' })
})

test('a new ramp needs a finished problem; a unit needs a measure name', () => {
  const base = { title: 'PDSA: literacy', aim: '' }
  const bare = CreatePdsaSchema.safeParse({ ...base, problem: 'Problem of practice (literacy): ' })
  expect(bare.success ? [] : bare.error.issues.map((i) => i.message)).toEqual(['Finish the problem statement after the colon.'])
  const unitAlone = CreatePdsaSchema.safeParse({ ...base, problem: 'Grade 3 reading', measureUnit: 'students' })
  expect(unitAlone.success ? [] : unitAlone.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
    'measureName: Name the measure this unit belongs to, or leave both empty.',
  ])
  const longTitle = CreatePdsaSchema.safeParse({ ...base, title: 't'.repeat(201), problem: 'p' })
  expect(longTitle.success).toBe(false)
  expect(CreatePdsaSchema.safeParse({ ...base, problem: 'p', fishboneId: 'not-an-id' }).success).toBe(false)
  expect(CreatePdsaSchema.parse({ ...base, problem: 'Problem of practice (literacy): grade 3 fluency' }).problem).toBe(
    'Problem of practice (literacy): grade 3 fluency',
  )
})

test('measure names stop at 200 characters', () => {
  expect(MeasureSchema.safeParse({ intent: 'add-measure', name: 'n'.repeat(200) }).success).toBe(true)
  const long = MeasureSchema.safeParse({ intent: 'add-measure', name: 'n'.repeat(201) })
  expect(long.success ? [] : long.error.issues.map((i) => i.message)).toEqual(['Keep the measure’s name to 200 characters or fewer.'])
  expect(MeasureSchema.safeParse({ intent: 'add-measure' }).success).toBe(false)
})

test('the sentence above a refused form is its first error', () => {
  expect(firstMessage({ title: null, value: ['Give the value as a number, such as 12 or 12.5.', 'x'] })).toBe('Give the value as a number, such as 12 or 12.5.')
  expect(firstMessage(undefined)).toBe('That could not be saved. Check the form and try again.')
})
