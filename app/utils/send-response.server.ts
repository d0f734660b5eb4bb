import { createReadableStreamFromReadable } from '@remix-run/node'
import type { Request as ExpressRequest, Response as ExpressResponse } from 'express'

/**
 * The fetch Request Remix reads, made from Express's, as @remix-run/express makes it (its
 * createRemixRequest is not part of its typed API): the full URL with the port, every header, the
 * body as a stream, and an abort signal that fires when the client goes before the response ends.
 */
export function createRemixRequest(req: ExpressRequest, res: ExpressResponse) {
  const port = (value: string | undefined) => {
    const n = Number.parseInt(value?.split(':')[1] ?? '', 10)
    return Number.isSafeInteger(n) ? n : null
  }
  const resolvedPort = port(req.get('X-Forwarded-Host')) ?? port(req.get('host'))
  // req.hostname respects the "trust proxy" setting.
  const url = new URL(`${req.protocol}://${req.hostname}${resolvedPort ? `:${resolvedPort}` : ''}${req.originalUrl}`)
  const headers = new Headers()
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value)
    else if (values) headers.set(key, values)
  }
  let controller: AbortController | null = new AbortController()
  const signal = controller.signal
  res.on('finish', () => (controller = null))
  res.on('close', () => controller?.abort())
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url.href, {
    method: req.method,
    headers,
    signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
  })
}

/** Resolves when the response can take more, or when the client has gone. */
function drained(res: ExpressResponse) {
  return new Promise<void>((resolve) => {
    if (res.destroyed) return resolve()
    const done = () => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

/**
 * Sends a Remix response through Express, as @remix-run/express's sendRemixResponse does, with one
 * difference: the chunks that arrive within one turn of the event loop leave in one write. React
 * hands a rendered page over in 2 KB pieces, each of which became its own system call (29 for a
 * module page), and under compression its own zlib flush. Content that arrives later — the next
 * page of a streamed CSV export — still goes out as soon as its turn ends. A reader slower than the
 * stream makes it wait: nothing more is read from the stream until the response drains.
 */
export async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  for (const [key, value] of response.headers.entries()) res.append(key, value)
  if (/text\/event-stream/i.test(response.headers.get('Content-Type') ?? '')) res.flushHeaders()
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  let holding = false
  function release() {
    holding = false
    res.uncork()
    // compression adds flush(); without it (no gzip) there is nothing to flush.
    if (typeof res.flush === 'function') res.flush()
  }
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (!holding) {
        holding = true
        res.cork()
        setImmediate(release)
      }
      // A slow reader (a school laptop on poor Wi-Fi fetching a whole export) holds the next chunk
      // back until the last has gone, instead of the server keeping every page in memory.
      if (!res.write(chunk.value)) {
        await drained(res)
        if (res.destroyed) {
          // The client went: stop reading, so the stream stops fetching pages for nobody.
          await reader.cancel()
          return
        }
      }
    }
    res.end()
  } catch (error) {
    res.destroy(error instanceof Error ? error : new Error(String(error)))
    throw error
  }
}
