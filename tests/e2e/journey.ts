import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Browser, type Page } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from '../../db/demo-accounts'
import { nextTotpCode } from '../support/totp'

/** WCAG 2.1 A and AA rules (and their 2.0 predecessors): zero violations allowed. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary).toEqual([])
}

/** Signs in with the demo password and, for coaches, staff and admins, a code from the demo key. */
export async function signInThroughForm(page: Page, email: string) {
  await page.goto('/login')
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
  if (new URL(page.url()).pathname === '/two-factor') {
    await page.getByLabel('Code', { exact: true }).fill(await nextTotpCode(email, DEMO_TOTP_KEY))
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.waitForURL((url) => url.pathname !== '/two-factor')
  }
}

/** Where each account's signed-in cookies are kept for the run; serve.js empties it at start. */
export const SESSION_STATE_DIR = path.resolve('data/e2e-sessions')

/**
 * A separate browser (its own cookies) signed in as `email`: one per person in a journey. The first
 * journey to need an account signs in through the forms and keeps the cookies; later ones start
 * from them, as someone reopening their laptop would. Journeys that test signing in itself use
 * signInThroughForm. (Each code works once, so signing staff in afresh for every journey would
 * mean waiting for their authenticator's next code.)
 */
export async function signedInPage(browser: Browser, email: string) {
  const stateFile = path.join(SESSION_STATE_DIR, `${email}.json`)
  if (existsSync(stateFile)) {
    const context = await browser.newContext({ storageState: stateFile })
    const page = await context.newPage()
    // Where signing in would have left them: their home.
    await page.goto('/')
    await page.waitForURL((url) => url.pathname !== '/')
    return page
  }
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInThroughForm(page, email)
  mkdirSync(SESSION_STATE_DIR, { recursive: true })
  await context.storageState({ path: stateFile })
  return page
}
