/**
 * The demo academy's sign-ins, apart from the seed so that scripts read them without a database.
 * Everyone in the demo academy is invented: names, districts and schools alike.
 */
export const DEMO_PASSWORD = 'sila-demo-password'
export const DEMO_DOMAIN = 'demo.sila.test'
/**
 * The authenticator key of every demo coach, staff member and admin, who must give a code as well
 * as the password. Public on purpose, like the password: `npm run demo:code` prints the current code.
 */
export const DEMO_TOTP_KEY = 'SILADEMOSILADEMOSILADEMOSILADEMO'

export const DEMO_LOGINS = [
  { role: 'fellow', email: `fellow@${DEMO_DOMAIN}`, note: 'year-one principal, Maryland' },
  { role: 'fellow', email: `fellow.year2@${DEMO_DOMAIN}`, note: 'year-two assistant principal, New Jersey' },
  { role: 'coach', email: `coach@${DEMO_DOMAIN}`, note: 'equity coach with a caseload of 8' },
  { role: 'staff', email: `staff@${DEMO_DOMAIN}`, note: 'academy staff' },
  { role: 'admin', email: `admin@${DEMO_DOMAIN}`, note: 'administrator' },
] as const

/** What start-up and `npm run seed` print: who to sign in as, and how. */
export function demoSignInLines() {
  return [
    `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_LOGINS.map((l) => `  ${l.role.padEnd(7)} ${l.email.padEnd(32)} ${l.note}`),
    'Coaches, staff and the admin also give a code from an authenticator app: add the key',
    `  ${DEMO_TOTP_KEY.replace(/(.{4})/g, '$1 ').trim()}`,
    'to one, or run `npm run demo:code` to print the current code.',
  ]
}
