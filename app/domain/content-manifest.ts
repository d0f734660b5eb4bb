import type { Frontmatter } from './curriculum'

/** What the content build hands the server: every module compiled, plus the equity prompt bank. */
export type EquityPhase = {
  id: string
  title: string
  summary: string
  prompts: { id: string; text: string }[]
}

/** An assignment with its Markdown instructions already turned into HTML (our own text, trusted). */
export type CompiledAssignment = Frontmatter['assignment'] & {
  instructionsHtml: string
  tracksHtml: { principal: string; 'assistant-principal': string } | null
}

export type CompiledModule = Omit<Frontmatter, 'readings' | 'assignment'> & {
  slug: string
  assignment: CompiledAssignment
  readings: { key: string; citation: string }[]
  sections: { id: string; title: string }[]
  prompts: { id: string; text: string }[]
  equityPhases: string[]
  proseWords: number
  /** mdx-bundler output, run in the browser and on the server by getMDXComponent. */
  code: string
  contentHash: string
}

export type ContentManifest = {
  equityPhases: EquityPhase[]
  modules: CompiledModule[]
}
