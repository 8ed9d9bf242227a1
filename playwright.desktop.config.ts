import { defineConfig } from '@playwright/test'

/**
 * The desktop smoke test (test/desktop/*.electron.ts): the packaged app itself, driven with Playwright's `_electron`.
 * It needs a packaged app (SAFEGUARD_PACKAGED_APP, or the smoke-test copy in dist/smoke-test) and is skipped, with
 * its reason, where there is none. `npm test` does not run it: playwright.config.ts covers test/e2e only.
 * CI runs it on Linux, macOS and Windows (.github/workflows/desktop.yml).
 */
export default defineConfig({
  testDir: 'test/desktop',
  testMatch: ['**/*.electron.ts', '**/*.chromium.ts'],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 300_000,
  expect: { timeout: 15_000 },
  reporter: [
    ['list'],
    ['./test/desktop/skip-reason-reporter.ts'],
    ...(process.env.CI ? [['html', { open: 'never', outputFolder: 'playwright-report/desktop' }] as const] : [])
  ],
  // Traces, screenshots and the main process's output of each launch are written here by the test itself.
  outputDir: 'test-results/desktop'
})
