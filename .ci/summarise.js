// Sums the Vitest and Playwright JSON reports under a folder with the checks .ci/run counted,
// prints a table and the closing "N passed, N failed" line, and exits non-zero on any failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const [dir, checksPassed, checksFailed, ...statuses] = process.argv.slice(2)
let passed = Number(checksPassed)
let failed = Number(checksFailed)

for (const run of existsSync(dir) ? readdirSync(dir) : []) {
  const vitestFile = path.join(dir, run, 'vitest.json')
  const playwrightFile = path.join(dir, run, 'playwright.json')
  let runPassed = 0
  let runFailed = 0
  if (existsSync(vitestFile)) {
    const report = JSON.parse(readFileSync(vitestFile, 'utf8'))
    runPassed += report.numPassedTests
    runFailed += report.numFailedTests
    // A file that failed to load counts once.
    runFailed += report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
  } else {
    runFailed += 1
    console.log(`${run}: no Vitest report (the unit/integration run did not finish)`)
  }
  if (existsSync(playwrightFile)) {
    const { stats } = JSON.parse(readFileSync(playwrightFile, 'utf8'))
    runPassed += stats.expected + stats.flaky
    runFailed += stats.unexpected
  } else {
    runFailed += 1
    console.log(`${run}: no Playwright report (the build or e2e run did not finish)`)
  }
  console.log(`${run}: ${runPassed} passed, ${runFailed} failed`)
  passed += runPassed
  failed += runFailed
}

if (statuses.some((s) => s !== '0') && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
