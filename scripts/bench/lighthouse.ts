import { existsSync } from 'node:fs'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse, { desktopConfig } from 'lighthouse'

/**
 * Lighthouse's performance score of one page, in Debian's Chromium. The machine has no outside
 * network, so everything that phones home is switched off; it only floods refused connections.
 */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export type LighthouseFigures = {
  score: number | null
  firstContentfulPaintMs: number | null
  largestContentfulPaintMs: number | null
  totalBlockingTimeMs: number | null
  cumulativeLayoutShift: number | null
}

/** Runs the mobile (Lighthouse's default) and desktop presets one after the other in one browser. */
export async function runLighthouse(url: string, cookie: string, chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') {
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (apt-get install -y chromium, or set CHROMIUM_PATH)`)
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  try {
    const flags = { port: chrome.port, output: 'json' as const, logLevel: 'error' as const, onlyCategories: ['performance'], extraHeaders: { Cookie: cookie } }
    const mobile = figures(await lighthouse(url, flags))
    const desktop = figures(await lighthouse(url, flags, desktopConfig))
    return { mobile, desktop }
  } finally {
    chrome.kill()
  }
}

function figures(result: Awaited<ReturnType<typeof lighthouse>>): LighthouseFigures {
  const lhr = result?.lhr
  const metric = (id: string) => lhr?.audits[id]?.numericValue ?? null
  const score = lhr?.categories.performance?.score
  return {
    score: typeof score === 'number' ? Math.round(score * 100) : null,
    firstContentfulPaintMs: metric('first-contentful-paint'),
    largestContentfulPaintMs: metric('largest-contentful-paint'),
    totalBlockingTimeMs: metric('total-blocking-time'),
    cumulativeLayoutShift: metric('cumulative-layout-shift'),
  }
}
