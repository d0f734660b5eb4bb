import type {
  coachAssignments,
  coachingSessions,
  cohorts,
  fellows,
  leas,
  moduleProgress,
  promptResponses,
  schools,
  submissionEvents,
  submissions,
  users,
} from '../../db/schema'
import { trackOfPosition } from '../../app/domain/reader'
import { defaultSchedule } from '../../app/domain/schedule'
import { createRandom, deriveSeed, type Random } from './random'

/**
 * The synthetic statewide academy, as plain rows: pure, so the same seed, size and "today" always
 * give the same academy. scripts/large-academy/seed.ts writes these rows; nothing here touches I/O.
 */

export const LARGE_DOMAIN = 'large.sila.test'

const STRUCTURE_NAMESPACE = 0xffffff

export type AcademySize = {
  fellows: number
  cohorts: number
  leas: number
  schoolsPerLea: number
  coaches: number
  coachingSessions: number
  staff: number
}

/** 10,000 fellows → 50 cohorts, 200 LEAs, 400 coaches, 100,000 sessions; smaller academies scale down in proportion. */
export function academySize(fellowCount: number): AcademySize {
  const scale = fellowCount / 10_000
  return {
    fellows: fellowCount,
    // At least two cohorts, so there is always one in each program year.
    cohorts: Math.max(2, Math.round(50 * scale)),
    leas: Math.max(2, Math.round(200 * scale)),
    schoolsPerLea: 10,
    coaches: Math.max(1, Math.round(400 * scale)),
    coachingSessions: Math.round(100_000 * scale),
    staff: 5,
  }
}

/** What the plan needs of each compiled module (build/content/manifest.json). */
export type PlanModule = {
  slug: string
  year: number
  month: number
  track: 'all' | 'principal' | 'assistant-principal'
  sections: { id: string }[]
  prompts: { id: string }[]
  assignment: { id: string }
}

export type PlanOptions = { size: AcademySize; seed: number; today: string; modules: PlanModule[] }

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert']

export type Structure = {
  leas: (Row<typeof leas> & { id: string })[]
  schools: (Row<typeof schools> & { id: string })[]
  cohorts: (Row<typeof cohorts> & { id: string; startYear: number })[]
  staffUsers: Row<typeof users>[]
  coaches: (Row<typeof users> & { id: string })[]
}

/** The academic year "today" falls in starts in September of this calendar year. */
export function academicStartYear(today: string) {
  const [year, month] = today.split('-').map(Number)
  return month >= 8 ? year : year - 1
}

const FIRST = ['Amara', 'Luis', 'Keisha', 'Daniel', 'Mei', 'Jamal', 'Rosa', 'Ethan', 'Nadia', 'Marcus', 'Grace', 'Omar', 'Tanya', 'Victor', 'Imani', 'Samuel', 'Leticia', 'Hannah', 'Andre', 'Priya', 'Tomás', 'Aisha', 'Kenji', 'Fatima', 'Desmond', 'Lucia', 'Malik', 'Ingrid', 'Rafael', 'Zora']
const LAST = ['Okafor', 'Delgado', 'Brooks', 'Nguyen', 'Patel', 'Washington', 'Romero', 'Kim', 'Haddad', 'Coleman', 'Ferreira', 'Sullivan', 'Mensah', 'Ortiz', 'Baptiste', 'Levin', 'Chavez', 'Adeyemi', 'Morrison', 'Yamamoto', 'Osei', 'Larsen', 'Abubakar', 'Moreau', 'Tran', 'Gallagher', 'Ibarra', 'Nakamura', 'Whitaker', 'Quispe']
const PLACES = ['Severn', 'Catoctin', 'Tidewater', 'Harbor', 'Maple', 'Cedar', 'Chesapeake', 'Piedmont', 'Pine Barrens', 'Raritan', 'Passaic', 'Monocacy', 'Patuxent', 'Allegheny', 'Delaware', 'Hudson', 'Brandywine', 'Susquehanna', 'Potomac', 'Shore']
const SCHOOL_KINDS = ['Elementary School', 'Middle School', 'High School', 'Intermediate School', 'Academy']
const WORDS = 'equity students teachers families data system belief practice improvement coaching voice evidence attendance literacy mathematics schedule culture leadership audit change cycle measure pattern question learning community trust root cause structure'.split(' ')

function pad(n: number, width: number) {
  return String(n).padStart(width, '0')
}

function nameOf(random: Random) {
  return `${random.pick(FIRST)} ${random.pick(LAST)}`
}

/** A few sentences of invented reflective prose; what matters is its length, not its sense. */
function prose(random: Random, words: number) {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(random.pick(WORDS))
  return `${out.join(' ')}.`
}

/** An ISO day plus or minus whole days. */
export function addDays(iso: string, days: number) {
  const date = new Date(`${iso}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** A moment on a school day, between 9 a.m. and 5 p.m. Eastern (14:00–22:00 UTC). */
function during(iso: string, random: Random) {
  return new Date(`${iso}T${pad(random.int(14, 21), 2)}:${pad(random.int(0, 59), 2)}:00Z`)
}

function earlier(a: string, b: string) {
  return a < b ? a : b
}

/** `totpKey` (encrypted) is every coach's, staff member's and admin's second factor, as the app requires. */
export function planStructure({ size, seed, today }: PlanOptions, passwordHash: string, totpKey: string): Structure {
  // The structure's ids live in their own namespace, above every fellow's.
  const random = createRandom(deriveSeed(seed, 'structure'), STRUCTURE_NAMESPACE)
  const startYear = academicStartYear(today)
  const leaRows = Array.from({ length: size.leas }, (_, i) => ({
    id: random.uuid(),
    // The first half of the LEAs are in Maryland, the rest in New Jersey.
    state: i < size.leas / 2 ? ('MD' as const) : ('NJ' as const),
    name: `${random.pick(PLACES)} District ${pad(i + 1, 3)}`,
  }))
  const schoolRows = leaRows.flatMap((lea, l) =>
    Array.from({ length: size.schoolsPerLea }, (_, s) => ({
      id: random.uuid(),
      leaId: lea.id,
      name: `${random.pick(PLACES)} ${random.pick(SCHOOL_KINDS)} ${pad(l * size.schoolsPerLea + s + 1, 4)}`,
    })),
  )
  const cohortRows = Array.from({ length: size.cohorts }, (_, i) => {
    // The first half started this September (year one), the rest a year earlier (year two).
    const cohortStart = i < Math.ceil(size.cohorts / 2) ? startYear : startYear - 1
    return { id: random.uuid(), name: `Cohort ${pad(i + 1, 2)} (${cohortStart}–${cohortStart + 2})`, startYear: cohortStart, coachingCadence: 1 }
  })
  const account = (email: string, name: string, role: 'coach' | 'staff' | 'admin') => ({
    id: random.uuid(),
    email,
    name,
    role,
    status: 'active' as const,
    passwordHash,
    totpKey,
  })
  const staffUsers = [
    account(`admin@${LARGE_DOMAIN}`, 'Rena Achebe', 'admin'),
    ...Array.from({ length: size.staff }, (_, i) => account(i === 0 ? `staff@${LARGE_DOMAIN}` : `staff${i + 1}@${LARGE_DOMAIN}`, nameOf(random), 'staff')),
  ]
  const coaches = Array.from({ length: size.coaches }, (_, i) => account(`coach.${pad(i + 1, 3)}@${LARGE_DOMAIN}`, nameOf(random), 'coach'))
  return { leas: leaRows, schools: schoolRows, cohorts: cohortRows, staffUsers, coaches }
}

export type FellowRows = {
  user: Row<typeof users>
  fellow: Row<typeof fellows>
  pairing: Row<typeof coachAssignments>
  progress: Row<typeof moduleProgress>[]
  answers: Row<typeof promptResponses>[]
  submissions: Row<typeof submissions>[]
  events: Row<typeof submissionEvents>[]
  sessions: Row<typeof coachingSessions>[]
}

/** How engaged a fellow is shapes everything else about their year: steady, behind, or adrift. */
const ENGAGEMENT = {
  steady: { start: 0.98, complete: 0.9, answer: 0.9, handIn: 0.95, lateShare: 0.08, signInDays: [0, 7] },
  behind: { start: 0.85, complete: 0.6, answer: 0.7, handIn: 0.7, lateShare: 0.4, signInDays: [3, 20] },
  adrift: { start: 0.5, complete: 0.3, answer: 0.5, handIn: 0.3, lateShare: 0.7, signInDays: [21, 60] },
} as const

/**
 * How many coaching sessions each fellow has had: the academy's total, shared in proportion to the
 * months each fellow has been paired (a year-two fellow has had about five times a year-one's).
 */
export function sessionQuota({ size, today }: PlanOptions, structure: Structure) {
  const monthsOf = (fellowIndex: number) => {
    const cohort = structure.cohorts[fellowIndex % structure.cohorts.length]
    const [year, month] = today.split('-').map(Number)
    return Math.max(1, (year - cohort.startYear) * 12 + month - 8)
  }
  const weights = Array.from({ length: size.fellows }, (_, i) => monthsOf(i))
  const total = weights.reduce((sum, w) => sum + w, 0)
  const quota = weights.map((w) => Math.floor((size.coachingSessions * w) / total))
  let left = size.coachingSessions - quota.reduce((sum, q) => sum + q, 0)
  for (let i = 0; left > 0; i = (i + 1) % quota.length, left--) quota[i]++
  return quota
}

/** Everything about fellow number `index`: account, placement, pairing, a year of work and coaching. */
export function planFellow(options: PlanOptions, structure: Structure, index: number, quota: number, passwordHash: string): FellowRows {
  const { seed, today, modules } = options
  const random = createRandom(deriveSeed(seed, `fellow:${index}`), index)
  const cohort = structure.cohorts[index % structure.cohorts.length]
  const programYear = cohort.startYear === academicStartYear(today) ? 1 : 2
  const position = random.chance(0.6) ? ('principal' as const) : ('assistant_principal' as const)
  const engagement = ENGAGEMENT[random.chance(0.7) ? 'steady' : random.chance(0.67) ? 'behind' : 'adrift']
  const coach = structure.coaches[index % structure.coaches.length]
  const userId = random.uuid()
  const fellowId = random.uuid()
  const name = nameOf(random)
  const cohortStart = `${cohort.startYear}-09-01`

  const user = {
    id: userId,
    email: `fellow.${pad(index + 1, 5)}@${LARGE_DOMAIN}`,
    name,
    role: 'fellow' as const,
    status: 'active' as const,
    passwordHash,
    lastSignInAt: during(addDays(today, -random.int(engagement.signInDays[0], engagement.signInDays[1])), random),
    createdAt: during(addDays(cohortStart, -20), random),
  }
  const fellow = {
    id: fellowId,
    userId,
    cohortId: cohort.id,
    schoolId: random.pick(structure.schools).id,
    position,
    programYear,
    focusArea: programYear === 2 && position === 'principal' ? random.pick(['literacy', 'mathematics'] as const) : null,
    projectTitle: programYear === 2 && position === 'assistant_principal' ? `Project: ${prose(random, 5)}` : null,
  }
  const pairing = { id: random.uuid(), fellowId, coachId: coach.id, startsOn: cohortStart }

  const track = trackOfPosition(position)
  const schedule = new Map(defaultSchedule(cohort.startYear, modules).map((s) => [s.moduleSlug, s]))
  const record = modules.filter((m) => m.year <= programYear && (m.track === 'all' || m.track === track))
  const rows: FellowRows = { user, fellow, pairing, progress: [], answers: [], submissions: [], events: [], sessions: [] }

  for (const module of record) {
    const dates = schedule.get(module.slug)
    if (!dates || dates.opensOn > today || !random.chance(engagement.start)) continue
    // The month still under way is less far along than the ones behind it.
    const current = dates.dueOn >= today
    const startedOn = earlier(addDays(dates.opensOn, random.int(0, 10)), today)
    const completed = random.chance(current ? engagement.complete / 2 : engagement.complete)
    const sectionIds = module.sections.map((s) => s.id)
    const sectionsDone = completed ? sectionIds : sectionIds.slice(0, random.int(0, sectionIds.length - 1))
    const completedOn = earlier(addDays(startedOn, random.int(3, 20)), today)
    rows.progress.push({
      fellowId,
      moduleSlug: module.slug,
      sectionsDone,
      startedAt: during(startedOn, random),
      completedAt: completed ? during(completedOn, random) : null,
      updatedAt: during(completed ? completedOn : startedOn, random),
    })
    for (const prompt of module.prompts) {
      if (!random.chance(engagement.answer)) continue
      const at = during(earlier(addDays(startedOn, random.int(0, 7)), today), random)
      rows.answers.push({ fellowId, moduleSlug: module.slug, promptId: prompt.id, body: prose(random, random.int(30, 120)), createdAt: at, updatedAt: at })
    }
    planSubmission(rows, { random, module, dates, startedOn, current, today, engagement, coachId: coach.id, userId, fellowId })
  }

  for (let s = 0; s < quota; s++) {
    const heldOn = earlier(addDays(cohortStart, random.int(0, Math.max(0, daysBetween(cohortStart, today)))), today)
    const at = during(heldOn, random)
    rows.sessions.push({
      id: random.uuid(),
      coachId: coach.id,
      fellowId,
      heldOn,
      minutes: random.pick([30, 45, 45, 60, 60, 90]),
      modality: random.pick(['in_person', 'video', 'video', 'phone'] as const),
      focus: [random.pick(['equity audit', 'identity', 'instruction', 'improvement', 'beliefs', 'pdsa'])],
      privateNotes: prose(random, random.int(20, 60)),
      sharedSummary: prose(random, random.int(15, 40)),
      nextSteps: prose(random, random.int(5, 15)),
      // About one session in a hundred is a coach's draft, not yet logged.
      isDraft: random.chance(0.01),
      createdAt: at,
      updatedAt: at,
    })
  }
  return rows
}

function daysBetween(from: string, to: string) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

type SubmissionContext = {
  random: Random
  module: PlanModule
  dates: { opensOn: string; dueOn: string }
  startedOn: string
  current: boolean
  today: string
  engagement: (typeof ENGAGEMENT)[keyof typeof ENGAGEMENT]
  coachId: string
  userId: string
  fellowId: string
}

/** The module's assignment: handed in on time, late, or not at all, then reviewed as a coach would. */
function planSubmission(rows: FellowRows, c: SubmissionContext) {
  const { random, today } = c
  const handsIn = random.chance(c.current ? c.engagement.handIn / 3 : c.engagement.handIn)
  const drafts = !handsIn && random.chance(0.3)
  if (!handsIn && !drafts) return
  const id = random.uuid()
  const draftedOn = c.startedOn
  const late = random.chance(c.engagement.lateShare)
  const dueish = addDays(c.dates.dueOn, late ? random.int(1, 14) : -random.int(0, 6))
  // Never before the draft began, never after today.
  const handedInOn = earlier(dueish < draftedOn ? draftedOn : dueish, today)
  const events: Row<typeof submissionEvents>[] = [{ id: random.uuid(), submissionId: id, actorId: c.userId, fromStatus: null, toStatus: 'draft', createdAt: during(draftedOn, random) }]
  let status: 'draft' | 'submitted' | 'returned' | 'resubmitted' | 'accepted' = 'draft'
  const step = (to: typeof status, on: string, actorId: string, feedback: string | null = null) => {
    events.push({ id: random.uuid(), submissionId: id, actorId, fromStatus: status, toStatus: to, feedback, createdAt: during(on, random) })
    status = to
  }
  if (handsIn) {
    step('submitted', handedInOn, c.userId)
    const reviewedOn = addDays(handedInOn, random.int(2, 12))
    if (reviewedOn < today && random.chance(0.9)) {
      if (random.chance(0.2)) {
        step('returned', reviewedOn, c.coachId, prose(random, 20))
        const againOn = addDays(reviewedOn, random.int(2, 10))
        if (againOn < today) {
          step('resubmitted', againOn, c.userId)
          const finalOn = addDays(againOn, random.int(2, 8))
          if (finalOn < today && random.chance(0.8)) step('accepted', finalOn, c.coachId, prose(random, 10))
        }
      } else {
        step('accepted', reviewedOn, c.coachId, prose(random, 10))
      }
    }
  }
  const firstHandIn = events.find((e) => e.toStatus === 'submitted')?.createdAt ?? null
  rows.submissions.push({
    id,
    fellowId: c.fellowId,
    moduleSlug: c.module.slug,
    assignmentId: c.module.assignment.id,
    status,
    body: prose(random, random.int(80, 250)),
    submittedAt: firstHandIn,
    createdAt: events[0].createdAt,
    updatedAt: events[events.length - 1].createdAt,
  })
  rows.events.push(...events)
}
