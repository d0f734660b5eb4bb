/**
 * npm run create-admin -- --email ada@university.edu --name "Ada Lovelace"
 * Makes the first real administrator of a production database. The password comes from
 * ADMIN_PASSWORD or is asked for on the terminal; it is never taken as an argument.
 */
import { createInterface } from 'node:readline/promises'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { closeDatabase, migrateDatabase } from '../db/client.server'
import { createUser } from '../db/factories'
import { EmailSchema, NameSchema, NewPasswordSchema } from '../app/domain/account-schemas'
import { writeAudit } from '../app/models/audit-log.server'
import { getUserByEmail } from '../app/models/user.server'
import { hashPassword } from '../app/utils/password.server'

const ArgsSchema = z.object({ email: EmailSchema, name: NameSchema, password: NewPasswordSchema })

async function askPassword() {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD
  if (!process.stdin.isTTY) throw new Error('Set ADMIN_PASSWORD, or run this in a terminal to be asked for the password.')
  const rl = createInterface({ input: process.stdin, output: process.stdout })
  const password = await rl.question('Password for the new administrator (at least 12 characters): ')
  rl.close()
  return password
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } })
  const parsed = ArgsSchema.safeParse({ email: values.email, name: values.name, password: await askPassword() })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join('.')}: ${issue.message}`)
    console.error('Usage: npm run create-admin -- --email you@university.edu --name "Your Name"')
    process.exitCode = 2
    return
  }
  await migrateDatabase()
  if (await getUserByEmail({ email: parsed.data.email })) {
    console.error(`An account with ${parsed.data.email} already exists.`)
    process.exitCode = 1
    return
  }
  const admin = await createUser({
    email: parsed.data.email,
    name: parsed.data.name,
    role: 'admin',
    passwordHash: await hashPassword(parsed.data.password),
  })
  await writeAudit({ actorId: admin.id, action: 'user.created_by_cli', targetType: 'user', targetId: admin.id, details: { role: 'admin' } })
  console.log(`Created administrator ${admin.email}. Sign in at /login.`)
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
