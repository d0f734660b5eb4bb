import { readFileSync } from 'node:fs'

/**
 * Each heat-map state's symbol and background as the stylesheet sets them by `data-heat`
 * (app/styles/tailwind.css), for tests that read a cell as a person sees it.
 */
export function heatLooks(): Map<string, { symbol: string; background: string }> {
  const css = readFileSync(new URL('../../app/styles/tailwind.css', import.meta.url), 'utf8')
  const looks = new Map<string, { symbol: string; background: string }>()
  for (const [, state, symbol] of css.matchAll(/\[data-heat='([a-z-]+)'\]::before \{ content: '([^']+)' \/ ''; \}/g)) {
    const background = css.match(new RegExp(`\\[data-heat='${state}'\\] \\{ @apply (bg-[a-z]+(?:-\\d+)?) `))?.[1]
    if (background) looks.set(state, { symbol, background })
  }
  return looks
}
