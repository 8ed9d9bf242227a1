import type { FuseName } from './fuses'

// Free of test-runner imports.

/** Where the smoke-test copy of the app is packaged, beside the shipped one in dist/. */
export const SMOKE_COPY_OUTPUT = 'dist/smoke-test'

/**
 * The one fuse the smoke-test copy sets otherwise. Playwright's `_electron.launch` drives the main process through
 * Node's inspector (`--inspect=0`), which the shipped app refuses (EnableNodeCliInspectArguments off); without it the
 * launch only times out. Everything else in the copy (build, asar, native SQLite, other fuses) is the shipped app's.
 */
export const SMOKE_COPY_FUSES: Partial<Record<FuseName, 'on' | 'off'>> = { EnableNodeCliInspectArguments: 'on' }

/** electron-builder's option path for a fuse name: EnableNodeCliInspectArguments → electronFuses.enableNodeCliInspectArguments. */
const builderKey = (name: string) => `electronFuses.${name[0]!.toLowerCase()}${name.slice(1)}`

/** The electron-builder arguments that package the smoke-test copy from the existing build (out/, .electron-native/). */
export function smokeCopyBuilderArgs(extra: string[] = []): string[] {
  return [
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    '--dir',
    `-c.directories.output=${SMOKE_COPY_OUTPUT}`,
    ...Object.entries(SMOKE_COPY_FUSES).map(([name, state]) => `-c.${builderKey(name)}=${state === 'on'}`),
    ...extra
  ]
}
