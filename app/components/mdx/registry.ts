import * as React from 'react'
import type { MDXProps } from 'mdx/types'
import type { ComponentType, ReactNode } from 'react'
import * as ReactDOM from 'react-dom'
import * as jsxRuntime from 'react/jsx-runtime'
import { moduleComponents } from './index'

export type MdxComponentProps = MDXProps
type ModuleComponent = ComponentType<MdxComponentProps>

/**
 * Where a module's compiled MDX comes from. On the server, entry.server sets a resolver that
 * evaluates the manifest's code; in the browser, the module's code is imported as a same-origin ES
 * module (CSP forbids eval) before hydration or before a client-side navigation renders the page.
 */
let serverResolver: ((slug: string) => ModuleComponent | undefined) | undefined
const loaded = new Map<string, ModuleComponent>()

export function setServerModuleResolver(resolver: (slug: string) => ModuleComponent | undefined) {
  serverResolver = resolver
}

export function moduleScriptUrl(slug: string, contentHash: string) {
  return `/modules/${slug}.${contentHash}.js`
}

function isLoader(value: unknown): value is (...args: unknown[]) => { default: ModuleComponent } {
  return typeof value === 'function'
}

/** Imports a module's code once; safe to call again. */
export async function loadModuleScript(url: string) {
  if (loaded.has(url)) return
  const imported: { default?: unknown } = await import(/* webpackIgnore: true */ url)
  if (!isLoader(imported.default)) throw new Error(`${url} is not a module script`)
  loaded.set(url, imported.default(React, ReactDOM, jsxRuntime).default)
}

/** Before hydration: every module script the server page names. */
export async function loadModuleScriptsOnPage() {
  const urls = [...document.querySelectorAll<HTMLElement>('[data-module-script]')].map((el) => el.dataset.moduleScript ?? '')
  await Promise.all(urls.filter(Boolean).map(loadModuleScript))
}

function resolveModuleComponent(slug: string, contentHash: string) {
  return typeof document === 'undefined' ? serverResolver?.(slug) : loaded.get(moduleScriptUrl(slug, contentHash))
}

/** Renders a module's MDX body with the module components, or the fallback if its code is missing. */
export function ModuleContent({ slug, contentHash, fallback }: { slug: string; contentHash: string; fallback: ReactNode }) {
  const component = resolveModuleComponent(slug, contentHash)
  return component ? React.createElement(component, { components: moduleComponents }) : fallback
}
