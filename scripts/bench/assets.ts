/**
 * Which JavaScript a page makes the browser load: what its HTML preloads and imports (Remix's
 * module preloads, the inline entry importing the route manifest and route modules), a module's
 * compiled MDX, and whatever those import statically in turn.
 */

/** Static imports only: a dynamic import() is fetched later, if at all, not with the page. */
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["']([^"'\s]+\.js)["']/g
const MODULE_PRELOAD = /<link[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+\.js)"/g
const SCRIPT_SRC = /<script[^>]*\bsrc="([^"]+\.js)"/g
const MODULE_SCRIPT = /data-module-script="([^"]+\.js)"/g

function resolve(from: string, target: string) {
  return new URL(target, `http://page${from}`).pathname
}

/** Script paths a page's HTML names directly. */
export function scriptsInHtml(html: string) {
  const found = new Set<string>()
  for (const pattern of [MODULE_PRELOAD, SCRIPT_SRC, STATIC_IMPORT, MODULE_SCRIPT]) {
    for (const match of html.matchAll(pattern)) found.add(resolve('/', match[1]))
  }
  return [...found]
}

/**
 * Script paths a chunk imports statically, absolute or relative to the chunk itself. Paths that
 * only appear as strings (the route manifest lists every route's module) are not imports.
 */
export function importsOfChunk(chunkPath: string, code: string) {
  const found = new Set<string>()
  for (const match of code.matchAll(STATIC_IMPORT)) found.add(resolve(chunkPath, match[1]))
  return [...found]
}
