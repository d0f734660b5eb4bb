import { expect, test } from '@playwright/test'
import { expectNoAxeViolations, signedInPage } from './journey'

/** Six weeks before the change and six after: the median is (5 + 9) / 2 = 7, with six points on each side. */
const POINTS = [
  { observedOn: '2026-09-07', value: '3' },
  { observedOn: '2026-09-14', value: '4' },
  { observedOn: '2026-09-21', value: '3' },
  { observedOn: '2026-09-28', value: '5' },
  { observedOn: '2026-10-05', value: '4' },
  { observedOn: '2026-10-12', value: '3' },
  { observedOn: '2026-10-19', value: '9', cycle: true },
  { observedOn: '2026-10-26', value: '10', cycle: true },
  { observedOn: '2026-11-02', value: '9', cycle: true },
  { observedOn: '2026-11-09', value: '11', cycle: true },
  { observedOn: '2026-11-16', value: '10', cycle: true },
  { observedOn: '2026-11-23', value: '12', cycle: true },
]

test('a fellow logs a PDSA cycle with data points and sees the run chart', async ({ browser }) => {
  const fellow = await signedInPage(browser, 'fellow.year2@demo.sila.test')
  await fellow.getByRole('link', { name: 'Improvement tools' }).click()
  await expect(fellow.getByRole('heading', { level: 1, name: 'Improvement tools' })).toBeVisible()
  await fellow.getByRole('link', { name: 'New PDSA cycles' }).click()

  await expect(fellow.getByRole('heading', { level: 1, name: 'Start PDSA cycles' })).toBeVisible()
  // A year-two assistant principal starts from her project.
  await expect(fellow.getByLabel('Problem')).toHaveValue('Family attendance at student-led conferences')
  await expectNoAxeViolations(fellow)
  await fellow.getByLabel('Problem').fill('Family attendance at student-led conferences, for families who speak Spanish at home')
  await fellow.getByLabel('Aim (optional)').fill('Half of these families attend the spring conferences.')
  await fellow.getByRole('button', { name: 'Start PDSA cycles' }).click()

  await expect(fellow.getByRole('heading', { level: 1, name: 'PDSA: Family attendance at student-led conferences' })).toBeVisible()
  await expect(fellow.getByText('No cycles yet.')).toBeVisible()
  await expectNoAxeViolations(fellow)
  await fellow.getByLabel('Change idea for cycle 1').fill('Text each family a reminder the day before')
  await fellow.getByRole('button', { name: 'Start cycle 1' }).click()

  await expect(fellow.getByRole('heading', { level: 1, name: 'Cycle 1' })).toBeVisible()
  await expect(fellow.getByRole('complementary', { name: 'Generate ideas for change' })).toBeVisible()
  await expectNoAxeViolations(fellow)
  await fellow.getByLabel('Prediction', { exact: true }).fill('Eight of twenty families will come, up from three.')
  await fellow.getByLabel('Who', { exact: true }).fill('The family liaison and grade 6 advisers')
  await fellow.getByLabel('What', { exact: true }).fill('A text in the family’s home language')
  await fellow.getByLabel('When', { exact: true }).fill('The week of 19 October')
  await fellow.getByLabel('Where', { exact: true }).fill('Grade 6')
  await fellow.getByLabel('Measures', { exact: true }).fill('Families attending each week')
  await fellow.getByRole('button', { name: 'Save plan' }).click()
  await expect(fellow.getByText('Plan saved.')).toBeVisible()
  await fellow.getByLabel('What happened').fill('Sent 20 texts; 4 numbers were out of date.')
  await fellow.getByRole('button', { name: 'Save do notes' }).click()
  await expect(fellow.getByText('Do notes saved.')).toBeVisible()
  await fellow.getByLabel('Results against the prediction').fill('Nine came the first week: more than predicted.')
  await fellow.getByRole('button', { name: 'Save study notes' }).click()
  await expect(fellow.getByText('Study notes saved.')).toBeVisible()
  await fellow.getByLabel(/^Adapt/).check()
  await fellow.getByLabel('Notes on the decision').fill('Send the reminder in Spanish too')
  await fellow.getByRole('button', { name: 'Save decision' }).click()
  await expect(fellow.getByText('Decision saved. The next cycle starts from it.')).toBeVisible()
  await expectNoAxeViolations(fellow)

  await fellow.getByRole('link', { name: 'All cycles and run charts' }).click()
  await expect(fellow.getByText('Starts from cycle 1: Adapt — Send the reminder in Spanish too')).toBeVisible()
  await fellow.getByLabel('Measure name').fill('Families attending')
  await fellow.getByLabel('Unit (optional)').fill('families')
  await fellow.getByRole('button', { name: 'Add measure' }).click()
  await expect(fellow.getByText('Measure “Families attending” added.')).toBeVisible()

  const form = fellow.getByRole('form', { name: 'Add a data point to Families attending' })
  for (const point of POINTS) {
    await form.getByLabel('Date').fill(point.observedOn)
    await form.getByLabel('Value (families)').fill(point.value)
    await form.getByLabel('During cycle').selectOption(point.cycle ? { label: 'Cycle 1: Text each family a reminder the day before' } : '')
    await form.getByRole('button', { name: 'Add data point' }).click()
    await expect(fellow.getByText(`Data point of ${point.observedOn} added.`)).toBeVisible()
  }

  const chart = fellow.getByRole('img', { name: 'Run chart: Families attending' })
  await expect(chart).toBeVisible()
  await expect(chart).toContainText('Median 7')
  await expect(chart).toContainText('Shift: 6 or more points in a row above the median')
  const caption = fellow.locator('figcaption')
  await expect(caption).toContainText('Shift: 6 points in a row above the median, from 2026-10-19 to 2026-11-23.')
  await expect(fellow.getByRole('table', { name: 'Data points of Families attending, in date order' }).getByRole('row')).toHaveCount(POINTS.length + 1)
  await expectNoAxeViolations(fellow)

  await fellow.getByRole('button', { name: 'Start cycle 2' }).click()
  await expect(fellow.getByRole('heading', { level: 1, name: 'Cycle 2' })).toBeVisible()
  await expect(fellow.getByText('Starts from cycle 1: Adapt — Send the reminder in Spanish too')).toBeVisible()
  await expect(fellow.getByLabel('Change idea', { exact: true })).toHaveValue('Text each family a reminder the day before')
  await expectNoAxeViolations(fellow)
})
