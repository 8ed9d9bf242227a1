import fs from 'node:fs'
import path from 'node:path'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { FuseState } from '@electron/fuses/dist/constants'
import YAML from 'yaml'

// Free of test-runner imports: used by check-fuses.ts, the smoke test and their Vitest tests.

export type FuseName = keyof typeof FuseV1Options
export type FuseReading = 'on' | 'off' | 'removed' | 'inherited'

const ROOT = path.resolve(__dirname, '../..')

/** electron-builder.yml's `electronFuses` (runAsNode: false, …) as fuse names (RunAsNode: 'off', …). */
export function configuredFuses(builderYml = path.join(ROOT, 'electron-builder.yml')): Partial<Record<FuseName, 'on' | 'off'>> {
  const config = YAML.parse(fs.readFileSync(builderYml, 'utf8')) as { electronFuses?: Record<string, unknown> }
  const fuses = config.electronFuses
  if (!fuses || typeof fuses !== 'object') throw new Error(`${builderYml} sets no electronFuses.`)
  const expected: Partial<Record<FuseName, 'on' | 'off'>> = {}
  for (const [key, value] of Object.entries(fuses)) {
    if (key === 'resetAdHocDarwinSignature' || key === 'strictlyRequireAllFuses') continue
    // electron-builder's keys are @electron/fuses' option names with a lower-case first letter.
    const name = `${key[0]!.toUpperCase()}${key.slice(1)}`
    if (!(name in FuseV1Options) || typeof value !== 'boolean') throw new Error(`${builderYml}: electronFuses.${key} is not a fuse this check knows.`)
    expected[name as FuseName] = value ? 'on' : 'off'
  }
  return expected
}

function reading(state: number | undefined): FuseReading {
  if (state === FuseState.ENABLE) return 'on'
  if (state === FuseState.DISABLE) return 'off'
  if (state === FuseState.REMOVED) return 'removed'
  return 'inherited'
}

/** The fuse wire of a packaged app (its executable, or a macOS .app), read with @electron/fuses. */
export async function readFuses(executable: string): Promise<Partial<Record<FuseName, FuseReading>>> {
  const wire = (await getCurrentFuseWire(executable).catch((error: Error) => {
    throw new Error(`${executable}: ${error.message}`)
  })) as unknown as Record<string, number>
  const fuses: Partial<Record<FuseName, FuseReading>> = {}
  for (const name of Object.keys(FuseV1Options).filter(key => Number.isNaN(Number(key))) as FuseName[]) {
    const index = FuseV1Options[name]
    if (index in wire) fuses[name] = reading(wire[index])
  }
  return fuses
}

/**
 * What differs between a binary's fuses and the expected ones, one line per fuse ([] when they match).
 * `exceptions` are fuses deliberately set otherwise (the smoke-test copy turns EnableNodeCliInspectArguments on).
 */
export function fuseProblems(
  actual: Partial<Record<FuseName, FuseReading>>,
  expected: Partial<Record<FuseName, 'on' | 'off'>>,
  exceptions: Partial<Record<FuseName, 'on' | 'off'>> = {}
): string[] {
  const wanted = { ...expected, ...exceptions }
  return (Object.entries(wanted) as [FuseName, 'on' | 'off'][])
    .filter(([name, state]) => actual[name] !== state)
    .map(([name, state]) => {
      const why = name in exceptions ? 'the smoke-test copy asks for' : 'electron-builder.yml asks for'
      return actual[name] === undefined ? `${name} is not in this binary's fuse wire; ${why} ${state}` : `${name} is ${actual[name]}; ${why} ${state}`
    })
}
