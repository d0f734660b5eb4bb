/**
 * Reads what a Remix single-fetch action sent back, without the browser runtime. The body is a
 * turbo-stream; with no promises in it, its first line is one JSON array where every object is
 * `{ "_<key index>": <value index> }` and negative indices stand for null and undefined. That is all
 * the load test needs to tell an acknowledged autosave (`{ data: { ok: true } }`) from anything else.
 */

const NULL_INDEX = -2

function decodeAt(values: unknown[], index: unknown, depth: number): unknown {
  if (typeof index !== 'number' || depth > 20) return undefined
  if (index < 0) return index === NULL_INDEX ? null : undefined
  const value = values[index]
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const decoded: Record<string, unknown> = {}
  for (const [key, valueIndex] of Object.entries(value)) {
    const name = values[Number(key.slice(1))]
    if (key.startsWith('_') && typeof name === 'string') decoded[name] = decodeAt(values, valueIndex, depth + 1)
  }
  return decoded
}

/** The action's data, or undefined when the body is not a plain single-fetch result. */
export function readSingleFetchData(body: string): unknown {
  let values: unknown
  try {
    values = JSON.parse(body.split('\n', 1)[0])
  } catch {
    return undefined
  }
  if (!Array.isArray(values)) return undefined
  const result = decodeAt(values, 0, 0)
  return result && typeof result === 'object' && 'data' in result ? result.data : undefined
}

/** The app's answer to a saved prompt: `{ ok: true, promptId }` for that very prompt. */
export function isSavedAnswer(body: string, promptId: string) {
  const data = readSingleFetchData(body)
  return typeof data === 'object' && data !== null && 'ok' in data && data.ok === true && 'promptId' in data && data.promptId === promptId
}
