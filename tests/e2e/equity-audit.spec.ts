import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

test('a fellow uploads the filled-in CSV template, sees the flagged group, and previews the suppressed view the coach sees', async ({ browser }) => {
  const fellow = await signedInPage(browser, 'fellow@demo.sila.test')
  await fellow.getByRole('link', { name: 'Improvement tools' }).click()
  await expect(fellow.getByRole('heading', { level: 1, name: 'Improvement tools' })).toBeVisible()
  await expectNoAxeViolations(fellow)

  await fellow.getByRole('link', { name: 'New equity audit' }).click()
  await fellow.getByLabel('Title').fill('Bayview equity audit, 2026–27')
  await fellow.getByRole('button', { name: 'Create the audit' }).click()
  await expect(fellow.getByRole('heading', { level: 1, name: 'Bayview equity audit, 2026–27' })).toBeVisible()
  await expectNoAxeViolations(fellow)

  // The template, downloaded from the page, with one small group added as a fellow would.
  const template = await (await fellow.request.get('/tools/audits/template.csv')).text()
  const filled = `${template}Out-of-school suspension,Native Hawaiian or Other Pacific Islander,8,1\r\n`
  await fellow.getByLabel('CSV file').setInputFiles({ name: 'bayview-audit.csv', mimeType: 'text/csv', buffer: Buffer.from(filled) })
  await fellow.getByRole('button', { name: 'Upload and check' }).click()
  await expect(fellow.getByText('Imported 11 rows: 2 new indicators, 0 replaced.')).toBeVisible()
  await expect(fellow.getByRole('heading', { level: 2, name: 'Out-of-school suspension' })).toBeVisible()
  await expect(fellow.getByText('Over the threshold of 2.0: Black or African American.')).toBeVisible()
  await expect(fellow.getByRole('img', { name: /Out-of-school suspension: risk ratio by student group/ })).toBeVisible()
  const suspension = fellow.getByRole('table', { name: 'Out-of-school suspension: figures per student group' })
  await expect(suspension.getByRole('row', { name: /Native Hawaiian/ })).toContainText('8')
  await expectNoAxeViolations(fellow)

  await fellow.getByLabel('What students, families and staff told you').fill('Students said the referral process feels arbitrary.')
  await fellow.getByRole('button', { name: 'Save notes' }).click()
  await expect(fellow.getByText('Notes saved.')).toBeVisible()

  await fellow.getByRole('link', { name: 'Preview what others see (printable)' }).click()
  await expect(fellow.getByText(/Preview: exactly what your coach/)).toBeVisible()
  const shared = fellow.getByRole('table', { name: /Out-of-school suspension: figures per student group, small groups suppressed/ })
  await expect(shared.getByRole('row', { name: /Native Hawaiian/ })).toContainText('Fewer than 10 students: not shown (Maryland).')
  await expect(shared.getByRole('row', { name: /Two or more races/ })).toContainText('Hidden so another hidden group cannot be worked out from the total.')
  await expect(shared.getByRole('row', { name: /Black or African American/ })).toContainText('▲ Over threshold')
  await expect(fellow.getByText('Students said the referral process feels arbitrary.')).toBeVisible()
  await expectNoAxeViolations(fellow)

  const coach = await signedInPage(browser, 'coach@demo.sila.test')
  await coach.getByRole('link', { name: 'Amara Okafor' }).first().click()
  await coach.getByRole('link', { name: 'Their improvement work' }).click()
  await expect(coach.getByRole('heading', { level: 1, name: 'Improvement work: Amara Okafor' })).toBeVisible()
  // 31/210 against everyone else's 27/498 (the added group included): 2.72.
  await expect(coach.getByText('Out-of-school suspension: Black or African American, risk ratio 2.72')).toBeVisible()
  await expectNoAxeViolations(coach)
  await coach.getByRole('link', { name: 'Bayview equity audit, 2026–27' }).first().click()
  await expect(coach.getByText(/You see this audit as everyone but its author does/)).toBeVisible()
  const coachView = coach.getByRole('table', { name: /Out-of-school suspension: figures per student group, small groups suppressed/ })
  await expect(coachView.getByRole('row', { name: /Two or more races/ })).not.toContainText('25')
  await expect(coach.getByRole('button', { name: /Save/ })).toHaveCount(0)
  await expectNoAxeViolations(coach)
})
