import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage, signInThroughForm } from './journey'

test('staff open People from the navigation, find Amara Okafor and read her record, each page axe-clean', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@demo.sila.test')
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'People' })).toBeVisible()
  await expectNoAxeViolations(staff)

  await staff.getByLabel('Name or email').fill('Okafor')
  await staff.getByRole('button', { name: 'Search', exact: true }).click()
  await expect(staff).toHaveURL(/[?&]q=Okafor/)
  const row = staff.getByRole('row').filter({ hasText: 'fellow@demo.sila.test' })
  await expect(row).toContainText('Cohort 2026–2028')
  await expect(row).toContainText('Maryland')
  await expect(staff.getByRole('row').filter({ hasText: 'Camille Dorsey' })).toHaveCount(0)
  await expectNoAxeViolations(staff)

  await row.getByRole('link', { name: 'Amara Okafor' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Amara Okafor' })).toBeVisible()
  await expect(staff.getByRole('table', { name: 'Progress through year 1' })).toBeVisible()
  await expect(staff.getByText('Sessions logged')).toBeVisible()
  await expect(staff.getByRole('link', { name: 'Their improvement work' })).toHaveAttribute('href', /^\/tools\?fellow=/)
  await expect(staff.getByLabel('School')).toHaveValue(/.+/)
  await expectNoAxeViolations(staff)
})

test('a keyboard user searches People with Tab and Enter alone', async ({ page }) => {
  await signInThroughForm(page, 'staff@demo.sila.test')
  await page.goto('/staff/people')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Name or email')).toBeFocused()
  await page.keyboard.type('Okafor')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Role')).toBeFocused()
  // Type-ahead picks "Fellows" in the focused select, as it would for any keyboard user.
  await page.keyboard.type('Fellows')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('Status')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Search', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/q=Okafor&role=fellow/)
  await expect(page.getByText(/^Showing 1–\d+ of \d+ (person|people)\.$/)).toBeVisible()
  await expect(page.getByRole('row').filter({ hasText: 'fellow@demo.sila.test' })).toBeVisible()

  // Enter in the search field submits too.
  await page.getByLabel('Name or email').focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('fellow.year2@demo')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/q=fellow\.year2%40demo/)
  await expect(page.getByText('Showing 1–1 of 1 person.')).toBeVisible()
})
