import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createExpressApp } from '../../app/express-app.server'
import { syncModules } from '../../app/models/module.server'
import { getCurriculum } from '../../app/utils/content.server'
import { makeFellow, TEST_PASSWORD } from '../support/academy'
import { createTestBuild, serveAppForTests } from '../support/app'
import { signIn } from '../support/client'

const app = serveAppForTests()

let productionUrl = ''
let closeProduction = () => {}
beforeAll(async () => {
  await syncModules({ compiled: getCurriculum().modules })
  // The same app as it runs behind HTTPS in production.
  const server = createExpressApp({ build: await createTestBuild(), mode: 'production', appUrl: 'https://sila.example.edu', trustProxy: false, publicDir: path.resolve('public'), logRequests: false }).listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  productionUrl = `http://127.0.0.1:${address.port}`
  closeProduction = () => server.close()
})
afterAll(() => closeProduction())

test('behind HTTPS the app sends HSTS and upgrades insecure requests; on plain HTTP it does not', async () => {
  const production = await fetch(`${productionUrl}/login`)
  expect(production.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains')
  expect(production.headers.get('content-security-policy')).toContain('upgrade-insecure-requests')
  const local = await app.client().get('/login')
  expect(local.headers.get('strict-transport-security')).toBeNull()
})

test('pages with personal data are never cached, and every page forbids framing and sniffing', async () => {
  const { user } = await makeFellow()
  const client = app.client()
  await signIn(client, user.email, TEST_PASSWORD)
  for (const page of ['/home', '/learn', '/tools', '/coaching', '/account', '/notifications']) {
    const response = await client.get(page)
    expect({ page, status: response.status }).toEqual({ page, status: 200 })
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('same-origin')
  }
  const csv = await client.get('/tools/audits/template.csv')
  expect(csv.headers.get('x-content-type-options')).toBe('nosniff')
})
