import { expect, type Locator, type Page, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

/** Presses Tab, and only Tab, until `target` has focus. */
async function tabTo(page: Page, target: Locator, most = 250) {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab')
    if (await target.evaluate((el) => el === document.activeElement)) return
  }
  throw new Error(`Tab never reached ${target.toString()}`)
}

async function expectFocused(page: Page, target: Locator) {
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true)
}

/** The id of the add-a-cause form on the bone with this label. */
async function addFormId(page: Page, bone: string) {
  const id = await page.locator('summary', { hasText: `Add a cause to ‘${bone}’` }).locator('xpath=..').locator('form').getAttribute('id')
  if (!id) throw new Error(`No add-a-cause form on ${bone}`)
  return id
}

test('a fellow builds a fishbone with the keyboard only', async ({ browser }) => {
  const title = `Ninth-grade attendance ${Date.now()}`
  const fellow = await signedInPage(browser, 'fellow@demo.sila.test')

  await tabTo(fellow, fellow.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Improvement tools' }))
  await fellow.keyboard.press('Enter')
  await expect(fellow.getByRole('heading', { level: 1, name: 'Improvement tools' })).toBeVisible()
  await expectNoAxeViolations(fellow)

  await tabTo(fellow, fellow.getByRole('link', { name: 'New fishbone' }))
  await fellow.keyboard.press('Enter')
  await expect(fellow.getByRole('heading', { level: 1, name: 'New fishbone' })).toBeVisible()
  await expectNoAxeViolations(fellow)
  await tabTo(fellow, fellow.getByLabel('Title'))
  await fellow.keyboard.type(title)
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, fellow.getByLabel('Problem statement'))
  await fellow.keyboard.type('Two in five of our ninth graders are chronically absent.')
  await tabTo(fellow, fellow.getByRole('button', { name: 'Start the fishbone' }))
  await fellow.keyboard.press('Enter')
  await expect(fellow.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(fellow.getByRole('region', { name: 'People or system?' })).toContainText('No causes yet.')
  await expectNoAxeViolations(fellow)

  // Two causes on the Students bone, both placed in people.
  const students = fellow.locator('form#' + (await addFormId(fellow, 'Students')))
  await tabTo(fellow, fellow.locator('summary', { hasText: 'Add a cause to ‘Students’' }))
  await fellow.keyboard.press('Enter')
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, students.getByLabel('Cause'))
  await fellow.keyboard.type('Students do not see why school matters')
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, students.getByLabel('In people'))
  await fellow.keyboard.press('Space')
  await expect(students.getByLabel('In people')).toBeChecked()
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, students.getByLabel('Evidence (optional)'))
  await fellow.keyboard.type('Exit survey, spring term')
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, students.getByRole('button', { name: 'Add cause to ‘Students’' }))
  await fellow.keyboard.press('Enter')
  await expect(students.getByText('Cause added.')).toBeVisible()
  await expect(fellow.locator('li', { hasText: 'Students do not see why school matters' }).getByText('Evidence: Exit survey, spring term')).toBeVisible()

  // The form is ready for the next cause, and focus is on it.
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, students.getByLabel('Cause'))
  await expect(students.getByLabel('Cause')).toHaveValue('')
  await fellow.keyboard.type('Peers who skip pull friends along')
  await fellow.keyboard.press('Tab')
  await fellow.keyboard.press('Space')
  await tabTo(fellow, students.getByRole('button', { name: 'Add cause to ‘Students’' }))
  await fellow.keyboard.press('Enter')
  await expect(fellow.locator('li', { hasText: 'Peers who skip pull friends along' }).first()).toBeVisible()

  // One cause on another bone, placed in the system.
  const systems = fellow.locator('form#' + (await addFormId(fellow, 'Systems, policies and schedules')))
  await tabTo(fellow, fellow.locator('summary', { hasText: 'Add a cause to ‘Systems, policies and schedules’' }))
  await fellow.keyboard.press('Enter')
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, systems.getByLabel('Cause'))
  await fellow.keyboard.type('First-period tardies count as absences')
  await fellow.keyboard.press('Tab')
  await fellow.keyboard.press('ArrowRight')
  await expect(systems.getByLabel('In the system')).toBeChecked()
  await fellow.keyboard.press('Tab')
  await fellow.keyboard.type('Attendance policy, section 4')
  await fellow.keyboard.press('Tab')
  await expectFocused(fellow, systems.getByRole('button', { name: 'Add cause to ‘Systems, policies and schedules’' }))
  await fellow.keyboard.press('Enter')
  await expect(systems.getByText('Cause added.')).toBeVisible()

  // The balance, and the question, because most causes sit in people.
  const balance = fellow.getByRole('region', { name: 'People or system?' })
  await expect(balance).toContainText('2 of 3 causes (67%) locate the problem in people; 1 (33%) in the system.')
  await expect(balance).toContainText('Most of your causes place the problem in people.')
  await expect(balance).toContainText('Where is the system letting students down here?')

  // The drawing, named and described, and the outline after it with the same content.
  const diagram = fellow.getByRole('img', { name: `Fishbone: ${title}` })
  await expect(diagram).toBeVisible()
  await expect(diagram).toContainText('First-period tardies count')
  const outline = fellow.getByRole('region', { name: 'Outline' })
  await expect(outline.locator('p', { hasText: 'First-period tardies count as absences' })).toContainText('In the system')
  await expect(outline.locator('p', { hasText: 'Peers who skip pull friends along' })).toContainText('In people')
  await expect(fellow.getByRole('link', { name: 'Download the diagram (SVG)' })).toHaveAttribute('href', /\/tools\/fishbones\/[0-9a-f-]{36}\.svg$/)
  await expectNoAxeViolations(fellow)

  // Their coach reads the same fishbone, with no way to change it.
  const coach = await signedInPage(browser, 'coach@demo.sila.test')
  await coach.goto(fellow.url())
  await expect(coach.getByRole('img', { name: `Fishbone: ${title}` })).toBeVisible()
  await expect(coach.getByText('You are reading it; only they can change it.')).toBeVisible()
  await expect(coach.getByText('Add a cause')).toHaveCount(0)
  await expect(coach.getByRole('button', { name: /Move|Delete|Save/ })).toHaveCount(0)
  await expectNoAxeViolations(coach)
})
