import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { fsyncFile, renameDurably } from '../shared/fsync'

/** The folders of client workspaces the consultant chose, kept in the app's data folder (paths only). */
const FOLDERS_FILE = 'client-folders.json'

const Stored = z.strictObject({ version: z.literal(1), folders: z.array(z.string().min(1)) })

/** The chosen folders; none when nothing was chosen yet or the file cannot be read (the Clients view still shows the recent list). */
export function readChosenFolders(dataDir: string): string[] {
  const file = path.join(dataDir, FOLDERS_FILE)
  if (!fs.existsSync(file)) return []
  try {
    const parsed = Stored.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data.folders : []
  } catch {
    return []
  }
}

export function writeChosenFolders(dataDir: string, folders: readonly string[]): void {
  const file = path.join(dataDir, FOLDERS_FILE)
  fs.mkdirSync(dataDir, { recursive: true })
  const temp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(temp, `${JSON.stringify({ version: 1, folders: [...new Set(folders)] }, null, 2)}\n`, { mode: 0o600 })
  fsyncFile(temp)
  renameDurably(temp, file)
}
