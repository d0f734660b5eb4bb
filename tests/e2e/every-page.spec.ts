import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

/**
 * The pages no other journey checks with axe, visited as the role that uses them. Together with the
 * other journeys, every page of the app is checked for WCAG 2.1 A and AA violations as each role.
 */
async function visit(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible()
  await expectNoAxeViolations(page)
}

test('signed out: password reset and the accessibility statement are axe-clean', async ({ page }) => {
  await visit(page, '/forgot-password', /password/i)
  await visit(page, '/accessibility', 'Accessibility statement')
})

test('a fellow’s remaining pages are axe-clean: notifications, account, curriculum, new tools', async ({ browser }) => {
  const fellow = await signedInPage(browser, 'fellow@demo.sila.test')
  await visit(fellow, '/notifications', 'Notifications')
  await visit(fellow, '/account', /account/i)
  await visit(fellow, '/learn', /curriculum|year/i)
  await visit(fellow, '/tools/audits/new', 'New equity audit')
  await visit(fellow, '/tools/fishbones/new', 'New fishbone')
})

test('a coach’s review queue and account are axe-clean, and a coach reaches a fellow by keyboard alone', async ({ browser }) => {
  const coach = await signedInPage(browser, 'coach@demo.sila.test')
  await visit(coach, '/review', /review/i)
  await visit(coach, '/account', /account/i)
  await visit(coach, '/account/security', 'Sign-in and security')
  await visit(coach, '/account/sessions', 'Where you are signed in')
  await coach.goto('/caseload')
  const link = coach.getByRole('link', { name: 'Amara Okafor' }).first()
  // Tab until the fellow's name has focus, then Enter.
  for (let i = 0; i < 60 && !(await link.evaluate((el) => el === document.activeElement)); i++) await coach.keyboard.press('Tab')
  await expect(link).toBeFocused()
  await coach.keyboard.press('Enter')
  await expect(coach.getByRole('heading', { level: 1, name: 'Coaching: Amara Okafor' })).toBeVisible()
})

test('staff pages are axe-clean: reports, invite, audit log and a year-two heat map', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@demo.sila.test')
  await visit(staff, '/staff/reports', 'Reports')
  await visit(staff, '/staff/invite', /invite/i)
  await visit(staff, '/audit', 'Audit log')
  await staff.goto('/staff')
  await staff.getByRole('link', { name: 'heat map of Cohort 2025–2027' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Heat map: Cohort 2025–2027' })).toBeVisible()
  await expectNoAxeViolations(staff)
})

test('an admin’s outbox is axe-clean, and an admin filters the audit log by keyboard alone', async ({ browser }) => {
  const admin = await signedInPage(browser, 'admin@demo.sila.test')
  await visit(admin, '/admin/outbox', /outbox/i)
  await visit(admin, '/account/confirm', 'Confirm it is you')
  await admin.goto('/audit')
  await admin.getByLabel('Who (email contains)').focus()
  await admin.keyboard.type('admin@demo')
  await admin.keyboard.press('Enter')
  await expect(admin).toHaveURL(/actor=admin%40demo/)
  await expect(admin.getByRole('table', { name: 'Audit log entries' })).toContainText('sign_in.succeeded')
  await expectNoAxeViolations(admin)
})
