/**
 * npm run content:build — validates and compiles every module in content/ and writes the manifest
 * the server loads at start-up (build/content/manifest.json, or CONTENT_MANIFEST).
 * npm run content:check — the validation alone. Bad content prints file:line: what to fix, and
 * the command exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { buildCurriculum } from './content/compile'

async function main() {
  const check = process.argv.includes('--check')
  const contentDir = path.resolve(process.env.CONTENT_DIR ?? 'content')
  const started = performance.now()
  const { problems, manifest } = await buildCurriculum(contentDir)
  const ms = Math.round(performance.now() - started)
  if (problems.length > 0) {
    for (const p of problems) console.error(`${path.relative(process.cwd(), p.file)}:${p.line}: ${p.message}`)
    console.error(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in the curriculum; nothing was written.`)
    process.exitCode = 1
    return
  }
  const words = manifest.modules.reduce((sum, m) => sum + m.proseWords, 0)
  if (check) {
    console.log(`${manifest.modules.length} modules valid (${words} words of teaching text) in ${ms} ms.`)
    return
  }
  const out = path.resolve(process.env.CONTENT_MANIFEST ?? 'build/content/manifest.json')
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, JSON.stringify(manifest))
  console.log(`Compiled ${manifest.modules.length} modules (${words} words) to ${path.relative(process.cwd(), out)} in ${ms} ms.`)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error)
  process.exitCode = 1
})
