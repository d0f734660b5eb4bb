import { expect, test } from 'vitest'
import { academySize, planFellow, planStructure, sessionQuota, type PlanOptions } from './plan'

const modules: PlanOptions['modules'] = [1, 2, 3].flatMap((month) =>
  [1, 2].map((year) => ({
    slug: `y${year}-m${month}`,
    year,
    month,
    track: 'all' as const,
    sections: [{ id: 'a' }, { id: 'b' }],
    prompts: [{ id: 'p1' }, { id: 'p2' }],
    assignment: { id: `y${year}-m${month}-work` },
  })),
)

function plan(fellows: number): PlanOptions {
  return { size: academySize(fellows), seed: 7, today: '2026-11-23', modules }
}

test('the 10,000-fellow academy has the issue’s shape, and a tenth of it scales down in proportion', () => {
  expect(academySize(10_000)).toMatchObject({ cohorts: 50, leas: 200, coaches: 400, coachingSessions: 100_000 })
  expect(academySize(1_000)).toMatchObject({ cohorts: 5, leas: 20, coaches: 40, coachingSessions: 10_000 })
})

test('coaching sessions add up to the academy’s total, and year-two fellows have had more', () => {
  const options = plan(1_000)
  const structure = planStructure(options, 'hash', 'totp-key')
  const quota = sessionQuota(options, structure)
  expect(quota.reduce((sum, q) => sum + q, 0)).toBe(10_000)
  // Cohorts alternate by fellow number; the last cohort is in year two, the first in year one.
  expect(quota[4]).toBeGreaterThan(quota[0])
})

test('a fellow comes out the same on every run, with work only on modules already open', () => {
  const options = plan(100)
  const structure = planStructure(options, 'hash', 'totp-key')
  const once = planFellow(options, structure, 3, 12, 'hash')
  expect(planFellow(options, structure, 3, 12, 'hash')).toEqual(once)
  expect(once.sessions).toHaveLength(12)
  expect(once.sessions.every((s) => s.heldOn <= options.today)).toBe(true)
  const slugs = new Set(once.progress.map((p) => p.moduleSlug))
  expect([...slugs].every((slug) => modules.some((m) => m.slug === slug && m.year <= once.fellow.programYear))).toBe(true)
})

test('every submission’s status is where its events end', () => {
  const options = plan(100)
  const structure = planStructure(options, 'hash', 'totp-key')
  for (let i = 0; i < 20; i++) {
    const rows = planFellow(options, structure, i, 0, 'hash')
    for (const submission of rows.submissions) {
      const events = rows.events.filter((e) => e.submissionId === submission.id)
      expect(events[0].toStatus).toBe('draft')
      expect(events[events.length - 1].toStatus).toBe(submission.status)
    }
  }
})
