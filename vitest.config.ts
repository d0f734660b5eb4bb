import path from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = { '~': path.resolve('app') }

const reportDir = process.env.TEST_REPORT_DIR

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest leaves one core free by default: on a 2-core machine that is one file at a time, while
    // the other core idles between PGlite's bursts and the server's round trips.
    maxWorkers: 2,
    reporters: reportDir ? ['default', ['json', { outputFile: path.join(reportDir, 'vitest.json') }]] : ['default'],
    projects: [
      {
        resolve: { alias },
        test: { name: 'unit', include: ['app/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
})
