import { expect, test } from '@playwright/test'
import { DEMO_PASSWORD, DEMO_TOTP_KEY } from '../../db/demo-accounts'
import { nextTotpCode } from '../support/totp'
import { expectNoAxeViolations, signInThroughForm } from './journey'

test('the sign-in page has no WCAG 2.1 AA violations and explains bad input', async ({ page }) => {
  await page.goto('/login')
  await expect(page).toHaveTitle('Sign in · SILA Academy')
  await expectNoAxeViolations(page)
  await page.getByLabel('Email').fill('fellow@demo.sila.test')
  await page.getByLabel('Password').fill('not the password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('That email and password do not match an active account.')).toBeVisible()
  await expectNoAxeViolations(page)
  // Corrected, the form goes with one click: the error list must not move the button under the mouse.
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL('/home')
})

const JOURNEYS = [
  { role: 'fellow', email: 'fellow@demo.sila.test', path: '/home', heading: /^Welcome, / , sees: 'Your academy record' },
  { role: 'coach', email: 'coach@demo.sila.test', path: '/caseload', heading: 'Your caseload', sees: '8 fellows paired with you.' },
  { role: 'staff member', email: 'staff@demo.sila.test', path: '/staff', heading: 'Cohort overview', sees: /\d+ fellows in 2 cohorts across Maryland and New Jersey/ },
  { role: 'admin', email: 'admin@demo.sila.test', path: '/admin', heading: 'Accounts', sees: 'admin@demo.sila.test' },
] as const

for (const journey of JOURNEYS) {
  test(`a demo ${journey.role} signs in through the form and sees an accessible home`, async ({ page }) => {
    await signInThroughForm(page, journey.email)
    await expect(page).toHaveURL(journey.path)
    await expect(page.getByRole('heading', { level: 1, name: journey.heading })).toBeVisible()
    await expect(page.getByText(journey.sees).first()).toBeVisible()
    await expectNoAxeViolations(page)
    await page.getByRole('button', { name: 'Sign out' }).click()
    await expect(page).toHaveURL('/login')
  })
}

test('a keyboard user skips to the main content and signs in without a mouse', async ({ page }) => {
  await page.goto('/login')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Email')).toBeFocused()
  await page.keyboard.type('coach2@demo.sila.test')
  await page.keyboard.press('Tab')
  await page.keyboard.type(DEMO_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/two-factor\?/)
  const code = page.getByLabel('Code', { exact: true })
  for (let i = 0; i < 10 && !(await code.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
  await expect(code).toBeFocused()
  await page.keyboard.type(await nextTotpCode('coach2@demo.sila.test', DEMO_TOTP_KEY))
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/caseload')
})

test('a coach is asked for a code after the password; a wrong one is refused, and the page is axe-clean', async ({ page }) => {
  await page.goto('/login')
  await page.getByLabel('Email').fill('coach3@demo.sila.test')
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Enter your code' })).toBeVisible()
  await expectNoAxeViolations(page)
  // Until the code is given, nothing behind the sign-in opens.
  await page.goto('/caseload')
  await expect(page).toHaveURL(/\/two-factor\?redirectTo=%2Fcaseload/)
  await page.getByLabel('Code', { exact: true }).fill('000000')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByText(/That code did not match, or was already used\./)).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('Code', { exact: true }).fill(await nextTotpCode('coach3@demo.sila.test', DEMO_TOTP_KEY))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL('/caseload')
})

test('a fellow turns on an authenticator app, keeps recovery codes, and then signs in with a code', async ({ page }) => {
  const email = 'luis.kim1@demo.sila.test'
  await signInThroughForm(page, email)
  await page.goto('/account')
  await page.getByRole('link', { name: 'Change your email, password or second factor' }).click()
  await page.getByRole('link', { name: 'Set up an authenticator app' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Set up your authenticator app' })).toBeVisible()
  await expectNoAxeViolations(page)
  const key = (await page.locator('code').first().innerText()).replace(/\s/g, '')
  await page.getByLabel('Code from the app').fill(await nextTotpCode(email, key))
  await page.getByRole('button', { name: 'Turn on' }).click()
  await expect(page.getByRole('heading', { name: 'Save your recovery codes now' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10)
  await expectNoAxeViolations(page)
  await page.getByRole('link', { name: 'I have saved my codes: continue' }).click()
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByLabel('Code', { exact: true }).fill(await nextTotpCode(email, key))
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page).toHaveURL('/home')
})

test('the accessibility statement is open to everyone, linked from every page, and axe-clean', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: 'Accessibility' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
  await expect(page.getByText(/WCAG\) 2.1 at level AA/)).toBeVisible()
  await expectNoAxeViolations(page)
})
