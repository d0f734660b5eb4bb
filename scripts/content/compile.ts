import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { bundleMDX } from 'mdx-bundler'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { z } from 'zod'
import {
  checkCurriculum,
  checkModuleBody,
  countWords,
  FrontmatterSchema,
  lineOfKey,
  slugifyHeading,
  type ContentProblem,
  type Frontmatter,
  type ModuleOutline,
} from '../../app/domain/curriculum'
import type { CompiledModule, ContentManifest, EquityPhase } from '../../app/domain/content-manifest'

/** The parts of an mdast node this build reads; everything else passes through untouched. */
type MdNode = {
  type: string
  children?: MdNode[]
  value?: string
  depth?: number
  name?: string | null
  attributes?: { type: string; name?: string; value?: unknown }[]
  position?: { start: { line: number } }
}

const EquityPhasesSchema = z.object({
  phases: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      prompts: z.array(z.object({ id: z.string(), text: z.string() })).min(1),
    }),
  ),
})
const BibliographySchema = z.record(z.string().min(20))

function textOf(node: MdNode): string {
  if (typeof node.value === 'string') return node.value
  return (node.children ?? []).map(textOf).join(node.type === 'paragraph' ? '' : ' ')
}

function attributesOf(node: MdNode) {
  const attributes: Record<string, string | null> = {}
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue
    attributes[attribute.name] = typeof attribute.value === 'string' ? attribute.value : null
  }
  return attributes
}

const isComponent = (node: MdNode) => node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'

/**
 * A remark plugin that records the outline of a module (sections, components, prompts, prose
 * words, stray expressions) and wraps each `##` heading with what follows it in a <Section>.
 */
function outlineModule(outline: ModuleOutline, strays: number[]) {
  // Positions count lines of the whole file, frontmatter included.
  const line = (node: MdNode) => node.position?.start.line ?? 1
  function walk(node: MdNode, insideComponent: boolean) {
    if (isComponent(node) && node.name) {
      const attributes = attributesOf(node)
      outline.components.push({ name: node.name, line: line(node), attributes })
      if (node.name === 'Prompt') outline.prompts.push({ id: attributes.id ?? '', text: textOf(node).trim(), line: line(node) })
    } else if (isComponent(node) || node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression' || node.type === 'mdxjsEsm') {
      // The frontmatter export that mdx-bundler injects has no position in the source.
      if (node.position) strays.push(line(node))
    } else if (!insideComponent && node.type !== 'heading' && (node.type === 'text' || node.type === 'inlineCode') && node.value) {
      outline.proseWords += countWords(node.value)
    }
    for (const child of node.children ?? []) walk(child, insideComponent || isComponent(node))
  }
  return () => (tree: MdNode) => {
    walk(tree, false)
    const children: MdNode[] = []
    let section: MdNode | null = null
    for (const node of tree.children ?? []) {
      if (node.type === 'heading' && node.depth === 2) {
        const title = textOf(node).trim()
        const id = slugifyHeading(title)
        outline.sections.push({ id, title, line: line(node) })
        section = {
          type: 'mdxJsxFlowElement',
          name: 'Section',
          attributes: [
            { type: 'mdxJsxAttribute', name: 'id', value: id },
            { type: 'mdxJsxAttribute', name: 'title', value: title },
          ],
          children: [],
        }
        children.push(section)
      } else if (section) {
        section.children?.push(node)
      } else {
        children.push(node)
      }
    }
    tree.children = children
  }
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify)

function markdownToHtml(text: string) {
  return String(markdown.processSync(text))
}

type SourceModule = { file: string; slug: string; source: string }

function readModules(contentDir: string): SourceModule[] {
  const modules: SourceModule[] = []
  for (const year of ['year-1', 'year-2']) {
    const dir = path.join(contentDir, year)
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.mdx')) continue
      const file = path.join(dir, name)
      modules.push({ file, slug: name.replace(/\.mdx$/, ''), source: readFileSync(file, 'utf8') })
    }
  }
  return modules
}

function errorLine(error: unknown) {
  const located = z
    .object({ errors: z.array(z.object({ location: z.object({ line: z.number() }).nullable().optional(), text: z.string() })).min(1) })
    .safeParse(error)
  if (located.success) {
    const first = located.data.errors[0]
    // MDX's own errors carry their position in the text, as "(line:column-line:column)".
    const position = first.text.match(/\((\d+):\d+-\d+:\d+\)/)
    const line = position ? Number(position[1]) : first.location?.line || 1
    const detail = first.text.split('\n').map((l) => l.trim()).filter(Boolean).pop() ?? first.text
    return { line, message: detail.replace(/^\d+:\d+: /, '') }
  }
  const message = error instanceof Error ? error.message : String(error)
  const match = message.match(/(\d+):(\d+)/)
  return { line: match ? Number(match[1]) : 1, message }
}

/** Compiles one module. Frontmatter and body problems are returned, never thrown. */
async function compileModule(module: SourceModule, context: { phaseIds: string[]; bibliography: Record<string, string> }) {
  const { file, slug, source } = module
  const problems: ContentProblem[] = []
  const outline: ModuleOutline = { sections: [], components: [], prompts: [], proseWords: 0 }
  const strays: number[] = []

  let result: Awaited<ReturnType<typeof bundleMDX>>
  try {
    result = await bundleMDX({
      source,
      cwd: path.dirname(file),
      esbuildOptions(options) {
        options.logLevel = 'silent'
        return options
      },
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, outlineModule(outline, strays)]
        return options
      },
    })
  } catch (error) {
    const { line, message } = errorLine(error)
    problems.push({ file, line, message: `The MDX does not compile: ${message}` })
    return { problems, compiled: null }
  }

  const parsed = FrontmatterSchema.safeParse(result.frontmatter)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const where = issue.path.join('.') || 'frontmatter'
      problems.push({ file, line: lineOfKey(source, issue.path), message: `${where}: ${issue.message}` })
    }
    return { problems, compiled: null }
  }
  const frontmatter: Frontmatter = parsed.data
  for (const [i, key] of frontmatter.readings.entries()) {
    if (!context.bibliography[key]) {
      problems.push({ file, line: lineOfKey(source, ['readings']) + (source.includes('readings: [') ? 0 : i + 1), message: `readings: "${key}" is not in content/bibliography.json. Add the full citation there or use an existing key.` })
    }
  }
  for (const strayLine of strays) {
    problems.push({ file, line: strayLine, message: 'Curly braces, import/export lines and unnamed tags are not allowed in modules; write the text without { } or < >.' })
  }
  problems.push(...checkModuleBody({ file, year: frontmatter.year, outline, phaseIds: context.phaseIds }))

  const compiled: CompiledModule = {
    slug,
    ...frontmatter,
    assignment: {
      ...frontmatter.assignment,
      instructionsHtml: markdownToHtml(frontmatter.assignment.instructions),
      tracksHtml: frontmatter.assignment.tracks
        ? {
            principal: markdownToHtml(frontmatter.assignment.tracks.principal),
            'assistant-principal': markdownToHtml(frontmatter.assignment.tracks['assistant-principal']),
          }
        : null,
    },
    readings: frontmatter.readings.map((key) => ({ key, citation: context.bibliography[key] ?? key })),
    sections: outline.sections.map(({ id, title }) => ({ id, title })),
    prompts: outline.prompts.map(({ id, text }) => ({ id, text })),
    equityPhases: [...new Set(outline.components.filter((c) => c.name === 'EquityPrompts').map((c) => c.attributes.phase ?? ''))],
    proseWords: outline.proseWords,
    code: result.code,
    contentHash: createHash('sha256').update(source).digest('hex').slice(0, 16),
  }
  return { problems, compiled }
}

/** Reads, validates and compiles the whole curriculum in `contentDir`. */
export async function buildCurriculum(contentDir: string): Promise<{ problems: ContentProblem[]; manifest: ContentManifest }> {
  const problems: ContentProblem[] = []
  const phasesFile = path.join(contentDir, 'equity-prompts.json')
  const bibliographyFile = path.join(contentDir, 'bibliography.json')
  const phases = EquityPhasesSchema.safeParse(JSON.parse(readFileSync(phasesFile, 'utf8')))
  const bibliography = BibliographySchema.safeParse(JSON.parse(readFileSync(bibliographyFile, 'utf8')))
  if (!phases.success) problems.push({ file: phasesFile, line: 1, message: `Malformed prompt bank: ${phases.error.issues[0].message}` })
  if (!bibliography.success) problems.push({ file: bibliographyFile, line: 1, message: 'Every bibliography entry must be a full citation.' })
  const equityPhases: EquityPhase[] = phases.success ? phases.data.phases : []
  const context = { phaseIds: equityPhases.map((p) => p.id), bibliography: bibliography.success ? bibliography.data : {} }

  const sources = readModules(contentDir)
  const compiled = await Promise.all(sources.map((module) => compileModule(module, context)))
  const modules: CompiledModule[] = []
  for (const result of compiled) {
    problems.push(...result.problems)
    if (result.compiled) modules.push(result.compiled)
  }
  problems.push(
    ...checkCurriculum(modules.map((m) => ({ file: sources.find((s) => s.slug === m.slug)?.file ?? m.slug, slug: m.slug, frontmatter: m }))),
  )
  modules.sort((a, b) => a.year - b.year || a.month - b.month)
  return { problems, manifest: { equityPhases, modules } }
}
