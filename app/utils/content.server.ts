import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { getMDXComponent } from 'mdx-bundler/client/index.js'
import type { ComponentType } from 'react'
import type { CompiledModule, ContentManifest } from '~/domain/content-manifest'
import type { MdxComponentProps } from '~/components/mdx/registry'

let manifest: ContentManifest | undefined
let bySlug: Map<string, CompiledModule> | undefined

function manifestPath() {
  return path.resolve(process.env.CONTENT_MANIFEST ?? 'build/content/manifest.json')
}

/** The compiled curriculum, read once per process. */
export function getCurriculum(): ContentManifest {
  if (manifest) return manifest
  const file = manifestPath()
  if (!existsSync(file)) throw new Error(`No compiled curriculum at ${file}: run \`npm run build\` (or \`npm run content:build\`).`)
  const parsed: ContentManifest = JSON.parse(readFileSync(file, 'utf8'))
  manifest = parsed
  bySlug = new Map(parsed.modules.map((m) => [m.slug, m]))
  return parsed
}

export function getCompiledModule(slug: string) {
  getCurriculum()
  return bySlug?.get(slug) ?? null
}

const components = new Map<string, ComponentType<MdxComponentProps>>()

/** The module's MDX as a React component on the server; evaluated once per content version. */
export function serverModuleComponent(slug: string) {
  const compiled = getCompiledModule(slug)
  if (!compiled) return undefined
  const key = `${slug}@${compiled.contentHash}`
  const cached = components.get(key)
  if (cached) return cached
  const component = getMDXComponent(compiled.code)
  components.set(key, component)
  return component
}

/** The browser loads the same code as an ES module from /modules/…, so no eval is needed under CSP. */
export function moduleScript(compiled: CompiledModule) {
  return `export default function load(React, ReactDOM, _jsx_runtime) {\n${compiled.code}\n}\n`
}

/** One phase of the equity-centered improvement question bank, for the tools' side panels. */
export function getEquityPhase(id: string) {
  const phase = getCurriculum().equityPhases.find((p) => p.id === id)
  if (!phase) throw new Error(`No equity prompt phase “${id}” in content/equity-prompts.json.`)
  return phase
}
