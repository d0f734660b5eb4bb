import { expect, test, type Browser } from '@playwright/test'
import { expectNoAxeViolations, signInThroughForm } from './axe'

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await signInThroughForm(page, email)
  return page
}

test('a fellow submits, the coach returns it with feedback, the fellow resubmits, and staff accept', async ({ browser }) => {
  const fellow = await signedInPage(browser, 'fellow@demo.sila.test')
  const coach = await signedInPage(browser, 'coach@demo.sila.test')
  const staff = await signedInPage(browser, 'staff@demo.sila.test')

  await fellow.goto('/learn/identities-and-assets')
  await fellow.getByRole('button', { name: 'Start your submission' }).click()
  await expect(fellow.getByRole('heading', { level: 1, name: 'School community asset map' })).toBeVisible()
  await fellow.getByLabel('Your work, in Markdown').fill('## Assets\n\n- Families who speak **eleven** languages\n- A church food pantry')
  await fellow.getByRole('button', { name: 'Preview' }).click()
  await expect(fellow.getByRole('region', { name: 'Preview' }).getByText('eleven')).toBeVisible()
  await expectNoAxeViolations(fellow)
  await fellow.getByRole('button', { name: 'Submit for review' }).click()
  await expect(fellow.getByText('Submitted for review.')).toBeVisible()
  const submissionUrl = fellow.url()

  await coach.goto('/caseload')
  await expect(coach.getByRole('heading', { name: /Waiting for your review \(1\)/ })).toBeVisible()
  await expectNoAxeViolations(coach)
  await coach.getByRole('region', { name: /Waiting for your review/ }).getByRole('link').first().click()
  await expect(coach.getByRole('heading', { name: 'Review' })).toBeVisible()
  await expectNoAxeViolations(coach)
  await coach.getByLabel('Feedback', { exact: true }).fill('Lovely start. Which assets have **students** named themselves?')
  await coach.getByLabel('Return for revision (feedback required)').check()
  await coach.getByRole('button', { name: 'Send review' }).click()
  await expect(coach.getByText('Returned with your feedback.')).toBeVisible()

  await fellow.goto(submissionUrl)
  await expect(fellow.getByRole('region', { name: 'Latest feedback' })).toContainText('Which assets have students named themselves?')
  await fellow.getByLabel('Your work, in Markdown').fill('## Assets\n\n- Families who speak eleven languages\n- Students named the robotics club and the step team')
  await fellow.getByRole('button', { name: 'Resubmit for review' }).click()
  await expect(fellow.getByText('Submitted for review.')).toBeVisible()

  await staff.goto('/review')
  await expectNoAxeViolations(staff)
  await staff.getByRole('link', { name: 'Amara Okafor' }).click()
  await staff.getByLabel('Accept').check()
  await staff.getByRole('button', { name: 'Send review' }).click()
  await expect(staff.getByText('Accepted.')).toBeVisible()

  await fellow.reload()
  await expect(fellow.getByText('Accepted', { exact: true }).first()).toBeVisible()
  await expect(fellow.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(5)
  await expectNoAxeViolations(fellow)
  await fellow.goto('/notifications')
  await expect(fellow.getByText('was accepted')).toBeVisible()
  await expectNoAxeViolations(fellow)
})

test('staff see a cohort’s schedule and can change a date', async ({ page }) => {
  await signInThroughForm(page, 'staff@demo.sila.test')
  await page.getByRole('link', { name: 'Schedule of Cohort 2026–2028' }).click()
  await expect(page.getByRole('heading', { level: 1, name: /Schedule: Cohort 2026–2028/ })).toBeVisible()
  await expectNoAxeViolations(page)
  await page.getByLabel('The equity lens assignment due on').fill('2026-12-11')
  await page.getByRole('button', { name: 'Save dates' }).click()
  await expect(page.getByText('Saved the dates of 20 modules.')).toBeVisible()
  await expect(page.getByLabel('The equity lens assignment due on')).toHaveValue('2026-12-11')
})
