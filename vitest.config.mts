import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One bundle of the CLI for the whole run, so CLI tests do not compile TypeScript on every start.
    globalSetup: ['test/setup/cli-bundle.ts']
  }
})
