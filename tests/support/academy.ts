import { randomBytes } from 'node:crypto'
import { createCohort, createFellow, createLea, createSchool, createUser, pairCoach } from '../../db/factories'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { hashPassword } from '../../app/utils/password.server'
import { encryptTotpKey } from '../../app/utils/second-factor.server'
import { TEST_TOTP_KEY } from './totp'

export const TEST_PASSWORD = 'correct horse battery staple'

let cachedHash: Promise<string> | undefined
function testPasswordHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD)
  return cachedHash
}

function unique(prefix: string) {
  return `${prefix}-${randomBytes(4).toString('hex')}`
}

/**
 * An account with TEST_PASSWORD. Coaches, staff and admins have their second factor set up (their
 * role requires one) unless `secondFactor: false`; fellows have none unless `secondFactor: true`.
 */
export async function makeUser(
  role: 'fellow' | 'coach' | 'staff' | 'admin',
  overrides: { email?: string; status?: 'invited' | 'active' | 'deactivated'; secondFactor?: boolean } = {},
) {
  const invited = overrides.status === 'invited'
  const secondFactor = !invited && (overrides.secondFactor ?? role !== 'fellow')
  return createUser({
    email: overrides.email ?? `${unique(role)}@example.test`,
    name: `Test ${role} ${randomBytes(2).toString('hex')}`,
    role,
    passwordHash: invited ? null : await testPasswordHash(),
    status: overrides.status ?? 'active',
    totpKey: secondFactor ? encryptTotpKey(decodeBase32IgnorePadding(TEST_TOTP_KEY)) : null,
  })
}

/** A fellow with an account, in a new cohort and school. */
export async function makeFellow(values: { programYear?: 1 | 2; position?: 'principal' | 'assistant_principal'; state?: 'MD' | 'NJ' } = {}) {
  const lea = await createLea({ name: unique('District'), state: values.state ?? 'MD' })
  const school = await createSchool({ leaId: lea.id, name: unique('School') })
  const cohort = await createCohort({ name: unique('Cohort'), startYear: values.programYear === 2 ? 2025 : 2026 })
  const user = await makeUser('fellow')
  const fellow = await createFellow({
    userId: user.id,
    cohortId: cohort.id,
    schoolId: school.id,
    position: values.position ?? 'principal',
    programYear: values.programYear ?? 1,
  })
  return { user, fellow, cohort, school, lea }
}

/** A small academy: one cohort, one school, two fellows and two coaches, each fellow paired. */
export async function makeAcademy() {
  const lea = await createLea({ name: unique('Test District'), state: 'MD' })
  const school = await createSchool({ leaId: lea.id, name: unique('Test School') })
  const cohort = await createCohort({ name: unique('Cohort'), startYear: 2026 })
  const coach = await makeUser('coach')
  const otherCoach = await makeUser('coach')
  const fellowUser = await makeUser('fellow')
  const otherFellowUser = await makeUser('fellow')
  const fellow = await createFellow({ userId: fellowUser.id, cohortId: cohort.id, schoolId: school.id, position: 'principal', programYear: 1 })
  const otherFellow = await createFellow({ userId: otherFellowUser.id, cohortId: cohort.id, schoolId: school.id, position: 'assistant_principal', programYear: 1 })
  await pairCoach({ fellowId: fellow.id, coachId: coach.id, startsOn: '2026-09-01' })
  await pairCoach({ fellowId: otherFellow.id, coachId: otherCoach.id, startsOn: '2026-09-01' })
  const staff = await makeUser('staff')
  const admin = await makeUser('admin')
  return { lea, school, cohort, coach, otherCoach, fellowUser, otherFellowUser, fellow, otherFellow, staff, admin }
}
