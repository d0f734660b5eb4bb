import net from 'node:net'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { expect, test } from 'vitest'
import { sendResponse } from './send-response.server'

const CHUNK = 64 * 1024
const CHUNKS = 800 // 50 MB: more than loopback's socket buffers can swallow

/** Serves a 50 MB stream made chunk by chunk as it is read, and counts the chunks made. */
async function streamingServer() {
  const made = { chunks: 0, cancelled: false }
  const app = express()
  app.get('/', (_req, res) => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        made.chunks++
        controller.enqueue(new Uint8Array(CHUNK))
        if (made.chunks === CHUNKS) controller.close()
      },
      cancel() {
        made.cancelled = true
      },
    })
    void sendResponse(res, new Response(body)).catch(() => {})
  })
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  return { made, port: (server.address() as AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) }
}

test('a client that stops reading holds the stream back instead of the server buffering all of it', async () => {
  const server = await streamingServer()
  const socket = net.connect(server.port, '127.0.0.1')
  try {
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.pause()
    socket.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    // Only what the socket buffers hold has been made; without the wait it would be all 800.
    expect(server.made.chunks).toBeGreaterThan(0)
    expect(server.made.chunks).toBeLessThan(CHUNKS / 2)
    // The client goes: the stream is cancelled rather than left waiting.
    socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(server.made.cancelled).toBe(true)
  } finally {
    socket.destroy()
    await server.close()
  }
})
