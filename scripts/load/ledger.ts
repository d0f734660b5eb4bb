/**
 * The load test's record of autosaves: what each fellow sent and what the app acknowledged, per
 * prompt. Each connection is one fellow and waits for every answer before it sends the next request,
 * so the last acknowledged value must be what the database holds — unless a later value was sent
 * and never answered (cut off by the end of the run or a broken connection); that one may have
 * landed too.
 */

type PromptWrites = { acknowledged: string | null; sentSince: Set<string> }

export type WriteLedger = Map<string, Map<string, PromptWrites>>

export type LostWrite = { fellowId: string; promptId: string; acknowledged: string; stored: string | null }

export function createLedger(): WriteLedger {
  return new Map()
}

function writesFor(ledger: WriteLedger, fellowId: string, promptId: string) {
  let prompts = ledger.get(fellowId)
  if (!prompts) ledger.set(fellowId, (prompts = new Map()))
  let writes = prompts.get(promptId)
  if (!writes) prompts.set(promptId, (writes = { acknowledged: null, sentSince: new Set() }))
  return writes
}

/** A unique answer body; the sequence number makes reports readable, the email makes it unique. */
export function answerBody({ email, sequence }: { email: string; sequence: number }) {
  return `load answer #${sequence} from ${email}`
}

export function recordSent(ledger: WriteLedger, { fellowId, promptId, body }: { fellowId: string; promptId: string; body: string }) {
  writesFor(ledger, fellowId, promptId).sentSince.add(body)
}

export function recordAcknowledged(ledger: WriteLedger, { fellowId, promptId, body }: { fellowId: string; promptId: string; body: string }) {
  const writes = writesFor(ledger, fellowId, promptId)
  writes.acknowledged = body
  // Sequential per connection: everything sent before this answer is older than it.
  writes.sentSince.clear()
}

export function countAcknowledged(ledger: WriteLedger) {
  let count = 0
  for (const prompts of ledger.values()) for (const writes of prompts.values()) if (writes.acknowledged !== null) count++
  return count
}

/** Every (fellow, prompt) whose stored answer is neither the last acknowledged one nor sent after it. */
export function findLostWrites(ledger: WriteLedger, stored: Map<string, Record<string, string>>): LostWrite[] {
  const lost: LostWrite[] = []
  for (const [fellowId, prompts] of ledger) {
    for (const [promptId, writes] of prompts) {
      if (writes.acknowledged === null) continue
      const body = stored.get(fellowId)?.[promptId] ?? null
      if (body === writes.acknowledged || (body !== null && writes.sentSince.has(body))) continue
      lost.push({ fellowId, promptId, acknowledged: writes.acknowledged, stored: body })
    }
  }
  return lost
}
