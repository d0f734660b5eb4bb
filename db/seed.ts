import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { hashPassword } from '../app/utils/password.server'
import { encryptTotpKey } from '../app/utils/second-factor.server'
import { createCohort, createFellow, createLea, createSchool, createUser, pairCoach } from './factories'
import { DEMO_DOMAIN, DEMO_LOGINS, DEMO_PASSWORD, DEMO_TOTP_KEY } from './demo-accounts'
import { seedDemoAudit } from './seed-artifacts'

const DISTRICTS = [
  { name: 'Severn Shore County Public Schools', state: 'MD', schools: ['Bayview Elementary School', 'Marsh Creek Middle School', 'Severn Shore High School'] },
  { name: 'Catoctin Valley Public Schools', state: 'MD', schools: ['Orchard Lane Elementary School', 'Ridgeway Middle School', 'Valley Forge Road Elementary School'] },
  { name: 'Tidewater County Public Schools', state: 'MD', schools: ['Heron Point Elementary School', 'Tidewater Middle School', 'Salt Meadow High School'] },
  { name: 'Harbor Point Public Schools', state: 'NJ', schools: ['Lighthouse Elementary School', 'Harbor Point Middle School', 'Pier Street Elementary School'] },
  { name: 'Maple Ridge Township School District', state: 'NJ', schools: ['Maple Ridge Elementary School', 'Sugarbush Middle School', 'Maple Ridge High School'] },
  { name: 'Cedar Crest Regional School District', state: 'NJ', schools: ['Cedar Crest Elementary School', 'Pinewood Intermediate School', 'Cedar Crest Regional High School'] },
] as const

const FIRST = ['Amara', 'Luis', 'Keisha', 'Daniel', 'Mei', 'Jamal', 'Rosa', 'Ethan', 'Nadia', 'Marcus', 'Grace', 'Omar', 'Tanya', 'Victor', 'Imani', 'Samuel', 'Leticia', 'Hannah', 'Andre', 'Priya']
const LAST = ['Okafor', 'Delgado', 'Brooks', 'Nguyen', 'Patel', 'Washington', 'Romero', 'Kim', 'Haddad', 'Coleman', 'Ferreira', 'Sullivan', 'Mensah', 'Ortiz', 'Baptiste', 'Levin', 'Chavez', 'Adeyemi', 'Morrison', 'Yamamoto']
const AP_PROJECTS = [
  'Chronic absence in the ninth-grade transition',
  'Office discipline referrals in the middle grades',
  'Family attendance at student-led conferences',
  'Advanced course enrolment for multilingual learners',
  'Restorative responses in place of suspension',
]

/**
 * Creates the demo academy: 2 cohorts (one starting year one, one in year two), 6 LEAs across
 * Maryland and New Jersey with 3 schools each, 40 fellows, 5 coaches with caseloads of 8, 2 staff
 * and 1 admin. Every account shares one password hash, computed once; all but fellows share the
 * demo authenticator key.
 */
export async function seedDemoAcademy() {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const totpKey = encryptTotpKey(decodeBase32IgnorePadding(DEMO_TOTP_KEY))
  const schoolIds: string[] = []
  for (const district of DISTRICTS) {
    const lea = await createLea({ name: district.name, state: district.state })
    for (const name of district.schools) schoolIds.push((await createSchool({ leaId: lea.id, name })).id)
  }
  const yearOne = await createCohort({ name: 'Cohort 2026–2028', startYear: 2026 })
  const yearTwo = await createCohort({ name: 'Cohort 2025–2027', startYear: 2025 })

  const account = (email: string, name: string, role: 'fellow' | 'coach' | 'staff' | 'admin') =>
    createUser({ email, name, role, passwordHash, totpKey: role === 'fellow' ? null : totpKey })

  await account(`admin@${DEMO_DOMAIN}`, 'Rena Achebe', 'admin')
  await account(`staff@${DEMO_DOMAIN}`, 'Paul Whitfield', 'staff')
  await account(`staff2@${DEMO_DOMAIN}`, 'Joy Castellanos', 'staff')
  const coachNames = ['Camille Dorsey', 'Hector Villanueva', 'Naomi Feld', 'Kwame Asante', 'Lorraine Pak']
  const coaches = []
  for (const [i, name] of coachNames.entries()) {
    coaches.push(await account(i === 0 ? `coach@${DEMO_DOMAIN}` : `coach${i + 1}@${DEMO_DOMAIN}`, name, 'coach'))
  }

  for (let i = 0; i < 40; i++) {
    const inYearTwo = i >= 20
    const cohort = inYearTwo ? yearTwo : yearOne
    const position = i % 5 === 2 || i % 5 === 4 ? 'assistant_principal' : 'principal'
    const name = `${FIRST[i % 20]} ${LAST[(i * 7) % 20]}`
    const email =
      i === 0
        ? `fellow@${DEMO_DOMAIN}`
        : i === 22
          ? `fellow.year2@${DEMO_DOMAIN}`
          : `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${i}@${DEMO_DOMAIN}`
    const user = await account(email, name, 'fellow')
    // Fellow 0 is in a Maryland school, fellow 22 in a New Jersey one (see DEMO_LOGINS).
    const schoolIndex = i === 22 ? 10 : (i * 5) % schoolIds.length
    const fellow = await createFellow({
      userId: user.id,
      cohortId: cohort.id,
      schoolId: schoolIds[schoolIndex],
      position,
      programYear: inYearTwo ? 2 : 1,
      focusArea: inYearTwo && position === 'principal' ? (i % 2 === 0 ? 'literacy' : 'mathematics') : null,
      projectTitle: inYearTwo && position === 'assistant_principal' ? AP_PROJECTS[i % AP_PROJECTS.length] : null,
    })
    await pairCoach({ fellowId: fellow.id, coachId: coaches[i % coaches.length].id, startsOn: inYearTwo ? '2025-09-02' : '2026-09-01' })
    if (i === 22) await seedDemoAudit({ fellowId: fellow.id })
  }
  return DEMO_LOGINS
}

