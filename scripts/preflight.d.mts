// Types for scripts/preflight.mjs (plain JavaScript so that `npm start` runs it with Node alone).

export type Env = Record<string, string | undefined>

export interface ElectronLocation {
  /** The executable `npm start` runs. */
  executable: string
  present: boolean
  /** ELECTRON_OVERRIDE_DIST_PATH when set. */
  override: string | null
}

export interface ElectronCache {
  /** electron-v<version>-<platform>-<arch>.zip */
  file: string
  /** The folder of Electron's cache that @electron/get looks in for that zip. */
  dir: string
  path: string
  /** The mirror in use (ELECTRON_MIRROR or npm config), or null for github.com. */
  mirror: string | null
}

export interface Facts {
  nodeVersion: string
  /** Electron's engines field: what its first-launch download needs. */
  requiredNode: string
  /** @electron/rebuild's engines field: what the SQLite build for Electron asks for. */
  rebuildNode: string
  /** This project's engines field: what the CLI and tests need. */
  cliNode: string
  electronVersion: string
  platform: string
  electron: ElectronLocation
  cache: ElectronCache
}

export const ELECTRON_RELEASES: string
export function minimumVersion(range: unknown): string | null
export function compareVersions(a: string, b: string): -1 | 0 | 1
export function shortVersion(version: string): string
export function electronPlatformPath(platform: string): string
export function locateElectron(options: {
  electronDir: string
  pathTxt: string | null
  env: Env
  platform: string
  exists: (file: string) => boolean
}): ElectronLocation
export function electronCache(options: { version: string; platform: string; arch: string; env: Env; home: string }): ElectronCache
export function collectFacts(options: { root: string; env?: Env; nodeVersion?: string; platform?: string; arch?: string; home?: string }): Facts
export function startPreflight(facts: Facts): string | null
export function downloadFailureReason(stderr: string | null | undefined, status: number | null): string
export function downloadFailedMessage(facts: Facts, reason: string): string
export function isNetworkFailure(output: string | null | undefined): boolean
export function sqliteBuildFailedMessage(facts: Facts, options: { network: boolean; log: string }): string
export function distPreflight(facts: Facts): string | null
export function distFailedMessage(facts: Facts, status: number): string
