import { createAudit, importAuditCounts, saveAuditNotes } from '../app/models/equity-audit.server'

type Row = [group: string, enrolled: number, withOutcome: number]

/** Invented counts for a demo middle school in New Jersey, shaped like a real year-one audit. */
const DEMO_AUDIT: { name: string; rows: Row[] }[] = [
  {
    name: 'Out-of-school suspension',
    rows: [
      ['Black or African American', 164, 29],
      ['Hispanic or Latino', 231, 19],
      ['White', 187, 7],
      ['Asian', 58, 1],
      ['Two or more races', 34, 2],
      ['American Indian or Alaska Native', 6, 0],
    ],
  },
  {
    name: 'Chronic absence',
    rows: [
      ['Black or African American', 164, 41],
      ['Hispanic or Latino', 231, 62],
      ['White', 187, 24],
      ['Asian', 58, 4],
      ['Two or more races', 34, 6],
      ['American Indian or Alaska Native', 6, 2],
    ],
  },
  {
    name: 'Algebra I in grade 8',
    rows: [
      ['Black or African American', 52, 3],
      ['Hispanic or Latino', 77, 5],
      ['White', 61, 19],
      ['Asian', 19, 9],
      ['Two or more races', 11, 2],
      ['American Indian or Alaska Native', 2, 0],
    ],
  },
]

/** The year-two demo fellow's equity audit from year one, so year-two work opens with its findings in view. */
export async function seedDemoAudit({ fellowId }: { fellowId: string }) {
  const artifactId = await createAudit({ fellowId, title: 'Year-one equity audit', schoolYear: '2025–26' })
  await importAuditCounts({
    artifactId,
    indicators: DEMO_AUDIT.map(({ name, rows }) => ({ name, counts: rows.map(([group, enrolled, withOutcome]) => ({ group, enrolled, withOutcome })) })),
  })
  await saveAuditNotes({
    artifactId,
    notes: [
      { key: 'voices-heard', body: 'Eighth graders in our focus group did not know that Algebra I placement rested on a seventh-grade screener. Several families said no one had explained it.' },
      { key: 'not-served', body: 'Black students are suspended at about three times the rate of their peers, and Hispanic students miss the most days.' },
      { key: 'missing-perspectives', body: 'We have not yet heard from families who do not come to school events, or from students who were suspended.' },
      { key: 'assets', body: 'A parent liaison who speaks Spanish and Haitian Creole; a student leadership club that wants to run peer mentoring.' },
    ],
  })
  return artifactId
}
