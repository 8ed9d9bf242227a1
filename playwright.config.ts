import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests run the real built renderer (out/renderer) in Debian's
 * Chromium with the real handler table bridged in (see test/e2e/fixtures.ts).
 * No Electron binary is needed, and no browser is downloaded.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  // Two browsers side by side: each test has its own data folder and page, and a flow spends most of its time waiting
  // on the page, so two workers on the 2-core CI machine take the run from about 7.5 to under 5 minutes.
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'off',
    screenshot: 'only-on-failure'
  }
})
