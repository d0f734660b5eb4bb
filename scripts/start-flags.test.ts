import { expect, test } from 'vitest'
import { serverNodeFlags } from './start-flags'

test('the server is started with the flags of npm start', () => {
  expect(serverNodeFlags('node --max-semi-space-size=32 ./build/server.js')).toEqual(['--max-semi-space-size=32'])
  expect(serverNodeFlags('node ./build/server.js')).toEqual([])
  expect(() => serverNodeFlags('tsx server.ts')).toThrow(/start script/)
  // The repository's own start script has that shape.
  expect(serverNodeFlags()).toContain('--max-semi-space-size=32')
})
