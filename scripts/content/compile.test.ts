import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from 'vitest'
import { buildCurriculum } from './compile'

const fixtures = path.resolve('tests/fixtures/content-broken')

/** A content folder holding one fixture module, edited, beside the real prompt bank and bibliography. */
function contentWith(fixture: string, edit: (source: string) => string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sila-content-'))
  mkdirSync(path.join(dir, 'year-1'))
  mkdirSync(path.join(dir, 'year-2'))
  for (const name of ['equity-prompts.json', 'bibliography.json']) copyFileSync(path.join(fixtures, name), path.join(dir, name))
  const file = path.join(dir, fixture)
  writeFileSync(file, edit(readFileSync(path.join(fixtures, fixture), 'utf8')))
  return { dir, file }
}

test('bad frontmatter fails with the file, the line of the key and what to fix', async () => {
  const { problems, manifest } = await buildCurriculum(fixtures)
  const file = path.join(fixtures, 'year-1/broken-module.mdx')
  expect(problems).toContainEqual({ file, line: 4, message: 'month: month runs 1 (September) to 10 (June).' })
  expect(manifest.modules.map((m) => m.slug)).not.toContain('broken-module')
})

test('unknown components and duplicate prompt ids are reported at their lines', async () => {
  const { dir, file } = contentWith('year-1/broken-module.mdx', (source) => source.replace('month: 13', 'month: 3'))
  const { problems } = await buildCurriculum(dir)
  const messages = problems.filter((p) => p.file === file).map((p) => `${p.line}: ${p.message}`)
  expect(messages).toContain('25: Unknown component <Quiz>. Use only <Prompt>, <EquityPrompts>, <Track>, <Callout>.')
  expect(messages).toContain('29: Prompt id "same-id" is already used on line 27; prompt ids must be unique in a module.')
  expect(messages).toContain('1: Add reflection prompts: 2 found, at least 3 needed (<Prompt id="…">question</Prompt>).')
  expect(messages.some((m) => m.includes('Add the equity prompts'))).toBe(true)
  expect(messages.some((m) => m.includes('write at least 1200'))).toBe(true)
})

test('a reading missing from the bibliography is named', async () => {
  const { dir, file } = contentWith('year-1/broken-module.mdx', (source) =>
    source.replace('month: 13', 'month: 3').replace('readings: [aguilar-2020]', 'readings: [aguilar-2020, nobody-1999]'),
  )
  const { problems } = await buildCurriculum(dir)
  expect(problems).toContainEqual({
    file,
    line: 12,
    message: 'readings: "nobody-1999" is not in content/bibliography.json. Add the full citation there or use an existing key.',
  })
})

test('MDX that does not compile is reported at its line, not thrown', async () => {
  const { problems } = await buildCurriculum(fixtures)
  const file = path.join(fixtures, 'year-2/unclosed.mdx')
  const mine = problems.filter((p) => p.file === file)
  expect(mine).toHaveLength(1)
  expect(mine[0].line).toBe(28)
  expect(mine[0].message).toMatch(/^The MDX does not compile: Expected a closing tag for `<Callout>`/)
})
