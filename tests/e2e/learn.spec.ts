import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signInThroughForm } from './journey'

test('a fellow opens this month’s module, types an answer, reloads and finds it there', async ({ page }) => {
  await signInThroughForm(page, 'fellow@demo.sila.test')
  await page.getByRole('link', { name: 'Curriculum' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Curriculum' })).toBeVisible()
  await expectNoAxeViolations(page)

  const thisMonth = page.getByRole('region', { name: 'This month' })
  await thisMonth.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expectNoAxeViolations(page)

  const answer = page.getByRole('textbox').first()
  await answer.fill('Our families speak eleven languages; that is an asset we have not used.')
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ }).first()).toBeVisible()
  await page.reload()
  await expect(page.getByRole('textbox').first()).toHaveValue('Our families speak eleven languages; that is an asset we have not used.')
})

test('a fellow marks sections done and sees progress rise', async ({ page }) => {
  await signInThroughForm(page, 'fellow@demo.sila.test')
  await page.goto('/learn/launching-the-academy')
  const progress = page.locator('progress')
  const before = Number(await progress.getAttribute('value'))
  await page.getByRole('button', { name: /Mark section done/ }).first().click()
  await expect(progress).toHaveAttribute('value', String(before + 1))
  await page.reload()
  await expect(page.locator('progress')).toHaveAttribute('value', String(before + 1))
  await expect(page.getByRole('button', { name: /Section done/ }).first()).toHaveAttribute('aria-pressed', 'true')
})

test('a module reads and saves without JavaScript, through plain form posts', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await signInThroughForm(page, 'fellow@demo.sila.test')
  await page.goto('/learn/cultural-identity')
  await page.getByRole('textbox').first().fill('Written on a locked-down school laptop.')
  await page.getByRole('button', { name: 'Save answer' }).first().click()
  await page.goto('/learn/cultural-identity')
  await expect(page.getByRole('textbox').first()).toHaveValue('Written on a locked-down school laptop.')
  await context.close()
})
