import { expect, test } from 'vitest'
import { answerBody, countAcknowledged, createLedger, findLostWrites, recordAcknowledged, recordSent } from './ledger'

const fellowId = 'f1'
const promptId = 'p1'

function sendAndAck(ledger: ReturnType<typeof createLedger>, sequence: number, acknowledged: boolean) {
  const body = answerBody({ email: 'a@load.test', sequence })
  recordSent(ledger, { fellowId, promptId, body })
  if (acknowledged) recordAcknowledged(ledger, { fellowId, promptId, body })
  return body
}

test('the stored answer must be the last acknowledged one', () => {
  const ledger = createLedger()
  const first = sendAndAck(ledger, 1, true)
  const second = sendAndAck(ledger, 2, true)
  expect(countAcknowledged(ledger)).toBe(1)
  expect(findLostWrites(ledger, new Map([[fellowId, { [promptId]: second }]]))).toEqual([])
  expect(findLostWrites(ledger, new Map([[fellowId, { [promptId]: first }]]))).toEqual([{ fellowId, promptId, acknowledged: second, stored: first }])
  expect(findLostWrites(ledger, new Map())).toEqual([{ fellowId, promptId, acknowledged: second, stored: null }])
})

test('a later write that was sent but never answered may have landed', () => {
  const ledger = createLedger()
  sendAndAck(ledger, 1, true)
  const unanswered = sendAndAck(ledger, 2, false)
  expect(findLostWrites(ledger, new Map([[fellowId, { [promptId]: unanswered }]]))).toEqual([])
})

test('an unanswered write from before the last acknowledgement does not excuse the database', () => {
  const ledger = createLedger()
  const stale = sendAndAck(ledger, 1, false)
  const acknowledged = sendAndAck(ledger, 2, true)
  expect(findLostWrites(ledger, new Map([[fellowId, { [promptId]: stale }]]))).toEqual([{ fellowId, promptId, acknowledged, stored: stale }])
})

test('prompts that were never acknowledged are not checked', () => {
  const ledger = createLedger()
  sendAndAck(ledger, 1, false)
  expect(countAcknowledged(ledger)).toBe(0)
  expect(findLostWrites(ledger, new Map())).toEqual([])
})
