import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

/**
 * Markdown written by people (submissions, feedback) to HTML that is safe to show: raw HTML is
 * dropped and the result passes GitHub's sanitising schema (no scripts, styles, event handlers or
 * javascript: links).
 */
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify)

export function renderMarkdown(text: string) {
  return String(processor.processSync(text))
}
