import { json } from '@remix-run/node'
import { checkDatabase } from '~/models/health.server'
import { APP_VERSION } from '~/utils/version.server'

export async function loader() {
  const database = await checkDatabase()
  const up = database.state === 'up'
  return json(
    { status: up ? 'ok' : 'degraded', version: APP_VERSION, database },
    { status: up ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  )
}
