import { z } from 'zod'

/** The vocabulary of a module's frontmatter (content/README.md explains each). */
export const STRANDS = [
  'launch',
  'identity',
  'equity-lens',
  'equity-audit',
  'instruction',
  'improvement',
  'synthesis',
  'coaching',
  'causal-analysis',
  'aims-drivers',
  'change-ideas',
  'pdsa',
  'leading-change',
  'sustain-spread',
  'capstone',
] as const
export const CONCEPTS = ['equity', 'instruction', 'improvement'] as const
export const TRACKS = ['all', 'principal', 'assistant-principal'] as const
export const ASSIGNMENT_KINDS = ['reflection', 'equity-audit', 'fishbone', 'pdsa', 'plan', 'capstone'] as const

export type Track = (typeof TRACKS)[number]
export type FellowTrack = Exclude<Track, 'all'>

/** The components a module may use. `Section` is added by the build around each `##` heading. */
export const AUTHOR_COMPONENTS = ['Prompt', 'EquityPrompts', 'Track', 'Callout'] as const

export const MIN_PROSE_WORDS = 1200
export const MIN_PROMPTS = 3
export const MIN_SECTIONS = 4

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const Instructions = z.string().trim().min(40, 'Write instructions of at least a few sentences (40+ characters).')

export const FrontmatterSchema = z
  .object({
    title: z.string().trim().min(3, 'Give the module a title.').max(120),
    year: z.union([z.literal(1), z.literal(2)], { errorMap: () => ({ message: 'year must be 1 or 2.' }) }),
    month: z.number().int().min(1, 'month runs 1 (September) to 10 (June).').max(10, 'month runs 1 (September) to 10 (June).'),
    strand: z.enum(STRANDS, { errorMap: () => ({ message: `strand must be one of: ${STRANDS.join(', ')}.` }) }),
    concepts: z
      .array(z.enum(CONCEPTS, { errorMap: () => ({ message: `concepts are drawn from: ${CONCEPTS.join(', ')}.` }) }))
      .min(1, 'List at least one of equity, instruction, improvement under concepts.'),
    track: z.enum(TRACKS, { errorMap: () => ({ message: 'track must be all, principal or assistant-principal.' }) }),
    minutes: z.number().int().min(15, 'minutes must be between 15 and 480.').max(480, 'minutes must be between 15 and 480.'),
    objectives: z.array(z.string().trim().min(10, 'Write each objective as a full sentence.')).min(2, 'List at least two objectives.'),
    readings: z.array(z.string()).min(1, 'List at least one reading key from content/bibliography.json.'),
    assignment: z.object({
      id: z.string().regex(kebab, 'assignment.id must be kebab-case, e.g. y1-equity-audit-plan.'),
      title: z.string().trim().min(3, 'Give the assignment a title.'),
      kind: z.enum(ASSIGNMENT_KINDS, {
        errorMap: () => ({ message: `assignment.kind must be one of: ${ASSIGNMENT_KINDS.join(', ')}.` }),
      }),
      instructions: Instructions,
      tracks: z
        .object({ principal: Instructions, 'assistant-principal': Instructions })
        .strict('assignment.tracks takes only principal and assistant-principal.')
        .optional(),
    }),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.year === 2 && !value.assignment.tracks) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['assignment', 'tracks'],
        message: 'Year-two assignments need tracks.principal and tracks.assistant-principal instructions.',
      })
    }
  })

export type Frontmatter = z.infer<typeof FrontmatterSchema>

/** What the build reads out of a module's body, with the line of each thing for error messages. */
export type ModuleOutline = {
  sections: { id: string; title: string; line: number }[]
  components: { name: string; line: number; attributes: Record<string, string | null> }[]
  prompts: { id: string; text: string; line: number }[]
  proseWords: number
}

export type ContentProblem = { file: string; line: number; message: string }

/** Turns a heading into a stable anchor id. */
export function slugifyHeading(text: string) {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
}

export function countWords(text: string) {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length
}

/** The body checks of one module: components, prompts, sections, length. */
export function checkModuleBody(args: {
  file: string
  year: 1 | 2
  outline: ModuleOutline
  phaseIds: readonly string[]
}): ContentProblem[] {
  const { file, year, outline, phaseIds } = args
  const problems: ContentProblem[] = []
  const at = (line: number, message: string) => problems.push({ file, line, message })
  const allowed: readonly string[] = AUTHOR_COMPONENTS

  for (const component of outline.components) {
    if (!allowed.includes(component.name)) {
      at(component.line, `Unknown component <${component.name}>. Use only ${AUTHOR_COMPONENTS.map((c) => `<${c}>`).join(', ')}.`)
      continue
    }
    if (component.name === 'EquityPrompts' && !phaseIds.includes(component.attributes.phase ?? '')) {
      at(component.line, `<EquityPrompts phase="${component.attributes.phase ?? ''}"> names no phase. Use one of: ${phaseIds.join(', ')}.`)
    }
    if (component.name === 'Track') {
      const track = component.attributes.for
      if (track !== 'principal' && track !== 'assistant-principal') {
        at(component.line, '<Track> needs for="principal" or for="assistant-principal".')
      } else if (year === 1) {
        at(component.line, 'Year-one modules have no track variants: remove the <Track> block.')
      }
    }
    if (component.name === 'Callout' && !component.attributes.title) at(component.line, '<Callout> needs a title="…".')
  }

  const seenPrompts = new Map<string, number>()
  for (const prompt of outline.prompts) {
    if (!kebab.test(prompt.id)) at(prompt.line, `Prompt id "${prompt.id}" must be kebab-case, e.g. id="where-is-the-problem".`)
    const first = seenPrompts.get(prompt.id)
    if (first !== undefined) at(prompt.line, `Prompt id "${prompt.id}" is already used on line ${first}; prompt ids must be unique in a module.`)
    else seenPrompts.set(prompt.id, prompt.line)
    if (prompt.text.trim().length < 10) at(prompt.line, `Prompt "${prompt.id}" needs its question as the text between <Prompt> and </Prompt>.`)
  }
  if (outline.prompts.length < MIN_PROMPTS) {
    at(1, `Add reflection prompts: ${outline.prompts.length} found, at least ${MIN_PROMPTS} needed (<Prompt id="…">question</Prompt>).`)
  }
  if (!outline.components.some((c) => c.name === 'EquityPrompts')) {
    at(1, 'Add the equity prompts for this module’s improvement phase: <EquityPrompts phase="…" />.')
  }
  if (year === 2) {
    const tracks = new Set(outline.components.filter((c) => c.name === 'Track').map((c) => c.attributes.for))
    if (!tracks.has('principal') || !tracks.has('assistant-principal')) {
      at(1, 'Year-two modules need <Track for="principal"> and <Track for="assistant-principal"> passages.')
    }
  }

  const seenSections = new Map<string, number>()
  for (const section of outline.sections) {
    if (!section.id) at(section.line, 'A ## heading needs words that make an id.')
    const first = seenSections.get(section.id)
    if (first !== undefined) at(section.line, `The heading "${section.title}" repeats the one on line ${first}; section headings must differ.`)
    else seenSections.set(section.id, section.line)
  }
  if (outline.sections.length < MIN_SECTIONS) {
    at(1, `Split the text into at least ${MIN_SECTIONS} "## " sections (found ${outline.sections.length}); a fellow marks each one done.`)
  }
  if (outline.proseWords < MIN_PROSE_WORDS) {
    at(1, `The teaching text has ${outline.proseWords} words outside components; write at least ${MIN_PROSE_WORDS}.`)
  }
  return problems
}

/** Checks across all modules: unique slugs and assignment ids, one module per month, year and track. */
export function checkCurriculum(
  modules: { file: string; slug: string; frontmatter: Pick<Frontmatter, 'year' | 'month' | 'track' | 'assignment'> }[],
): ContentProblem[] {
  const problems: ContentProblem[] = []
  const seen = new Map<string, string>()
  const claim = (key: string, file: string, message: (other: string) => string) => {
    const other = seen.get(key)
    if (other) problems.push({ file, line: 1, message: message(other) })
    else seen.set(key, file)
  }
  for (const { file, slug, frontmatter } of modules) {
    claim(`slug:${slug}`, file, (other) => `The slug "${slug}" is also used by ${other}; rename one file.`)
    claim(`assignment:${frontmatter.assignment.id}`, file, (other) => `assignment.id "${frontmatter.assignment.id}" is also used by ${other}.`)
    // A fellow takes one module a month: a month's module is for every track or one per track
    // (the staff figures keep one place per month of a fellow's work, ~/domain/standing moduleBit).
    const tracks = frontmatter.track === 'all' ? ['principal', 'assistant-principal'] : [frontmatter.track]
    const other = tracks.map((track) => seen.get(`month:${frontmatter.year}:${frontmatter.month}:${track}`)).find(Boolean)
    if (other) {
      const whose = tracks.length === 1 ? ` for ${tracks[0] === 'principal' ? 'principals' : 'assistant principals'}` : ''
      problems.push({ file, line: 1, message: `Year ${frontmatter.year}, month ${frontmatter.month} already has ${other}${whose}: fellows take one module a month.` })
    } else {
      for (const track of tracks) seen.set(`month:${frontmatter.year}:${frontmatter.month}:${track}`, file)
    }
  }
  return problems
}

/** The line a frontmatter key sits on, following a path like assignment → tracks → principal. */
export function lineOfKey(source: string, path: readonly (string | number)[]) {
  const lines = source.split('\n')
  let line = 0
  for (const segment of path) {
    if (typeof segment === 'number') {
      let seen = -1
      for (let i = line + 1; i < lines.length; i++) {
        if (/^\s*-\s/.test(lines[i])) seen++
        if (seen === segment) {
          line = i
          break
        }
      }
      continue
    }
    const pattern = new RegExp(`^\\s*['"]?${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}['"]?\\s*:`)
    const found = lines.findIndex((text, i) => i > line && pattern.test(text))
    if (found === -1) break
    line = found
  }
  return line + 1
}

/** School-year month: September is 1, June is 10; July and August are the summer break (null). */
export function schoolMonth(date: Date) {
  const calendarMonth = date.getUTCMonth() + 1
  if (calendarMonth >= 9) return calendarMonth - 8
  if (calendarMonth <= 6) return calendarMonth + 4
  return null
}

export const MONTH_NAMES = ['September', 'October', 'November', 'December', 'January', 'February', 'March', 'April', 'May', 'June'] as const
