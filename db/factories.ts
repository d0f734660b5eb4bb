import { db } from './client.server'
import { coachAssignments, cohorts, fellows, leas, schools, users } from './schema'

/**
 * Small builders for academy records, shared by the demo seed and the tests so both make data the
 * same way. Each takes what matters and defaults the rest.
 */

type Role = (typeof users.$inferInsert)['role']

export async function createUser(values: {
  email: string
  name: string
  role: Role
  passwordHash?: string | null
  status?: 'invited' | 'active' | 'deactivated'
  /** An encrypted authenticator key (see encryptTotpKey): the account then signs in with a code too. */
  totpKey?: string | null
}) {
  const [user] = await db
    .insert(users)
    .values({
      email: values.email.toLowerCase(),
      name: values.name,
      role: values.role,
      passwordHash: values.passwordHash ?? null,
      status: values.status ?? (values.passwordHash ? 'active' : 'invited'),
      totpKey: values.totpKey ?? null,
    })
    .returning({ id: users.id, email: users.email, name: users.name, role: users.role })
  return user
}

export async function createLea(values: { name: string; state: 'MD' | 'NJ' }) {
  const [lea] = await db.insert(leas).values(values).returning({ id: leas.id, name: leas.name, state: leas.state })
  return lea
}

export async function createSchool(values: { leaId: string; name: string }) {
  const [school] = await db.insert(schools).values(values).returning({ id: schools.id, name: schools.name })
  return school
}

export async function createCohort(values: { name: string; startYear: number }) {
  const [cohort] = await db.insert(cohorts).values(values).returning({ id: cohorts.id, name: cohorts.name })
  return cohort
}

export async function createFellow(values: {
  userId: string
  cohortId: string
  schoolId: string
  position: 'principal' | 'assistant_principal'
  programYear: 1 | 2
  focusArea?: 'literacy' | 'mathematics' | null
  projectTitle?: string | null
}) {
  const [fellow] = await db.insert(fellows).values(values).returning({ id: fellows.id })
  return fellow
}

export async function pairCoach(values: { fellowId: string; coachId: string; startsOn: string }) {
  const [pairing] = await db.insert(coachAssignments).values(values).returning({ id: coachAssignments.id })
  return pairing
}
