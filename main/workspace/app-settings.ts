import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { ApiError } from '../shared/errors'
import { fsyncFile, renameDurably } from '../shared/fsync'
import { WORKSPACE_USAGES } from './contract'

/**
 * The app's own settings, kept in its data folder (never in a workspace): who this computer's workspaces are for,
 * where new workspaces are made, and the folders the Clients view reads. Paths and choices only, never workspace content.
 */

export const APP_SETTINGS_FILE = 'app-settings.json'
export const APP_SETTINGS_VERSION = 1

const folderPath = z.string().min(1).max(4096)

export const AppSettings = z.object({
  /** Null until the first start's choice is confirmed. */
  usage: z.enum(WORKSPACE_USAGES).nullable().default(null),
  /** Where new workspaces are created when no path is named; null: `<data>/workspaces`. */
  newWorkspaceFolder: folderPath.nullable().default(null),
  /** The folders of client workspaces the Clients view reads (besides the recent list), in the order chosen. */
  clientFolders: z.array(folderPath).max(100).default([]),
  /** The practice library the app opens on start (issue 18); absent in settings written before it existed, or when none is open. */
  practiceLibrary: folderPath.optional()
})
export type AppSettings = z.infer<typeof AppSettings>

const SettingsFile = AppSettings.extend({ version: z.literal(APP_SETTINGS_VERSION) })

export const DEFAULT_APP_SETTINGS: AppSettings = AppSettings.parse({})

/** Why the stored settings could not be used; the defaults stand in, so a bad file never stops the app starting. */
export type AppSettingsProblem = 'damaged' | 'newer'

export interface AppSettingsRead {
  settings: AppSettings
  problem: AppSettingsProblem | null
}

export function appSettingsPath(dataDir: string): string {
  return path.join(dataDir, APP_SETTINGS_FILE)
}

/** The settings in `dataDir`, or the defaults (with why) when there are none, the file is damaged or a newer version wrote it. */
export function readAppSettingsWithProblem(dataDir: string): AppSettingsRead {
  let text: string
  try {
    text = fs.readFileSync(appSettingsPath(dataDir), 'utf8')
  } catch {
    return { settings: DEFAULT_APP_SETTINGS, problem: null }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { settings: DEFAULT_APP_SETTINGS, problem: 'damaged' }
  }
  const version = (json as { version?: unknown } | null)?.version
  if (typeof version === 'number' && version > APP_SETTINGS_VERSION) return { settings: DEFAULT_APP_SETTINGS, problem: 'newer' }
  const parsed = SettingsFile.safeParse(json)
  if (!parsed.success) return { settings: DEFAULT_APP_SETTINGS, problem: 'damaged' }
  const { version: _version, ...settings } = parsed.data
  return { settings, problem: null }
}

export function readAppSettings(dataDir: string): AppSettings {
  return readAppSettingsWithProblem(dataDir).settings
}

/**
 * Writes the settings whole (temporary file, then rename, so a crash never leaves half a file). A file written by a
 * newer version is refused rather than overwritten; a damaged one is kept beside as `app-settings.json.damaged`.
 */
export function writeAppSettings(dataDir: string, settings: AppSettings): AppSettings {
  const valid = AppSettings.parse(settings)
  const file = appSettingsPath(dataDir)
  const { problem } = readAppSettingsWithProblem(dataDir)
  if (problem === 'newer') {
    throw new ApiError('unsupported', `"${file}" was written by a newer version of Safeguard; update Safeguard to change these settings.`, {
      path: file
    })
  }
  fs.mkdirSync(dataDir, { recursive: true })
  if (problem === 'damaged') fs.copyFileSync(file, `${file}.damaged`)
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify({ version: APP_SETTINGS_VERSION, ...valid }, null, 2))
  fsyncFile(temporary)
  renameDurably(temporary, file)
  return valid
}

/** Reads, changes and writes the settings: `change` gets the current settings and returns the new ones. */
export function updateAppSettings(dataDir: string, change: (current: AppSettings) => AppSettings): AppSettings {
  return writeAppSettings(dataDir, change(readAppSettings(dataDir)))
}
