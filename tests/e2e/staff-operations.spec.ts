import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

test('staff import a roster, find the new fellows in the heat map, drill from state to a fellow, and export a CSV', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@demo.sila.test')
  await staff.getByRole('link', { name: 'Roster import' }).click()
  const roster = [
    'name,email,state,lea,school,position,cohort,coach_email',
    'Odessa Whitlow,journey.odessa@example.org,MD,Chesapeake Narrows Public Schools,Tern Island Elementary School,principal,Cohort 2026–2028,coach2@demo.sila.test',
    'Ravi Castellano,journey.ravi@example.org,NJ,Harbor Point Public Schools,Lighthouse Elementary School,assistant principal,Cohort 2026–2028,',
  ].join('\r\n')
  await staff.getByLabel('Roster CSV file').setInputFiles({ name: 'journey.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
  await staff.getByRole('button', { name: 'Upload and preview' }).click()
  await expect(staff.getByRole('table', { name: 'Fellows to add' }).getByRole('row', { name: /Odessa Whitlow/ })).toBeVisible()
  await staff.getByRole('button', { name: 'Apply this import' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'Import applied' })).toBeVisible()

  // The new fellows are in their cohort's heat map, each cell read out in words.
  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cohorts' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Cohort overview' })).toBeVisible()
  await expectNoAxeViolations(staff)
  await staff.getByRole('link', { name: 'heat map of Cohort 2026–2028' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Heat map: Cohort 2026–2028' })).toBeVisible()
  const grid = staff.getByRole('grid', { name: 'Module status of each fellow in Cohort 2026–2028' })
  const odessa = grid.getByRole('row', { name: /Odessa Whitlow/ })
  await expect(odessa).toBeVisible()
  await expect(grid.getByRole('row', { name: /Ravi Castellano/ })).toBeVisible()
  await expectNoAxeViolations(staff)
  // Arrow keys move from the name into the row's cells.
  await odessa.getByRole('link', { name: 'Odessa Whitlow' }).focus()
  await staff.keyboard.press('ArrowRight')
  const firstCell = odessa.getByRole('gridcell').first()
  await expect(firstCell).toBeFocused()
  // Its symbol is drawn for the eye and left out of what a screen reader says.
  expect(await firstCell.evaluate((cell) => getComputedStyle(cell, '::before').content)).toMatch(/[✓◷✗◐○·–]/)
  await expect(firstCell).toHaveAccessibleName(/^[A-Z]/)
  await staff.keyboard.press('End')
  await expect(odessa.getByRole('gridcell').last()).toBeFocused()
  await staff.keyboard.press('Home')
  await expect(odessa.getByRole('link', { name: 'Odessa Whitlow' })).toBeFocused()

  // Drill down: Maryland → the new district → its school → the fellow.
  await staff.getByRole('link', { name: 'Back to the overview' }).click()
  await staff.getByRole('table', { name: /^By state/ }).getByRole('link', { name: 'Maryland' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'By district (LEA)' })).toBeVisible()
  await expectNoAxeViolations(staff)
  await staff.getByRole('link', { name: 'Chesapeake Narrows Public Schools' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'By school' })).toBeVisible()
  await staff.getByRole('link', { name: 'Tern Island Elementary School' }).click()
  const byFellow = staff.getByRole('table', { name: /^By fellow/ })
  await expect(byFellow.getByRole('row', { name: /Odessa Whitlow/ })).toContainText('1 · 0')
  await expect(staff).toHaveURL(/state=MD&lea=[0-9a-f-]{36}&school=[0-9a-f-]{36}/)
  await expectNoAxeViolations(staff)

  // The export follows the filters in view.
  const download = staff.waitForEvent('download')
  await staff.getByRole('link', { name: 'progress per module' }).click()
  const file = await (await download).path()
  const csv = await readFile(file, 'utf8')
  const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n')
  expect(lines[0]).toContain('fellow,email,cohort,state,lea,school')
  expect(lines.length).toBe(1 + 10)
  expect(lines.slice(1).every((l) => l.startsWith('Odessa Whitlow,journey.odessa@example.org,Cohort 2026–2028,MD,Chesapeake Narrows Public Schools'))).toBe(true)

  await byFellow.getByRole('link', { name: 'Odessa Whitlow' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Odessa Whitlow' })).toBeVisible()
  await expectNoAxeViolations(staff)
})
