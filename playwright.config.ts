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
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    trace: 'off',
    screenshot: 'only-on-failure'
  }
})
