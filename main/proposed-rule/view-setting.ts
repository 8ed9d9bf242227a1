import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * Whether the person has turned on the proposed-rule readiness view: a preference of the person using the app, not a
 * fact about the client, so it is kept in the app's data folder beside the recent-workspaces list, never in a workspace.
 * Off unless the file says otherwise; a damaged file reads as off.
 */

const FILE_NAME = 'proposed-rule-view.json'
const settingFile = z.strictObject({ version: z.literal(1), shown: z.boolean() })

export function readReadinessViewShown(dataDir: string | null): boolean {
  if (!dataDir) return false
  try {
    const parsed = settingFile.safeParse(JSON.parse(fs.readFileSync(path.join(dataDir, FILE_NAME), 'utf8')))
    return parsed.success && parsed.data.shown
  } catch {
    return false
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writeReadinessViewShown(dataDir: string, shown: boolean): void {
  const file = path.join(dataDir, FILE_NAME)
  fs.mkdirSync(dataDir, { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temporary, JSON.stringify({ version: 1, shown }, null, 2))
  fs.renameSync(temporary, file)
}
