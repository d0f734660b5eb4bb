import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

const HEADER = 'name,email,state,lea,school,position,cohort,coach_email'

test('staff upload a roster, read the preview, apply it, and see every problem of a bad file named; each state of the page is axe-clean', async ({ browser }) => {
  const staff = await signedInPage(browser, 'staff@demo.sila.test')
  await staff.getByRole('link', { name: 'Roster import' }).click()
  await expect(staff.getByRole('heading', { level: 1, name: 'Roster import' })).toBeVisible()
  await expect(staff.getByText('The name of an existing cohort: “Cohort 2026–2028”, “Cohort 2025–2027”.')).toBeVisible()
  await expectNoAxeViolations(staff)

  const roster = [
    HEADER,
    'Teresa Mbeki,roster-page.teresa@example.org,MD,Severn Shore County Public Schools,Bayview Elementary School,principal,Cohort 2026–2028,coach5@demo.sila.test',
    'Daniel Ruiz,roster-page.daniel@example.org,New Jersey,Harbor Point Public Schools,Wharton Elementary School,assistant principal,Cohort 2025–2027,',
  ].join('\r\n')
  await staff.getByLabel('Roster CSV file').setInputFiles({ name: 'new-fellows.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) })
  await staff.getByRole('button', { name: 'Upload and preview' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'Preview of new-fellows.csv' })).toBeVisible()
  const toAdd = staff.getByRole('table', { name: 'Fellows to add' })
  await expect(toAdd.getByRole('row', { name: /Teresa Mbeki/ })).toContainText('Cohort 2026–2028, year 1')
  await expect(toAdd.getByRole('row', { name: /Teresa Mbeki/ })).toContainText('Lorraine Pak (coach5@demo.sila.test)')
  await expect(toAdd.getByRole('row', { name: /Daniel Ruiz/ })).toContainText('Wharton Elementary School (new)')
  await expect(toAdd.getByRole('row', { name: /Daniel Ruiz/ })).toContainText('Cohort 2025–2027, year 2')
  await expect(staff.getByText('School: Wharton Elementary School (Harbor Point Public Schools, NJ)')).toBeVisible()
  await expectNoAxeViolations(staff)

  await staff.getByRole('button', { name: 'Apply this import' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'Import applied' })).toBeVisible()
  await expect(staff.getByText('Applied: 2 fellows added (2 invitations sent), 0 updated, 0 unchanged; 0 new LEAs, 1 new school.')).toBeVisible()
  await expect(staff.getByRole('table', { name: 'Fellows added' }).getByRole('row', { name: /Daniel Ruiz/ })).toBeVisible()
  await expect(staff.getByRole('button', { name: 'Apply this import' })).toHaveCount(0)
  await expectNoAxeViolations(staff)

  // A second file: one fellow moves school, one row is wrong, one is as the roster already says.
  const second = [
    HEADER,
    'Teresa Mbeki,roster-page.teresa@example.org,MD,Severn Shore County Public Schools,Marsh Creek Middle School,principal,Cohort 2026–2028,',
    'Someone Else,roster-page.someone@example.org,Virginia,Severn Shore County Public Schools,Bayview Elementary School,principal,Cohort 2099,',
    'Daniel Ruiz,roster-page.daniel@example.org,NJ,Harbor Point Public Schools,wharton elementary school,AP,Cohort 2025–2027,',
  ].join('\r\n')
  await staff.getByLabel('Roster CSV file').setInputFiles({ name: 'changes.csv', mimeType: 'text/csv', buffer: Buffer.from(second) })
  await staff.getByRole('button', { name: 'Upload and preview' }).click()
  await expect(staff.getByRole('heading', { level: 2, name: 'Preview of changes.csv' })).toBeVisible()
  await expect(staff.getByText('Nothing can be applied: 2 problems to fix in the file.')).toBeVisible()
  const problems = staff.getByRole('table', { name: 'Problems in the file, by line and column' })
  await expect(problems.getByRole('row')).toHaveCount(3)
  await expect(problems.getByRole('row', { name: /state/ })).toContainText('“Virginia” is not a state of the academy')
  await expect(problems.getByRole('row', { name: /cohort/ })).toContainText('No cohort is called “Cohort 2099”.')
  await expect(staff.getByRole('table', { name: 'Fellows to update, with each change' }).getByRole('row', { name: /Teresa Mbeki/ })).toContainText(
    'school: Bayview Elementary School → Marsh Creek Middle School',
  )
  await expect(staff.getByRole('button', { name: 'Apply this import' })).toHaveCount(0)
  await staff.getByText('1 fellow already on the roster as the file says').click()
  await expect(staff.getByRole('table', { name: 'Fellows left as they are' }).getByRole('row', { name: /Daniel Ruiz/ })).toBeVisible()
  await expectNoAxeViolations(staff)
})
