import { EmailSchema } from './account-schemas'
import { csvLine, normaliseHeader, parseCsv } from './csv'
import type { Role } from './roles'

/**
 * The roster import: a CSV of fellows that staff upload (or script), read here into rows, then
 * planned against a plain snapshot of the academy as creates, updates and rows left alone.
 *   name,email,state,lea,school,position,cohort,coach_email
 * A file is all or nothing: any problem, and nothing is applied.
 */
export const ROSTER_COLUMNS = ['name', 'email', 'state', 'lea', 'school', 'position', 'cohort', 'coach_email'] as const
export type RosterColumn = (typeof ROSTER_COLUMNS)[number]
export const ROSTER_MAX_BYTES = 256 * 1024
export const ROSTER_MAX_ROWS = 5000
export const ROSTER_NAME_MAX = 120
export const ROSTER_PLACE_MAX = 200

export type RosterState = 'MD' | 'NJ'
export type RosterPosition = 'principal' | 'assistant_principal'
export type RosterProblem = { line: number; column: RosterColumn | null; message: string }

export type RosterRow = {
  line: number
  name: string
  /** Lower-case, as accounts store it. */
  email: string
  state: RosterState
  lea: string
  school: string
  position: RosterPosition
  cohort: string
  /** Null when the cell is blank: the fellow's pairing stays as it is. */
  coachEmail: string | null
}

/** The cells of a row with a bad cell that still read, so their checks against the academy are reported too. */
export type RosterReferences = { line: number; email: string | null; cohort: string | null; coachEmail: string | null }

export type ParsedRoster = { rows: RosterRow[]; problems: RosterProblem[]; incomplete: RosterReferences[] }

export const STATE_LABELS: Record<RosterState, string> = { MD: 'Maryland', NJ: 'New Jersey' }
export const POSITION_LABELS: Record<RosterPosition, string> = { principal: 'Principal', assistant_principal: 'Assistant principal' }

/** Spaces as people type them collapse to one, so "Bayview  Elementary " is "Bayview Elementary". */
export function cleanText(value: string) {
  return value.replace(/\s+/g, ' ').trim()
}

/** How names are compared: spacing, case and the kind of dash do not make a different LEA, school or cohort. */
export function foldName(value: string) {
  return cleanText(value).toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-')
}

export function parseState(cell: string): RosterState | null {
  const value = cleanText(cell).toLowerCase().replace(/\./g, '')
  if (value === 'md' || value === 'maryland') return 'MD'
  if (value === 'nj' || value === 'new jersey') return 'NJ'
  return null
}

export function parsePosition(cell: string): RosterPosition | null {
  const value = cleanText(cell.replace(/[_-]+/g, ' ')).toLowerCase().replace(/\./g, '')
  if (value === 'principal') return 'principal'
  if (value === 'assistant principal' || value === 'ap') return 'assistant_principal'
  return null
}

/** Reads an uploaded roster into rows, naming every bad row and cell; rows with a bad cell are left out of `rows`. */
export function parseRosterCsv(text: string): ParsedRoster {
  const fail = (line: number, message: string): ParsedRoster => ({ rows: [], problems: [{ line, column: null, message }], incomplete: [] })
  if (text.includes('\u0000')) return fail(1, 'This is not a text file. Save the spreadsheet as CSV (comma-separated values) and upload that.')
  // Measured with LF line ends: a form re-posting the text turns LF into CRLF, and must not push it over.
  if (new TextEncoder().encode(text.replace(/\r\n/g, '\n')).byteLength > ROSTER_MAX_BYTES) {
    return fail(1, `The file is larger than ${ROSTER_MAX_BYTES / 1024} KB. Split it into smaller files of at most ${ROSTER_MAX_ROWS.toLocaleString('en-US')} fellows.`)
  }
  const { rows, error } = parseCsv(text)
  if (error) return fail(1, error)
  if (rows.length === 0) return fail(1, 'The file is empty. Start from the template.')
  const [header, ...body] = rows
  const columns = header.cells.map(normaliseHeader)
  const missing = ROSTER_COLUMNS.filter((c) => !columns.includes(c))
  if (missing.length > 0) {
    return fail(header.line, `The first row must name the columns ${ROSTER_COLUMNS.join(', ')}; missing: ${missing.join(', ')}.`)
  }
  if (body.length === 0) return fail(header.line, 'The file has column names but no fellows.')
  if (body.length > ROSTER_MAX_ROWS) {
    return fail(body[ROSTER_MAX_ROWS].line, `At most ${ROSTER_MAX_ROWS.toLocaleString('en-US')} fellows in one file; split it and import each part.`)
  }
  const problems: RosterProblem[] = []
  const parsed: RosterRow[] = []
  const incomplete: RosterReferences[] = []
  const firstLineOf = new Map<string, number>()
  for (const row of body) {
    const cell = (column: RosterColumn) => row.cells[columns.indexOf(column)] ?? ''
    const before = problems.length
    const problem = (column: RosterColumn | null, message: string) => problems.push({ line: row.line, column, message })
    if (row.cells.length > columns.length) {
      problem(null, `This row has ${row.cells.length} values but the header names ${columns.length} columns. A value with a comma in it needs "quotes".`)
    }
    const name = cleanText(cell('name'))
    if (name === '') problem('name', 'Write the fellow’s full name.')
    else if (name.length > ROSTER_NAME_MAX) problem('name', `Keep the name to ${ROSTER_NAME_MAX} characters.`)

    let email = ''
    const emailCell = cell('email').trim()
    if (emailCell === '') problem('email', 'Write the fellow’s email address.')
    else {
      const checked = EmailSchema.safeParse(emailCell)
      if (!checked.success) problem('email', `“${emailCell}” is not an email address.`)
      else {
        email = checked.data.toLowerCase()
        const first = firstLineOf.get(email)
        if (first !== undefined) problem('email', `${email} is already on line ${first}; list each fellow once.`)
        else firstLineOf.set(email, row.line)
      }
    }

    const stateCell = cleanText(cell('state'))
    const state = parseState(stateCell)
    if (stateCell === '') problem('state', 'Write the state: MD or NJ.')
    else if (!state) problem('state', `“${stateCell}” is not a state of the academy: write MD (Maryland) or NJ (New Jersey).`)

    const lea = cleanText(cell('lea'))
    if (lea === '') problem('lea', 'Write the LEA (the school district).')
    else if (lea.length > ROSTER_PLACE_MAX) problem('lea', `Keep the LEA’s name to ${ROSTER_PLACE_MAX} characters.`)

    const school = cleanText(cell('school'))
    if (school === '') problem('school', 'Write the school.')
    else if (school.length > ROSTER_PLACE_MAX) problem('school', `Keep the school’s name to ${ROSTER_PLACE_MAX} characters.`)

    const positionCell = cleanText(cell('position'))
    const position = parsePosition(positionCell)
    if (positionCell === '') problem('position', 'Write the position: principal or assistant principal.')
    else if (!position) problem('position', `“${positionCell}” is not a position of the academy: write principal or assistant principal.`)

    const cohort = cleanText(cell('cohort'))
    if (cohort === '') problem('cohort', 'Write the cohort’s name, as it appears under Cohorts.')

    let coachEmail: string | null = null
    const coachCell = cell('coach_email').trim()
    if (coachCell !== '') {
      const checked = EmailSchema.safeParse(coachCell)
      if (!checked.success) problem('coach_email', `“${coachCell}” is not an email address. Leave the cell blank to keep the fellow’s coach as it is.`)
      else coachEmail = checked.data.toLowerCase()
    }

    if (problems.length > before || !state || !position) {
      incomplete.push({ line: row.line, email: email === '' ? null : email, cohort: cohort === '' ? null : cohort, coachEmail })
      continue
    }
    parsed.push({ line: row.line, name, email, state, lea, school, position, cohort, coachEmail })
  }
  return { rows: parsed, problems, incomplete }
}

/** Problems in the order of the file: by line, then by column as the template orders them. */
export function sortProblems(problems: RosterProblem[]) {
  const rank = (column: RosterColumn | null) => (column === null ? -1 : ROSTER_COLUMNS.indexOf(column))
  return [...problems].sort((a, b) => a.line - b.line || rank(a.column) - rank(b.column))
}

// ── Planning ────────────────────────────────────────────────────────────────

/** What the plan needs to know about the academy, as plain data. */
export type RosterSnapshot = {
  /** Today in the academy's time zone (YYYY-MM-DD): the school year, and the day pairings start and end. */
  today: string
  cohorts: { id: string; name: string; startYear: number }[]
  leas: { id: string; name: string; state: RosterState }[]
  schools: { id: string; leaId: string; name: string }[]
  /** The accounts whose emails the file names, as fellows or as coaches. */
  users: { id: string; email: string; name: string; role: Role; status: 'invited' | 'active' | 'deactivated' }[]
  /** The fellow records of those accounts. */
  fellows: { id: string; userId: string; cohortId: string; schoolId: string; position: RosterPosition; programYear: number }[]
  /** The current pairing of each of those fellows. */
  pairings: { fellowId: string; coachId: string; coachName: string; coachEmail: string }[]
}

export type LeaRef = { kind: 'existing'; id: string } | { kind: 'new'; key: string }
export type SchoolRef = { kind: 'existing'; id: string } | { kind: 'new'; key: string }
export type NewLea = { key: string; state: RosterState; name: string }
export type NewSchool = { key: string; lea: LeaRef; name: string; leaName: string; state: RosterState }
export type PlannedCoach = { id: string; name: string; email: string }

export type RosterCreate = {
  line: number
  email: string
  name: string
  /** A fellow's account that is not on a roster yet: no new account and no invitation, only the fellow record. */
  existingUser: { id: string; rename: boolean } | null
  position: RosterPosition
  programYear: 1 | 2
  cohort: { id: string; name: string }
  school: SchoolRef
  schoolName: string
  leaName: string
  state: RosterState
  coach: PlannedCoach | null
}

export type ChangedField = 'name' | 'school' | 'position' | 'cohort' | 'coach'
export type FieldChange = { field: ChangedField; from: string; to: string }

export type RosterUpdate = {
  line: number
  email: string
  name: string
  userId: string
  fellowId: string
  changes: FieldChange[]
  /** Only what changes; null leaves it as it is. */
  set: {
    name: string | null
    cohortId: string | null
    school: SchoolRef | null
    position: RosterPosition | null
    coach: { from: string | null; to: PlannedCoach } | null
  }
}

export type RosterPlan = {
  today: string
  creates: RosterCreate[]
  updates: RosterUpdate[]
  unchanged: { line: number; email: string; name: string }[]
  problems: RosterProblem[]
  newLeas: NewLea[]
  newSchools: NewSchool[]
}

/** The school year running on `today`, by the calendar year it began in (it begins in September). */
export function schoolYearStart(today: string) {
  const [year, month] = today.split('-').map(Number)
  return month >= 9 ? year : year - 1
}

export function schoolYearLabel(startYear: number) {
  return `${startYear}–${String((startYear + 1) % 100).padStart(2, '0')}`
}

/** A new fellow's program year: their cohort's first or second year; any other cohort is not running. */
export function programYearFor(cohortStartYear: number, today: string): 1 | 2 | null {
  const current = schoolYearStart(today)
  if (cohortStartYear === current) return 1
  if (cohortStartYear === current - 1) return 2
  return null
}

function listNames(names: string[]) {
  return names.map((n) => `“${n}”`).join(', ')
}

function coachLabel(coach: { name: string; email: string } | null) {
  return coach ? `${coach.name} (${coach.email})` : 'none'
}

type Lookups = ReturnType<typeof lookups>

function lookups(snapshot: RosterSnapshot) {
  return {
    cohortsByName: new Map(snapshot.cohorts.map((c) => [foldName(c.name), c])),
    cohortNames: [...snapshot.cohorts].sort((a, b) => b.startYear - a.startYear || a.name.localeCompare(b.name)).map((c) => c.name),
    cohortsById: new Map(snapshot.cohorts.map((c) => [c.id, c])),
    leasByKey: new Map(snapshot.leas.map((l) => [`${l.state}|${foldName(l.name)}`, l])),
    leasById: new Map(snapshot.leas.map((l) => [l.id, l])),
    schoolsByKey: new Map(snapshot.schools.map((s) => [`${s.leaId}|${foldName(s.name)}`, s])),
    schoolsById: new Map(snapshot.schools.map((s) => [s.id, s])),
    usersByEmail: new Map(snapshot.users.map((u) => [u.email.toLowerCase(), u])),
    fellowsByUser: new Map(snapshot.fellows.map((f) => [f.userId, f])),
    pairingsByFellow: new Map(snapshot.pairings.map((p) => [p.fellowId, p])),
    today: snapshot.today,
  }
}

/**
 * The checks of a row against the academy: whose email it is, whether the cohort exists (and runs
 * this year, for a new fellow), whether the coach is a coach. Each cell is checked when it was read.
 */
function checkReferences(ref: RosterReferences, look: Lookups) {
  const problems: RosterProblem[] = []
  const problem = (column: RosterColumn, message: string) => problems.push({ line: ref.line, column, message })

  const account = ref.email ? (look.usersByEmail.get(ref.email) ?? null) : null
  if (account && account.role !== 'fellow') {
    const who = account.role === 'admin' ? 'an administrator' : account.role === 'coach' ? 'a coach' : 'a staff member'
    problem('email', `${ref.email} is the account of ${who}; only fellows go on the roster.`)
  } else if (account?.status === 'deactivated') {
    problem('email', `The account of ${ref.email} is deactivated. An administrator reactivates it before it goes on the roster, or take the row out.`)
  }
  const fellow = account ? (look.fellowsByUser.get(account.id) ?? null) : null

  const cohort = ref.cohort ? (look.cohortsByName.get(foldName(ref.cohort)) ?? null) : null
  let programYear: 1 | 2 | null = null
  if (ref.cohort && !cohort) {
    problem(
      'cohort',
      look.cohortNames.length === 0
        ? `No cohort is called “${ref.cohort}”, and the academy has no cohorts yet: create the cohort first.`
        : `No cohort is called “${ref.cohort}”. The cohorts are ${listNames(look.cohortNames)}.`,
    )
  } else if (cohort && ref.email && !fellow) {
    programYear = programYearFor(cohort.startYear, look.today)
    if (programYear === null) {
      problem('cohort', `“${cohort.name}” is not running this school year (${schoolYearLabel(schoolYearStart(look.today))}): a new fellow joins a cohort in its first or second year.`)
    }
  }

  let coach: PlannedCoach | null = null
  if (ref.coachEmail) {
    const found = look.usersByEmail.get(ref.coachEmail)
    if (!found) problem('coach_email', `No account has the email ${ref.coachEmail}. Invite the coach first, or leave the cell blank.`)
    else if (found.role !== 'coach') problem('coach_email', `${ref.coachEmail} is not a coach’s account.`)
    else if (found.status === 'deactivated') problem('coach_email', `The coach ${ref.coachEmail} is deactivated; choose an active or invited coach.`)
    else coach = { id: found.id, name: found.name, email: found.email }
  }
  return { problems, account, fellow, cohort, programYear, coach }
}

/**
 * Plans a parsed roster against the academy as it is: for each row, a new fellow, an update that
 * names every field it changes, or nothing. Missing LEAs and schools are planned once each.
 * Progress, answers, submissions, artifacts and coaching records are never part of a plan.
 * `incomplete` rows (a cell would not read) are only checked, so every problem is named at once.
 */
export function planRoster(rows: RosterRow[], snapshot: RosterSnapshot, incomplete: RosterReferences[] = []): RosterPlan {
  const problems: RosterProblem[] = []
  const creates: RosterCreate[] = []
  const updates: RosterUpdate[] = []
  const unchanged: RosterPlan['unchanged'] = []
  const newLeas = new Map<string, NewLea>()
  const newSchools = new Map<string, NewSchool>()
  const look = lookups(snapshot)
  const { leasByKey, leasById, schoolsByKey, schoolsById, cohortsById, pairingsByFellow } = look

  for (const ref of incomplete) problems.push(...checkReferences(ref, look).problems)

  for (const row of rows) {
    const checked = checkReferences(row, look)
    problems.push(...checked.problems)
    const { account, fellow, cohort, programYear, coach } = checked
    if (checked.problems.length > 0 || !cohort) continue

    // Places: an existing LEA and school when the names match, otherwise planned once each.
    const leaKey = `${row.state}|${foldName(row.lea)}`
    const existingLea = leasByKey.get(leaKey) ?? null
    const leaName = existingLea?.name ?? newLeas.get(leaKey)?.name ?? row.lea
    const leaRef: LeaRef = existingLea ? { kind: 'existing', id: existingLea.id } : { kind: 'new', key: leaKey }
    if (!existingLea && !newLeas.has(leaKey)) newLeas.set(leaKey, { key: leaKey, state: row.state, name: row.lea })
    const existingSchool = existingLea ? (schoolsByKey.get(`${existingLea.id}|${foldName(row.school)}`) ?? null) : null
    const schoolKey = `${leaKey}|${foldName(row.school)}`
    const schoolName = existingSchool?.name ?? newSchools.get(schoolKey)?.name ?? row.school
    const schoolRef: SchoolRef = existingSchool ? { kind: 'existing', id: existingSchool.id } : { kind: 'new', key: schoolKey }
    if (!existingSchool && !newSchools.has(schoolKey)) newSchools.set(schoolKey, { key: schoolKey, lea: leaRef, name: row.school, leaName, state: row.state })

    if (!account || !fellow) {
      creates.push({
        line: row.line,
        email: row.email,
        name: row.name,
        existingUser: account ? { id: account.id, rename: account.name !== row.name } : null,
        position: row.position,
        programYear: programYear ?? 1,
        cohort: { id: cohort.id, name: cohort.name },
        school: schoolRef,
        schoolName,
        leaName,
        state: row.state,
        coach,
      })
      continue
    }

    const changes: FieldChange[] = []
    const set: RosterUpdate['set'] = { name: null, cohortId: null, school: null, position: null, coach: null }
    if (account.name !== row.name) {
      changes.push({ field: 'name', from: account.name, to: row.name })
      set.name = row.name
    }
    if (schoolRef.kind === 'new' || schoolRef.id !== fellow.schoolId) {
      const current = schoolsById.get(fellow.schoolId)
      const currentLea = current ? leasById.get(current.leaId) : undefined
      const sameLea = currentLea !== undefined && leaRef.kind === 'existing' && leaRef.id === currentLea.id
      const place = (school: string, lea: string, state: RosterState) => (sameLea ? school : `${school} (${lea}, ${state})`)
      changes.push({
        field: 'school',
        from: current && currentLea ? place(current.name, currentLea.name, currentLea.state) : 'unknown',
        to: place(schoolName, leaName, row.state),
      })
      set.school = schoolRef
    }
    if (fellow.position !== row.position) {
      changes.push({ field: 'position', from: POSITION_LABELS[fellow.position], to: POSITION_LABELS[row.position] })
      set.position = row.position
    }
    if (fellow.cohortId !== cohort.id) {
      changes.push({ field: 'cohort', from: cohortsById.get(fellow.cohortId)?.name ?? 'unknown', to: cohort.name })
      set.cohortId = cohort.id
    }
    const pairing = pairingsByFellow.get(fellow.id) ?? null
    if (coach && pairing?.coachId !== coach.id) {
      changes.push({ field: 'coach', from: pairing ? coachLabel({ name: pairing.coachName, email: pairing.coachEmail }) : 'none', to: coachLabel(coach) })
      set.coach = { from: pairing?.coachId ?? null, to: coach }
    }
    if (changes.length === 0) unchanged.push({ line: row.line, email: row.email, name: row.name })
    else updates.push({ line: row.line, email: row.email, name: row.name, userId: account.id, fellowId: fellow.id, changes, set })
  }

  return { today: snapshot.today, creates, updates, unchanged, problems: sortProblems(problems), newLeas: [...newLeas.values()], newSchools: [...newSchools.values()] }
}

export function describeChange(change: FieldChange) {
  return `${change.field}: ${change.from} → ${change.to}`
}

/** True when applying the plan would write nothing. */
export function planIsEmpty(plan: RosterPlan) {
  return plan.creates.length === 0 && plan.updates.length === 0
}

export function rosterCounts(plan: RosterPlan) {
  return {
    creates: plan.creates.length,
    updates: plan.updates.length,
    unchanged: plan.unchanged.length,
    problems: plan.problems.length,
    newLeas: plan.newLeas.length,
    newSchools: plan.newSchools.length,
    invitations: plan.creates.filter((c) => c.existingUser === null).length,
  }
}

/** The plan as people read it, in the page and on the terminal: names and labels, no ids. */
export function describeRosterPlan(plan: RosterPlan) {
  return {
    counts: rosterCounts(plan),
    creates: plan.creates.map((c) => ({
      line: c.line,
      name: c.name,
      email: c.email,
      state: c.state,
      lea: c.leaName,
      school: c.schoolName,
      newSchool: c.school.kind === 'new',
      position: POSITION_LABELS[c.position],
      cohort: c.cohort.name,
      programYear: c.programYear,
      coach: c.coach ? coachLabel(c.coach) : null,
      invited: c.existingUser === null,
    })),
    updates: plan.updates.map((u) => ({ line: u.line, name: u.name, email: u.email, changes: u.changes.map(describeChange) })),
    unchanged: plan.unchanged,
    problems: plan.problems,
    newLeas: plan.newLeas.map((l) => `${l.name} (${l.state})`),
    newSchools: plan.newSchools.map((s) => `${s.name} (${s.leaName}, ${s.state})`),
  }
}

export type RosterPlanView = ReturnType<typeof describeRosterPlan>

/** The template staff fill in: the columns and two invented fellows (example.org addresses never deliver). */
export function rosterCsvTemplate(cohortName = 'Cohort 2026–2028') {
  return (
    csvLine([...ROSTER_COLUMNS]) +
    csvLine(['Jordan Rivera', 'jordan.rivera@example.org', 'MD', 'Severn Shore County Public Schools', 'Bayview Elementary School', 'principal', cohortName, '']) +
    csvLine(['Alex Chen', 'alex.chen@example.org', 'NJ', 'Harbor Point Public Schools', 'Lighthouse Elementary School', 'assistant principal', cohortName, ''])
  )
}
