import { expect, test, type Browser } from '@playwright/test'
import { expectNoAxeViolations, signInThroughForm } from './axe'

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInThroughForm(page, email)
  return page
}

test('a coach logs a session and a belief shift; the fellow sees only what was shared; staff see counts', async ({ browser }) => {
  const coach = await signedInPage(browser, 'coach@demo.sila.test')
  await coach.getByRole('link', { name: 'Amara Okafor' }).first().click()
  await expect(coach.getByRole('heading', { level: 1, name: 'Coaching: Amara Okafor' })).toBeVisible()
  await expectNoAxeViolations(coach)

  await coach.getByRole('button', { name: 'Log a session' }).click()
  await expect(coach.getByRole('heading', { level: 1, name: /Log a session with Amara Okafor/ })).toBeVisible()
  await expectNoAxeViolations(coach)
  await coach.getByLabel('Minutes').fill('45')
  await coach.getByLabel('Video').check()
  await coach.getByLabel('Equity', { exact: true }).check()
  await coach.getByLabel('Private notes').fill('Private: defensive when discipline data came up.')
  await coach.getByLabel('Shared summary').fill('We read the suspension data together and named the referral process as a cause.')
  await coach.getByLabel('Next steps (shared)').fill('Shadow a student for a morning.')
  await expect(coach.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible({ timeout: 10_000 })
  await coach.getByRole('button', { name: 'Log session' }).click()
  await expect(coach.getByRole('heading', { level: 1, name: 'Coaching: Amara Okafor' })).toBeVisible()

  await coach.getByLabel('The belief, in the fellow’s words').fill('Some of these kids just do not want to learn.')
  await coach.getByLabel('About', { exact: true }).selectOption('students')
  await coach.getByLabel('What surfaced it').fill('Said while we looked at referrals.')
  await coach.getByLabel('Share with the fellow').check()
  await coach.getByRole('button', { name: 'Add belief' }).click()
  await expect(coach.getByText('Belief added to the ledger.')).toBeVisible()
  await coach.getByLabel('Moved to').selectOption('exploring')
  await coach.getByLabel('What showed it').fill('Asked what the students themselves say.')
  await coach.getByRole('button', { name: /Record movement/ }).click()
  await expect(coach.getByText('Movement recorded.')).toBeVisible()
  await expectNoAxeViolations(coach)

  const fellow = await signedInPage(browser, 'fellow@demo.sila.test')
  await fellow.getByRole('link', { name: 'Coaching' }).click()
  await expect(fellow.getByText('We read the suspension data together')).toBeVisible()
  await expect(fellow.getByText('Shadow a student for a morning.')).toBeVisible()
  await expect(fellow.getByText('Some of these kids just do not want to learn.')).toBeVisible()
  await expect(fellow.getByText('Surfaced → Exploring')).toBeVisible()
  await expect(fellow.getByText('defensive when discipline')).toHaveCount(0)
  await expect(fellow.getByText('Asked what the students themselves say.')).toHaveCount(0)
  await expectNoAxeViolations(fellow)

  const staff = await signedInPage(browser, 'staff@demo.sila.test')
  await staff.getByRole('link', { name: 'Coaching', exact: true }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Coaching cadence' })).toBeVisible()
  await expect(staff.getByRole('table', { name: /Coaching sessions per coach and month, Cohort 2026–2028/ })).toContainText('Camille Dorsey')
  await expect(staff.getByText('suspension data')).toHaveCount(0)
  await expect(staff.getByText('do not want to learn')).toHaveCount(0)
  await expectNoAxeViolations(staff)
  await staff.getByRole('link', { name: 'Pairings' }).click()
  await expect(staff.getByRole('listitem').filter({ hasText: 'Camille Dorsey:' })).toContainText('8 fellows')
  await expectNoAxeViolations(staff)
})
