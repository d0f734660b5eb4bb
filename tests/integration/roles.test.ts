import { beforeAll, expect, test } from 'vitest'
import { makeAcademy, makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { location, signIn } from '../support/client'

const app = serveAppForTests()
let academy: Awaited<ReturnType<typeof makeAcademy>>
beforeAll(async () => {
  academy = await makeAcademy()
})

const HOMES = { fellow: '/home', coach: '/caseload', staff: '/staff', admin: '/admin' } as const

/** Which role-only pages each role may open (the rest answer 403). */
const PAGES: Record<string, readonly (keyof typeof HOMES)[]> = {
  '/home': ['fellow'],
  '/caseload': ['coach'],
  '/staff': ['staff', 'admin'],
  '/staff/invite': ['staff', 'admin'],
  '/audit': ['staff', 'admin'],
  '/admin': ['admin'],
  '/admin/outbox': ['admin'],
  '/coaching': ['fellow'],
  '/review': ['coach', 'staff', 'admin'],
  '/staff/pairings': ['staff', 'admin'],
  '/staff/coaching': ['staff', 'admin'],
  '/staff/reports': ['staff', 'admin'],
  '/staff/people': ['staff', 'admin'],
  '/staff/roster': ['staff', 'admin'],
  '/staff/export.csv?kind=coaching': ['staff', 'admin'],
}

async function clientFor(role: keyof typeof HOMES) {
  const email = { fellow: academy.fellowUser, coach: academy.coach, staff: academy.staff, admin: academy.admin }[role].email
  const client = app.client()
  const response = await signIn(client, email, TEST_PASSWORD)
  return { client, response }
}

test('each role lands on its own home after signing in', async () => {
  for (const role of Object.keys(HOMES) as (keyof typeof HOMES)[]) {
    const { client, response } = await clientFor(role)
    expect(location(response)).toBe(HOMES[role])
    expect((await client.get(HOMES[role])).status).toBe(200)
    expect(location(await client.get('/'))).toBe(HOMES[role])
  }
})

test('each role is refused the pages of the others with a 403 that names nothing', async () => {
  for (const role of Object.keys(HOMES) as (keyof typeof HOMES)[]) {
    const { client } = await clientFor(role)
    for (const [page, allowed] of Object.entries(PAGES)) {
      const response = await client.get(page)
      const expected = allowed.includes(role) ? 200 : 403
      expect({ role, page, status: response.status }).toEqual({ role, page, status: expected })
      // A resource route (a download) answers a bare 403; pages explain it in words.
      if (expected === 403) expect(await response.text()).toContain(page.includes('.csv') ? 'Forbidden' : 'You do not have access to this page')
    }
  }
})

test('anyone signed out is sent to sign in, and comes back after', async () => {
  const client = app.client()
  for (const page of Object.keys(PAGES)) {
    const response = await client.get(page)
    expect(response.status).toBe(302)
    expect(location(response)).toBe(`/login?redirectTo=${encodeURIComponent(page)}`)
  }
  const back = await signIn(client, academy.staff.email, TEST_PASSWORD, '/staff/invite')
  expect(location(back)).toBe('/staff/invite')
})

test('the homes show real academy data to their roles', async () => {
  const fellow = await clientFor('fellow')
  const fellowHome = await (await fellow.client.get('/home')).text()
  expect(fellowHome).toContain(academy.school.name)
  expect(fellowHome).toContain(academy.cohort.name)
  const coach = await clientFor('coach')
  const caseload = await (await coach.client.get('/caseload')).text()
  expect(caseload).toContain(academy.fellowUser.name)
  expect(caseload).not.toContain(academy.otherFellowUser.name)
  const staff = await clientFor('staff')
  expect(await (await staff.client.get('/staff')).text()).toContain(academy.cohort.name)
})

test('an admin changes a role, the person is signed out, and the change is audited', async () => {
  const target = await makeUser('coach')
  const targetClient = app.client()
  await signIn(targetClient, target.email, TEST_PASSWORD)
  const { client } = await clientFor('admin')
  const changed = await client.post('/admin', { intent: 'change-role', userId: target.id, role: 'staff' })
  expect(changed.status).toBe(200)
  expect(location(await targetClient.get('/caseload'))).toMatch(/^\/login/)
  const audit = await (await client.get('/audit')).text()
  expect(audit).toContain('user.role_changed')
  const own = await client.post('/admin', { intent: 'change-role', userId: academy.admin.id, role: 'fellow' })
  expect(own.status).toBe(403)
  const bad = await client.post('/admin', { intent: 'change-role', userId: 'not-a-uuid', role: 'fellow' })
  expect(bad.status).toBe(400)
})
