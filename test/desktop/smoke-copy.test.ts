import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { configuredFuses } from './fuses'
import { SMOKE_COPY_FUSES, SMOKE_COPY_OUTPUT, smokeCopyBuilderArgs } from './smoke-copy'

const ROOT = path.resolve(__dirname, '../..')
const require = createRequire(__filename)

// electron-builder's own command-line parsing and configuration loading (what `electron-builder <args>` runs before packing).
// No types are installed for these internals, hence the casts.
const yargs = require('yargs') as () => { parse(args: string[]): Record<string, unknown> }
const { configureBuildCommand, normalizeOptions } = require('electron-builder/out/builder') as {
  configureBuildCommand(parser: ReturnType<typeof yargs>): ReturnType<typeof yargs>
  normalizeOptions(args: Record<string, unknown>): { targets: Map<{ name: string }, Map<number, string[]>> } & Record<string, unknown>
}
const { Packager } = require('app-builder-lib') as {
  Packager: new (options: unknown) => {
    validateConfig(): Promise<void>
    config: { electronFuses: Record<string, boolean>; directories: { output: string } }
  }
}

/** The configuration electron-builder would package with, given these command-line arguments. */
async function effectiveConfig(args: string[]) {
  const options = normalizeOptions(configureBuildCommand(yargs()).parse(args))
  const packager = new Packager({ ...options, projectDir: ROOT })
  await packager.validateConfig()
  return { config: packager.config, targets: [...options.targets.values()].flatMap(archs => [...archs.values()].flat()) }
}

describe('the smoke-test copy', () => {
  it('is packaged unpacked into its own folder with the shipped fuses but for its one exception', async () => {
    const { config, targets } = await effectiveConfig(smokeCopyBuilderArgs())
    expect(targets).toEqual(['dir'])
    expect(config.directories.output).toBe(SMOKE_COPY_OUTPUT)
    const fuses = Object.fromEntries(
      Object.entries(config.electronFuses).map(([key, on]) => [`${key[0]!.toUpperCase()}${key.slice(1)}`, on ? 'on' : 'off'])
    )
    expect(fuses).toEqual({ ...configuredFuses(), ...SMOKE_COPY_FUSES })
    expect(fuses).not.toEqual(configuredFuses())
  }, 60_000)

  it('passes further electron-builder arguments on (CI signs the macOS copy ad hoc)', () => {
    expect(smokeCopyBuilderArgs(['-c.mac.identity=-']).at(-1)).toBe('-c.mac.identity=-')
  })
})
