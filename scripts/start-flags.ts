import { readFileSync } from 'node:fs'

/**
 * The Node flags `npm start` gives the server (package.json's start script), for the bench and
 * the load test to start the built app exactly as production does. A larger young generation
 * (--max-semi-space-size) keeps a staff view's 10,000 rows from being copied between scavenges:
 * at 10,000 fellows the overview spent about 40 ms a view in 4 scavenges with the default.
 */
export function serverNodeFlags(startScript = JSON.parse(readFileSync('package.json', 'utf8')).scripts.start as string) {
  const words = startScript.trim().split(/\s+/)
  if (words[0] !== 'node' || !/build\/server\.js$/.test(words.at(-1) ?? '')) {
    throw new Error(`package.json's start script should be "node [flags] ./build/server.js", not "${startScript}".`)
  }
  return words.slice(1, -1)
}
