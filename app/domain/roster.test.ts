import { expect, test } from 'vitest'
import {
  describeRosterPlan,
  parsePosition,
  parseRosterCsv,
  parseState,
  planIsEmpty,
  planRoster,
  programYearFor,
  ROSTER_MAX_ROWS,
  rosterCsvTemplate,
  schoolYearStart,
  sortProblems,
  type RosterRow,
  type RosterSnapshot,
} from './roster'

const HEADER = 'name,email,state,lea,school,position,cohort,coach_email'

function csv(...lines: string[]) {
  return [HEADER, ...lines].join('\n')
}

function row(overrides: Partial<RosterRow> = {}): RosterRow {
  return {
    line: 2,
    name: 'Amara Okafor',
    email: 'amara@district.example',
    state: 'MD',
    lea: 'Severn Shore County Public Schools',
    school: 'Bayview Elementary School',
    position: 'principal',
    cohort: 'Cohort 2026–2028',
    coachEmail: 'coach@academy.example',
    ...overrides,
  }
}

/** A small academy on 23 November 2026: school year 2026–27. */
function snapshot(overrides: Partial<RosterSnapshot> = {}): RosterSnapshot {
  return {
    today: '2026-11-23',
    cohorts: [
      { id: 'c26', name: 'Cohort 2026–2028', startYear: 2026 },
      { id: 'c25', name: 'Cohort 2025–2027', startYear: 2025 },
      { id: 'c23', name: 'Cohort 2023–2025', startYear: 2023 },
    ],
    leas: [
      { id: 'lea-ss', name: 'Severn Shore County Public Schools', state: 'MD' },
      { id: 'lea-hp', name: 'Harbor Point Public Schools', state: 'NJ' },
    ],
    schools: [
      { id: 'sch-bay', leaId: 'lea-ss', name: 'Bayview Elementary School' },
      { id: 'sch-marsh', leaId: 'lea-ss', name: 'Marsh Creek Middle School' },
      { id: 'sch-light', leaId: 'lea-hp', name: 'Lighthouse Elementary School' },
    ],
    users: [
      { id: 'u-coach', email: 'coach@academy.example', name: 'Camille Dorsey', role: 'coach', status: 'active' },
      { id: 'u-coach2', email: 'coach2@academy.example', name: 'Hector Villanueva', role: 'coach', status: 'invited' },
    ],
    fellows: [],
    pairings: [],
    ...overrides,
  }
}

/** The snapshot with Amara already on the roster: Cohort 2025–2027, Bayview, principal, year 2, paired with Camille. */
function withAmara(overrides: Partial<RosterSnapshot> = {}) {
  const base = snapshot()
  return snapshot({
    users: [...base.users, { id: 'u-amara', email: 'amara@district.example', name: 'Amara Okafor', role: 'fellow', status: 'active' }],
    fellows: [{ id: 'f-amara', userId: 'u-amara', cohortId: 'c25', schoolId: 'sch-bay', position: 'principal', programYear: 2 }],
    pairings: [{ fellowId: 'f-amara', coachId: 'u-coach', coachName: 'Camille Dorsey', coachEmail: 'coach@academy.example' }],
    ...overrides,
  })
}

test('a roster reads as spreadsheets write it: header in any case and order, quoted commas, spacing, states and positions in words', () => {
  const parsed = parseRosterCsv(
    '\uFEFFEmail,Name,State,LEA,School,Position,Cohort,Coach Email\r\n' +
      ' Amara@District.Example ,"  Amara   Okafor ",maryland,"Severn Shore County Public Schools","Bayview Elementary School",Principal,Cohort 2026–2028,\r\n' +
      'luis@district.example,"Delgado, Luis",New Jersey,Harbor Point Public Schools,"Lighthouse Elementary School",assistant_principal,Cohort 2025–2027,COACH@academy.example\r\n' +
      'keisha@district.example,Keisha Brooks,nj,Harbor Point Public Schools,Lighthouse Elementary School,AP,Cohort 2025–2027,\r\n\r\n',
  )
  expect(parsed.problems).toEqual([])
  expect(parsed.rows).toEqual([
    row({ line: 2, email: 'amara@district.example', name: 'Amara Okafor', coachEmail: null }),
    row({ line: 3, email: 'luis@district.example', name: 'Delgado, Luis', state: 'NJ', lea: 'Harbor Point Public Schools', school: 'Lighthouse Elementary School', position: 'assistant_principal', cohort: 'Cohort 2025–2027', coachEmail: 'coach@academy.example' }),
    row({ line: 4, email: 'keisha@district.example', name: 'Keisha Brooks', state: 'NJ', lea: 'Harbor Point Public Schools', school: 'Lighthouse Elementary School', position: 'assistant_principal', cohort: 'Cohort 2025–2027', coachEmail: null }),
  ])
})

test('states and positions: the codes, the words in any case, and nothing else', () => {
  expect(['MD', 'md', 'Maryland', 'MARYLAND', 'M.D.', 'NJ', 'new  jersey', 'New Jersey'].map(parseState)).toEqual(['MD', 'MD', 'MD', 'MD', 'MD', 'NJ', 'NJ', 'NJ'])
  expect(['VA', 'Virginia', '', 'N J'].map(parseState)).toEqual([null, null, null, null])
  expect(['principal', 'Principal', 'assistant principal', 'Assistant_Principal', 'assistant-principal', 'AP', 'a.p.'].map(parsePosition)).toEqual([
    'principal',
    'principal',
    'assistant_principal',
    'assistant_principal',
    'assistant_principal',
    'assistant_principal',
    'assistant_principal',
  ])
  expect(['vice principal', 'teacher', ''].map(parsePosition)).toEqual([null, null, null])
})

test('every bad cell of every row is named at once, with its line and column', () => {
  const parsed = parseRosterCsv(
    csv(
      'Amara Okafor,amara@district.example,MD,Severn Shore County Public Schools,Bayview Elementary School,principal,Cohort 2026–2028,',
      ',not-an-email,Virginia,,Bayview Elementary School,teacher,,coach@',
      'Luis Delgado,AMARA@district.example,MD,Severn Shore County Public Schools,,principal,Cohort 2026–2028,',
      'Keisha Brooks,keisha@district.example,,Severn Shore County Public Schools,Bayview Elementary School,,Cohort 2026–2028,,extra',
    ),
  )
  expect(parsed.rows.map((r) => r.line)).toEqual([2])
  expect(parsed.problems).toEqual([
    { line: 3, column: 'name', message: 'Write the fellow’s full name.' },
    { line: 3, column: 'email', message: '“not-an-email” is not an email address.' },
    { line: 3, column: 'state', message: '“Virginia” is not a state of the academy: write MD (Maryland) or NJ (New Jersey).' },
    { line: 3, column: 'lea', message: 'Write the LEA (the school district).' },
    { line: 3, column: 'position', message: '“teacher” is not a position of the academy: write principal or assistant principal.' },
    { line: 3, column: 'cohort', message: 'Write the cohort’s name, as it appears under Cohorts.' },
    { line: 3, column: 'coach_email', message: '“coach@” is not an email address. Leave the cell blank to keep the fellow’s coach as it is.' },
    { line: 4, column: 'email', message: 'amara@district.example is already on line 2; list each fellow once.' },
    { line: 4, column: 'school', message: 'Write the school.' },
    { line: 5, column: null, message: 'This row has 9 values but the header names 8 columns. A value with a comma in it needs "quotes".' },
    { line: 5, column: 'state', message: 'Write the state: MD or NJ.' },
    { line: 5, column: 'position', message: 'Write the position: principal or assistant principal.' },
  ])
})

test('a row with a bad cell is still checked against the academy for the cells that read', () => {
  const parsed = parseRosterCsv(
    csv(
      'Staff Person,coach2@academy.example,Virginia,Severn Shore County Public Schools,Bayview Elementary School,principal,Cohort 2030–2032,staff@academy.example',
      ',new@district.example,MD,Severn Shore County Public Schools,Bayview Elementary School,principal,Cohort 2023–2025,',
      'Amara Okafor,amara@district.example,MD,Severn Shore County Public Schools,Bayview Elementary School,teacher,Cohort 2023–2025,coach@',
    ),
  )
  expect(parsed.rows).toEqual([])
  expect(parsed.incomplete).toEqual([
    { line: 2, email: 'coach2@academy.example', cohort: 'Cohort 2030–2032', coachEmail: 'staff@academy.example' },
    { line: 3, email: 'new@district.example', cohort: 'Cohort 2023–2025', coachEmail: null },
    { line: 4, email: 'amara@district.example', cohort: 'Cohort 2023–2025', coachEmail: null },
  ])
  const plan = planRoster(parsed.rows, withAmara({ users: [...withAmara().users, { id: 'u-staff', email: 'staff@academy.example', name: 'Paul Whitfield', role: 'staff', status: 'active' }] }), parsed.incomplete)
  expect(sortProblems([...parsed.problems, ...plan.problems]).map((p) => `${p.line} ${p.column}`)).toEqual([
    '2 email',
    '2 state',
    '2 cohort',
    '2 coach_email',
    '3 name',
    // A new fellow cannot join a cohort that is not running…
    '3 cohort',
    '4 position',
    '4 coach_email',
    // …but Amara is on the roster already, so her cohort may be any.
  ])
  expect(plan.creates).toEqual([])
})

test('a file that is not a roster gets one clear problem: missing columns, empty, binary, unclosed quote, too large, too many rows', () => {
  expect(parseRosterCsv('name,email\nA,a@b.example').problems).toEqual([
    { line: 1, column: null, message: 'The first row must name the columns name, email, state, lea, school, position, cohort, coach_email; missing: state, lea, school, position, cohort, coach_email.' },
  ])
  expect(parseRosterCsv('').problems[0].message).toBe('The file is empty. Start from the template.')
  expect(parseRosterCsv(HEADER).problems[0].message).toBe('The file has column names but no fellows.')
  expect(parseRosterCsv('PK\u0003\u0004\u0000').problems[0].message).toContain('not a text file')
  expect(parseRosterCsv(csv('"Amara,amara@district.example')).problems[0].message).toContain('never closed')
  expect(parseRosterCsv(csv(`Amara,amara@district.example,MD,${'x'.repeat(300 * 1024)},School,principal,Cohort,`)).problems[0].message).toContain('larger than 256 KB')
  const many = Array.from({ length: ROSTER_MAX_ROWS + 1 }, (_, i) => `F ${i},f${i}@d.example,MD,L,S,principal,C,`)
  const tooMany = parseRosterCsv(csv(...many))
  expect(tooMany.rows).toEqual([])
  expect(tooMany.problems).toEqual([{ line: ROSTER_MAX_ROWS + 2, column: null, message: 'At most 5,000 fellows in one file; split it and import each part.' }])
  expect(parseRosterCsv(csv(...many.slice(0, ROSTER_MAX_ROWS))).rows).toHaveLength(ROSTER_MAX_ROWS)
})

test('the school year begins in September: a new fellow is in year one of a cohort starting this year, year two of last year’s', () => {
  expect(schoolYearStart('2026-08-31')).toBe(2025)
  expect(schoolYearStart('2026-09-01')).toBe(2026)
  expect(schoolYearStart('2027-06-15')).toBe(2026)
  expect(programYearFor(2026, '2026-11-23')).toBe(1)
  expect(programYearFor(2025, '2026-11-23')).toBe(2)
  expect(programYearFor(2024, '2026-11-23')).toBeNull()
  expect(programYearFor(2027, '2026-11-23')).toBeNull()
  // In August 2026 the 2026 cohort has not begun yet.
  expect(programYearFor(2026, '2026-08-20')).toBeNull()
  expect(programYearFor(2025, '2026-08-20')).toBe(1)
})

test('a new fellow is created with an account, a program year from the cohort, the school, and a pairing', () => {
  const plan = planRoster(
    [row(), row({ line: 3, email: 'luis@district.example', name: 'Luis Delgado', cohort: 'cohort 2025-2027', school: 'marsh creek  middle school', coachEmail: null })],
    snapshot(),
  )
  expect(plan.problems).toEqual([])
  expect(plan.newLeas).toEqual([])
  expect(plan.newSchools).toEqual([])
  expect(plan.creates).toEqual([
    {
      line: 2,
      email: 'amara@district.example',
      name: 'Amara Okafor',
      existingUser: null,
      position: 'principal',
      programYear: 1,
      cohort: { id: 'c26', name: 'Cohort 2026–2028' },
      school: { kind: 'existing', id: 'sch-bay' },
      schoolName: 'Bayview Elementary School',
      leaName: 'Severn Shore County Public Schools',
      state: 'MD',
      coach: { id: 'u-coach', name: 'Camille Dorsey', email: 'coach@academy.example' },
    },
    expect.objectContaining({ line: 3, programYear: 2, cohort: { id: 'c25', name: 'Cohort 2025–2027' }, school: { kind: 'existing', id: 'sch-marsh' }, schoolName: 'Marsh Creek Middle School', coach: null }),
  ])
  expect(describeRosterPlan(plan).counts).toEqual({ creates: 2, updates: 0, unchanged: 0, problems: 0, newLeas: 0, newSchools: 0, invitations: 2 })
})

test('missing LEAs and schools are planned once each, matched by state and name whatever the case', () => {
  const plan = planRoster(
    [
      row({ line: 2, email: 'a@d.example', lea: 'Cedar Crest Regional School District', state: 'NJ', school: 'Pinewood Intermediate School' }),
      row({ line: 3, email: 'b@d.example', lea: 'CEDAR CREST REGIONAL SCHOOL DISTRICT', state: 'NJ', school: 'pinewood intermediate school' }),
      row({ line: 4, email: 'c@d.example', lea: 'severn shore county public schools', state: 'MD', school: 'Heron Point Elementary School' }),
      // Same district name, other state: another LEA.
      row({ line: 5, email: 'e@d.example', lea: 'Harbor Point Public Schools', state: 'MD', school: 'Lighthouse Elementary School' }),
      row({ line: 6, email: 'f@d.example', lea: 'harbor point public schools', state: 'NJ', school: 'LIGHTHOUSE ELEMENTARY SCHOOL' }),
    ],
    snapshot(),
  )
  expect(plan.problems).toEqual([])
  expect(plan.newLeas).toEqual([
    { key: 'NJ|cedar crest regional school district', state: 'NJ', name: 'Cedar Crest Regional School District' },
    { key: 'MD|harbor point public schools', state: 'MD', name: 'Harbor Point Public Schools' },
  ])
  expect(plan.newSchools).toEqual([
    { key: 'NJ|cedar crest regional school district|pinewood intermediate school', lea: { kind: 'new', key: 'NJ|cedar crest regional school district' }, name: 'Pinewood Intermediate School', leaName: 'Cedar Crest Regional School District', state: 'NJ' },
    { key: 'MD|severn shore county public schools|heron point elementary school', lea: { kind: 'existing', id: 'lea-ss' }, name: 'Heron Point Elementary School', leaName: 'Severn Shore County Public Schools', state: 'MD' },
    { key: 'MD|harbor point public schools|lighthouse elementary school', lea: { kind: 'new', key: 'MD|harbor point public schools' }, name: 'Lighthouse Elementary School', leaName: 'Harbor Point Public Schools', state: 'MD' },
  ])
  expect(plan.creates.map((c) => [c.line, c.school, c.schoolName, c.leaName])).toEqual([
    [2, { kind: 'new', key: 'NJ|cedar crest regional school district|pinewood intermediate school' }, 'Pinewood Intermediate School', 'Cedar Crest Regional School District'],
    [3, { kind: 'new', key: 'NJ|cedar crest regional school district|pinewood intermediate school' }, 'Pinewood Intermediate School', 'Cedar Crest Regional School District'],
    [4, { kind: 'new', key: 'MD|severn shore county public schools|heron point elementary school' }, 'Heron Point Elementary School', 'Severn Shore County Public Schools'],
    [5, { kind: 'new', key: 'MD|harbor point public schools|lighthouse elementary school' }, 'Lighthouse Elementary School', 'Harbor Point Public Schools'],
    [6, { kind: 'existing', id: 'sch-light' }, 'Lighthouse Elementary School', 'Harbor Point Public Schools'],
  ])
  expect(describeRosterPlan(plan).newSchools).toEqual([
    'Pinewood Intermediate School (Cedar Crest Regional School District, NJ)',
    'Heron Point Elementary School (Severn Shore County Public Schools, MD)',
    'Lighthouse Elementary School (Harbor Point Public Schools, MD)',
  ])
})

test('an unknown cohort names the cohorts that exist; a cohort not running this year is refused for new fellows', () => {
  const plan = planRoster([row({ cohort: 'Cohort 2030–2032' }), row({ line: 3, email: 'b@d.example', cohort: 'Cohort 2023–2025' })], snapshot())
  expect(plan.problems).toEqual([
    { line: 2, column: 'cohort', message: 'No cohort is called “Cohort 2030–2032”. The cohorts are “Cohort 2026–2028”, “Cohort 2025–2027”, “Cohort 2023–2025”.' },
    { line: 3, column: 'cohort', message: '“Cohort 2023–2025” is not running this school year (2026–27): a new fellow joins a cohort in its first or second year.' },
  ])
  expect(plan.creates).toEqual([])
  const empty = planRoster([row()], snapshot({ cohorts: [] }))
  expect(empty.problems[0].message).toBe('No cohort is called “Cohort 2026–2028”, and the academy has no cohorts yet: create the cohort first.')
})

test('a coach must be an active or invited coach; other accounts’ emails cannot be fellows', () => {
  const base = snapshot()
  const users: RosterSnapshot['users'] = [
    ...base.users,
    { id: 'u-staff', email: 'staff@academy.example', name: 'Paul Whitfield', role: 'staff', status: 'active' },
    { id: 'u-admin', email: 'admin@academy.example', name: 'Rena Achebe', role: 'admin', status: 'active' },
    { id: 'u-gone', email: 'gone@academy.example', name: 'Naomi Feld', role: 'coach', status: 'deactivated' },
    { id: 'u-left', email: 'left@district.example', name: 'Omar Haddad', role: 'fellow', status: 'deactivated' },
  ]
  const plan = planRoster(
    [
      row({ line: 2, email: 'a@d.example', coachEmail: 'nobody@academy.example' }),
      row({ line: 3, email: 'b@d.example', coachEmail: 'staff@academy.example' }),
      row({ line: 4, email: 'c@d.example', coachEmail: 'gone@academy.example' }),
      row({ line: 5, email: 'coach2@academy.example', coachEmail: null }),
      row({ line: 6, email: 'staff@academy.example', coachEmail: null }),
      row({ line: 7, email: 'admin@academy.example', coachEmail: null }),
      row({ line: 8, email: 'left@district.example', coachEmail: null }),
      row({ line: 9, email: 'd@d.example', coachEmail: 'coach2@academy.example' }),
    ],
    snapshot({ users }),
  )
  expect(plan.problems).toEqual([
    { line: 2, column: 'coach_email', message: 'No account has the email nobody@academy.example. Invite the coach first, or leave the cell blank.' },
    { line: 3, column: 'coach_email', message: 'staff@academy.example is not a coach’s account.' },
    { line: 4, column: 'coach_email', message: 'The coach gone@academy.example is deactivated; choose an active or invited coach.' },
    { line: 5, column: 'email', message: 'coach2@academy.example is the account of a coach; only fellows go on the roster.' },
    { line: 6, column: 'email', message: 'staff@academy.example is the account of a staff member; only fellows go on the roster.' },
    { line: 7, column: 'email', message: 'admin@academy.example is the account of an administrator; only fellows go on the roster.' },
    { line: 8, column: 'email', message: 'The account of left@district.example is deactivated. An administrator reactivates it before it goes on the roster, or take the row out.' },
  ])
  // The invited coach is a coach all the same.
  expect(plan.creates.map((c) => [c.line, c.coach?.id])).toEqual([[9, 'u-coach2']])
})

test('an existing fellow is left alone when nothing differs, and the coach cell left blank keeps the pairing', () => {
  // Case, spacing and dashes in the cohort, LEA and school names do not make a change.
  const same = row({ cohort: 'COHORT 2025-2027', school: 'bayview  elementary school', lea: 'SEVERN SHORE COUNTY PUBLIC SCHOOLS' })
  const plan = planRoster([same], withAmara())
  expect(plan).toEqual({ today: '2026-11-23', creates: [], updates: [], unchanged: [{ line: 2, email: 'amara@district.example', name: 'Amara Okafor' }], problems: [], newLeas: [], newSchools: [] })
  expect(planIsEmpty(plan)).toBe(true)
  const blankCoach = planRoster([row({ cohort: 'Cohort 2025–2027', coachEmail: null })], withAmara())
  expect(blankCoach.unchanged).toHaveLength(1)
})

test('an update lists exactly the fields that change, and keeps the fellow’s program year', () => {
  const plan = planRoster(
    [row({ name: 'Amara Okafor-Reid', school: 'Marsh Creek Middle School', position: 'assistant_principal', cohort: 'Cohort 2026–2028', coachEmail: 'coach2@academy.example' })],
    withAmara(),
  )
  expect(plan.problems).toEqual([])
  expect(plan.creates).toEqual([])
  expect(plan.updates).toEqual([
    {
      line: 2,
      email: 'amara@district.example',
      name: 'Amara Okafor-Reid',
      userId: 'u-amara',
      fellowId: 'f-amara',
      changes: [
        { field: 'name', from: 'Amara Okafor', to: 'Amara Okafor-Reid' },
        { field: 'school', from: 'Bayview Elementary School', to: 'Marsh Creek Middle School' },
        { field: 'position', from: 'Principal', to: 'Assistant principal' },
        { field: 'cohort', from: 'Cohort 2025–2027', to: 'Cohort 2026–2028' },
        { field: 'coach', from: 'Camille Dorsey (coach@academy.example)', to: 'Hector Villanueva (coach2@academy.example)' },
      ],
      set: {
        name: 'Amara Okafor-Reid',
        cohortId: 'c26',
        school: { kind: 'existing', id: 'sch-marsh' },
        position: 'assistant_principal',
        coach: { from: 'u-coach', to: { id: 'u-coach2', name: 'Hector Villanueva', email: 'coach2@academy.example' } },
      },
    },
  ])
  expect(describeRosterPlan(plan).updates[0].changes).toEqual([
    'name: Amara Okafor → Amara Okafor-Reid',
    'school: Bayview Elementary School → Marsh Creek Middle School',
    'position: Principal → Assistant principal',
    'cohort: Cohort 2025–2027 → Cohort 2026–2028',
    'coach: Camille Dorsey (coach@academy.example) → Hector Villanueva (coach2@academy.example)',
  ])
})

test('an existing fellow may move to a cohort not starting now, and to a new school in another LEA named with its LEA', () => {
  const plan = planRoster([row({ cohort: 'Cohort 2023–2025', state: 'NJ', lea: 'Pine Barrens Schools', school: 'Wharton Elementary School', coachEmail: null })], withAmara())
  expect(plan.problems).toEqual([])
  expect(plan.updates[0].changes).toEqual([
    { field: 'school', from: 'Bayview Elementary School (Severn Shore County Public Schools, MD)', to: 'Wharton Elementary School (Pine Barrens Schools, NJ)' },
    { field: 'cohort', from: 'Cohort 2025–2027', to: 'Cohort 2023–2025' },
  ])
  expect(plan.updates[0].set.school).toEqual({ kind: 'new', key: 'NJ|pine barrens schools|wharton elementary school' })
  expect(plan.newLeas).toEqual([{ key: 'NJ|pine barrens schools', state: 'NJ', name: 'Pine Barrens Schools' }])
})

test('a fellow without a pairing is paired; one with a pairing to the same coach is unchanged', () => {
  const unpaired = planRoster([row({ cohort: 'Cohort 2025–2027' })], withAmara({ pairings: [] }))
  expect(unpaired.updates[0].changes).toEqual([{ field: 'coach', from: 'none', to: 'Camille Dorsey (coach@academy.example)' }])
  expect(unpaired.updates[0].set.coach).toEqual({ from: null, to: { id: 'u-coach', name: 'Camille Dorsey', email: 'coach@academy.example' } })
  expect(planRoster([row({ cohort: 'Cohort 2025–2027' })], withAmara()).unchanged).toHaveLength(1)
})

test('a fellow’s account that is not on a roster yet gets a fellow record but no second account or invitation', () => {
  const base = snapshot()
  const plan = planRoster([row({ name: 'Amara N. Okafor' })], snapshot({ users: [...base.users, { id: 'u-amara', email: 'amara@district.example', name: 'Amara Okafor', role: 'fellow', status: 'invited' }] }))
  expect(plan.creates).toEqual([expect.objectContaining({ existingUser: { id: 'u-amara', rename: true }, name: 'Amara N. Okafor', programYear: 1 })])
  expect(describeRosterPlan(plan).counts.invitations).toBe(0)
})

test('the plan of a file applied already is all unchanged', () => {
  // The state after applying `row()` to an empty academy: the created records, as the snapshot would read them.
  const before = planRoster([row()], snapshot())
  expect(before.creates).toHaveLength(1)
  const base = snapshot()
  const after = snapshot({
    users: [...base.users, { id: 'u-new', email: 'amara@district.example', name: 'Amara Okafor', role: 'fellow', status: 'invited' }],
    fellows: [{ id: 'f-new', userId: 'u-new', cohortId: 'c26', schoolId: 'sch-bay', position: 'principal', programYear: 1 }],
    pairings: [{ fellowId: 'f-new', coachId: 'u-coach', coachName: 'Camille Dorsey', coachEmail: 'coach@academy.example' }],
  })
  const again = planRoster([row()], after)
  expect(again.creates).toEqual([])
  expect(again.updates).toEqual([])
  expect(again.unchanged).toEqual([{ line: 2, email: 'amara@district.example', name: 'Amara Okafor' }])
})

test('problems from reading and from planning come out in file order', () => {
  expect(
    sortProblems([
      { line: 5, column: 'email', message: 'e' },
      { line: 3, column: 'coach_email', message: 'c' },
      { line: 3, column: null, message: 'row' },
      { line: 3, column: 'name', message: 'n' },
    ]).map((p) => p.message),
  ).toEqual(['row', 'n', 'c', 'e'])
})

test('the template reads back as a valid roster of two new fellows', () => {
  const parsed = parseRosterCsv(rosterCsvTemplate('Cohort 2026–2028'))
  expect(parsed.problems).toEqual([])
  expect(parsed.rows.map((r) => [r.email, r.state, r.position, r.cohort, r.coachEmail])).toEqual([
    ['jordan.rivera@example.org', 'MD', 'principal', 'Cohort 2026–2028', null],
    ['alex.chen@example.org', 'NJ', 'assistant_principal', 'Cohort 2026–2028', null],
  ])
})
