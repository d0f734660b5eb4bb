import { expect, test } from 'vitest'
import { checkCurriculum, checkModuleBody, FrontmatterSchema, lineOfKey, schoolMonth, slugifyHeading, type ModuleOutline } from './curriculum'

const valid = {
  title: 'The equity lens',
  year: 1,
  month: 4,
  strand: 'equity-lens',
  concepts: ['equity'],
  track: 'all',
  minutes: 90,
  objectives: ['Explain justice versus efficiency.', 'Reframe a problem located in people.'],
  readings: ['aguilar-2020'],
  assignment: { id: 'y1-reframe', title: 'Reframe three problems', kind: 'reflection', instructions: 'Write three reframed problem statements and submit them.' },
}

test('valid frontmatter parses', () => {
  expect(FrontmatterSchema.safeParse(valid).success).toBe(true)
})

test('frontmatter errors name the field and the fix', () => {
  const result = FrontmatterSchema.safeParse({ ...valid, year: 3, strand: 'poetry', concepts: [], extra: true })
  expect(result.success).toBe(false)
  const messages = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
  expect(messages).toContain('year: year must be 1 or 2.')
  expect(messages.some((m) => m.startsWith('strand: strand must be one of: launch,'))).toBe(true)
  expect(messages).toContain('concepts: List at least one of equity, instruction, improvement under concepts.')
  expect(messages.some((m) => m.includes('extra'))).toBe(true)
})

test('year-two assignments need both track variants', () => {
  const result = FrontmatterSchema.safeParse({ ...valid, year: 2 })
  expect(result.success).toBe(false)
  expect(result.success ? [] : result.error.issues.map((i) => i.path.join('.'))).toContain('assignment.tracks')
})

const outline = (overrides: Partial<ModuleOutline> = {}): ModuleOutline => ({
  sections: ['One', 'Two', 'Three', 'Four'].map((title, i) => ({ id: slugifyHeading(title), title, line: 10 + i * 10 })),
  components: [{ name: 'EquityPrompts', line: 50, attributes: { phase: 'understand-the-system' } }],
  prompts: ['a', 'b', 'c'].map((id, i) => ({ id: `prompt-${id}`, text: 'A real question to answer?', line: 20 + i })),
  proseWords: 1500,
  ...overrides,
})
const phases = ['understand-the-system']

test('a well-formed body has no problems', () => {
  expect(checkModuleBody({ file: 'm.mdx', year: 1, outline: outline(), phaseIds: phases })).toEqual([])
})

test('body problems carry their lines', () => {
  const problems = checkModuleBody({
    file: 'm.mdx',
    year: 1,
    phaseIds: phases,
    outline: outline({
      components: [
        { name: 'EquityPrompts', line: 50, attributes: { phase: 'made-up' } },
        { name: 'Video', line: 60, attributes: {} },
        { name: 'Track', line: 70, attributes: { for: 'principal' } },
      ],
      prompts: [
        { id: 'Bad_Id', text: 'A real question to answer?', line: 21 },
        { id: 'dup', text: 'A real question to answer?', line: 22 },
        { id: 'dup', text: 'A real question to answer?', line: 23 },
      ],
      proseWords: 900,
    }),
  })
  const lines = problems.map((p) => `${p.line}: ${p.message}`)
  expect(lines).toContain('50: <EquityPrompts phase="made-up"> names no phase. Use one of: understand-the-system.')
  expect(lines).toContain('60: Unknown component <Video>. Use only <Prompt>, <EquityPrompts>, <Track>, <Callout>.')
  expect(lines).toContain('70: Year-one modules have no track variants: remove the <Track> block.')
  expect(lines).toContain('21: Prompt id "Bad_Id" must be kebab-case, e.g. id="where-is-the-problem".')
  expect(lines).toContain('23: Prompt id "dup" is already used on line 22; prompt ids must be unique in a module.')
  expect(lines).toContain('1: The teaching text has 900 words outside components; write at least 1200.')
})

test('year-two bodies need both track passages', () => {
  const problems = checkModuleBody({ file: 'm.mdx', year: 2, outline: outline(), phaseIds: phases })
  expect(problems.map((p) => p.message)).toContain('Year-two modules need <Track for="principal"> and <Track for="assistant-principal"> passages.')
})

test('the curriculum check finds shared slugs, assignment ids and months', () => {
  const fm = { year: 1 as const, month: 4, track: 'all' as const, assignment: { ...valid.assignment, kind: 'reflection' as const } }
  const problems = checkCurriculum([
    { file: 'a.mdx', slug: 'a', frontmatter: fm },
    { file: 'b.mdx', slug: 'a', frontmatter: fm },
  ])
  expect(problems.map((p) => p.message)).toEqual([
    'The slug "a" is also used by a.mdx; rename one file.',
    'assignment.id "y1-reframe" is also used by a.mdx.',
    'Year 1, month 4 already has a.mdx: fellows take one module a month.',
  ])
})

test('a month holds one module for every track or one per track, not both', () => {
  const fm = (track: 'all' | 'principal' | 'assistant-principal', id: string) => ({ year: 2 as const, month: 3, track, assignment: { ...valid.assignment, id, kind: 'reflection' as const } })
  const perTrack = checkCurriculum([
    { file: 'p.mdx', slug: 'p', frontmatter: fm('principal', 'p') },
    { file: 'ap.mdx', slug: 'ap', frontmatter: fm('assistant-principal', 'ap') },
  ])
  expect(perTrack).toEqual([])
  const both = checkCurriculum([
    { file: 'p.mdx', slug: 'p', frontmatter: fm('principal', 'p') },
    { file: 'all.mdx', slug: 'all', frontmatter: fm('all', 'all') },
    { file: 'p2.mdx', slug: 'p2', frontmatter: fm('principal', 'p2') },
  ])
  expect(both.map((p) => `${p.file}: ${p.message}`)).toEqual([
    'all.mdx: Year 2, month 3 already has p.mdx: fellows take one module a month.',
    'p2.mdx: Year 2, month 3 already has p.mdx for principals: fellows take one module a month.',
  ])
})

test('lineOfKey follows nested keys and list items', () => {
  const source = ['---', 'title: X', 'objectives:', '  - one', '  - two', 'assignment:', '  id: a', '  tracks:', '    principal: |', '      text', '---'].join('\n')
  expect(lineOfKey(source, ['title'])).toBe(2)
  expect(lineOfKey(source, ['objectives', 1])).toBe(5)
  expect(lineOfKey(source, ['assignment', 'tracks', 'principal'])).toBe(9)
})

test('school months run September (1) to June (10), with summer off', () => {
  expect(schoolMonth(new Date('2026-09-15T12:00:00Z'))).toBe(1)
  expect(schoolMonth(new Date('2026-11-22T12:00:00Z'))).toBe(3)
  expect(schoolMonth(new Date('2027-01-05T12:00:00Z'))).toBe(5)
  expect(schoolMonth(new Date('2027-06-30T12:00:00Z'))).toBe(10)
  expect(schoolMonth(new Date('2027-07-04T12:00:00Z'))).toBeNull()
})

test('headings become stable ids', () => {
  expect(slugifyHeading('Locating problems in systems, not in people')).toBe('locating-problems-in-systems-not-in-people')
  expect(slugifyHeading('Équité & “justice”')).toBe('equite-justice')
})
