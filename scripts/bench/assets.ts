/**
 * Which JavaScript a page makes the browser load: the /build chunks its HTML names (module
 * preloads and the inline entry), the chunks those import in turn, and a module's compiled MDX.
 */

const BUILD_URL = /["'(](\/build\/[^"'()\s]+\.js)["')]/g
/** Static imports only: a dynamic import() is fetched later, if at all, not with the page. */
const RELATIVE_IMPORT = /(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g
const MODULE_SCRIPT = /data-module-script="([^"]+\.js)"/g

/** Script paths a page's HTML names directly. */
export function scriptsInHtml(html: string) {
  const found = new Set<string>()
  for (const match of html.matchAll(BUILD_URL)) found.add(match[1])
  for (const match of html.matchAll(MODULE_SCRIPT)) found.add(match[1])
  return [...found]
}

/** Script paths a chunk imports statically, absolute or relative to the chunk itself. */
export function importsOfChunk(chunkPath: string, code: string) {
  const found = new Set<string>()
  for (const match of code.matchAll(BUILD_URL)) found.add(match[1])
  for (const match of code.matchAll(RELATIVE_IMPORT)) found.add(new URL(match[1], `http://x${chunkPath}`).pathname)
  return [...found]
}
