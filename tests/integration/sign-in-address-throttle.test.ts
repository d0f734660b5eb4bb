import { expect, test } from 'vitest'
import { makeUser, TEST_PASSWORD } from '../support/academy'
import { serveAppForTests } from '../support/app'
import { signIn } from '../support/client'

// In a file of its own: the throttle it trips covers every test that signs in from this address.
const app = serveAppForTests()

test('one address that fails twenty times is throttled across every account', async () => {
  const admin = await makeUser('admin')
  const client = app.client()
  for (let i = 0; i < 20; i++) await signIn(client, `guess${i}@example.test`, 'wrong password')
  const response = await signIn(client, admin.email, TEST_PASSWORD)
  expect(response.status).toBe(429)
  expect(await response.text()).toContain('Too many failed sign-ins from your network')
})
