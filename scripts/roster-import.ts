/**
 * npm run roster:import -- fellows.csv [--apply]
 * The roster import of /staff/roster, for staff who script it. Without --apply it prints the plan
 * and changes nothing (exit 1 when the file has problems). With --apply it applies the whole file in
 * one transaction and invites the new fellows, or applies nothing if any row has a problem.
 * The audit log records the import with no actor: a system import.
 */
import { readFileSync, statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { closeDatabase, migrateDatabase } from '../db/client.server'
import { decodeCsvBytes } from '../app/domain/csv'
import { ROSTER_MAX_BYTES, type RosterPlanView } from '../app/domain/roster'
import { importRoster, previewRoster, SCRIPT_ACTOR } from '../app/utils/roster.server'

const USAGE = 'Usage: npm run roster:import -- fellows.csv [--apply]'

function printPlan(view: RosterPlanView) {
  const { counts } = view
  console.log(
    `${counts.creates} to add (${counts.invitations} invitations), ${counts.updates} to update, ${counts.unchanged} unchanged, ` +
      `${counts.newLeas} new LEAs, ${counts.newSchools} new schools, ${counts.problems} problems.`,
  )
  for (const c of view.creates) {
    console.log(`  add     line ${c.line}: ${c.name} <${c.email}>, ${c.school} (${c.lea}, ${c.state}), ${c.position}, ${c.cohort} year ${c.programYear}, coach ${c.coach ?? 'none'}`)
  }
  for (const u of view.updates) console.log(`  update  line ${u.line}: ${u.name} <${u.email}>: ${u.changes.join('; ')}`)
  for (const l of view.newLeas) console.log(`  new LEA    ${l}`)
  for (const s of view.newSchools) console.log(`  new school ${s}`)
  for (const p of view.problems) console.error(`  problem line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`)
}

async function main() {
  const { values, positionals } = parseArgs({ options: { apply: { type: 'boolean', default: false } }, allowPositionals: true })
  if (positionals.length !== 1) {
    console.error(USAGE)
    process.exitCode = 2
    return
  }
  const [file] = positionals
  let size: number
  try {
    size = statSync(file).size
  } catch {
    console.error(`Cannot read ${file}.\n${USAGE}`)
    process.exitCode = 2
    return
  }
  if (size > ROSTER_MAX_BYTES) {
    console.error(`${file} is larger than ${ROSTER_MAX_BYTES / 1024} KB: split it and import each part.`)
    process.exitCode = 1
    return
  }
  const text = decodeCsvBytes(new Uint8Array(readFileSync(file)))
  await migrateDatabase()
  if (!values.apply) {
    const preview = await previewRoster(text)
    printPlan(preview.view)
    console.log(preview.view.counts.problems > 0 ? 'Fix the problems, then run again with --apply.' : 'Nothing was changed. Run again with --apply to apply it.')
    process.exitCode = preview.view.counts.problems > 0 ? 1 : 0
    return
  }
  const result = await importRoster(text, SCRIPT_ACTOR)
  printPlan(result.preview.view)
  switch (result.status) {
    case 'invalid':
      console.error('Nothing was applied: fix the problems and run again.')
      process.exitCode = 1
      return
    case 'stale':
      console.error('Nothing was applied: the roster changed while the import ran. Run it again.')
      process.exitCode = 1
      return
    case 'applied':
      console.log(
        result.preview.view.counts.creates + result.preview.view.counts.updates === 0
          ? 'Nothing to change: every fellow in the file is on the roster as it says.'
          : `Applied. ${result.invited} invitations sent.`,
      )
      if (result.invitationFailures > 0) {
        console.error(`${result.invitationFailures} invitations could not be sent; send them again from Invite.`)
        process.exitCode = 1
      }
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = 1
  })
  .finally(() => closeDatabase())
