import path from 'node:path'
import { describe, expect, it } from 'vitest'
import appBuild from '../../electron.vite.config'
import { CLI_WORKERS } from '../../scripts/build-cli.mjs'

const ROOT = path.resolve(__dirname, '../..')

describe('the command line bundle (scripts/build-cli.mjs)', () => {
  it('builds every worker thread the app bundles, under the same names, so the command never falls back to compiling one', () => {
    const input = (appBuild as { main: { build: { rollupOptions: { input: Record<string, string> } } } }).main.build.rollupOptions.input
    const appWorkers = Object.fromEntries(Object.entries(input).filter(([name]) => name !== 'index'))
    const cliWorkers = Object.fromEntries(Object.entries(CLI_WORKERS).map(([name, entry]) => [name, path.join(ROOT, entry)]))
    expect(cliWorkers).toEqual(appWorkers)
  })
})
