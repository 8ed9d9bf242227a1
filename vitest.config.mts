import { defineConfig } from 'vitest/config'

const shared = {
  environment: 'node' as const,
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const
}

export default defineConfig({
  test: {
    // One bundle of the CLI for the whole run, so CLI tests do not compile TypeScript on every start.
    globalSetup: ['test/setup/cli-bundle.ts'],
    projects: [
      {
        // Test files share a worker's loaded modules: importing the app's modules again for each of ~190 files
        // cost about three minutes of the run. Every test makes its own workspace in a temp folder, so no state is shared.
        test: {
          ...shared,
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/electron/**', 'node_modules/**'],
          isolate: false
        }
      },
      {
        // The Electron shell tests replace the `electron` module with vi.mock, which needs a fresh module graph per file.
        test: { ...shared, name: 'electron', include: ['test/electron/**/*.test.ts'], isolate: true }
      }
    ]
  }
})
