import { asc, eq, sql } from 'drizzle-orm'
import { db } from '../../db/client.server'
import { cohorts, fellows, leas, schools } from '../../db/schema'

/** One row per cohort with its fellows counted by state, position and program year. */
export async function listCohortSummaries() {
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      startYear: cohorts.startYear,
      fellows: sql<number>`count(${fellows.id})::int`,
      maryland: sql<number>`count(*) filter (where ${leas.state} = 'MD')::int`,
      newJersey: sql<number>`count(*) filter (where ${leas.state} = 'NJ')::int`,
      principals: sql<number>`count(*) filter (where ${fellows.position} = 'principal')::int`,
      assistantPrincipals: sql<number>`count(*) filter (where ${fellows.position} = 'assistant_principal')::int`,
      yearOne: sql<number>`count(*) filter (where ${fellows.programYear} = 1)::int`,
      yearTwo: sql<number>`count(*) filter (where ${fellows.programYear} = 2)::int`,
      leas: sql<number>`count(distinct ${leas.id})::int`,
      schools: sql<number>`count(distinct ${schools.id})::int`,
    })
    .from(cohorts)
    .leftJoin(fellows, eq(fellows.cohortId, cohorts.id))
    .leftJoin(schools, eq(schools.id, fellows.schoolId))
    .leftJoin(leas, eq(leas.id, schools.leaId))
    .groupBy(cohorts.id)
    .orderBy(asc(cohorts.startYear), asc(cohorts.name))
}
