import { expect, test } from '@playwright/test'
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
  await page.keyboard.type('coach@demo.sila.test')
  await page.keyboard.press('Tab')
  await page.keyboard.type('sila-demo-password')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/caseload')
})

test('the accessibility statement is open to everyone, linked from every page, and axe-clean', async ({ page }) => {
  await page.goto('/login')
  await page.getByRole('link', { name: 'Accessibility' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Accessibility statement' })).toBeVisible()
  await expect(page.getByText(/WCAG\) 2.1 at level AA/)).toBeVisible()
  await expectNoAxeViolations(page)
})
