import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

/**
 * Where the app remembers the practice library: a small JSON file in the app's data folder (a path only, never
 * content). Kept here until the app has a settings module of its own; a damaged file is treated as none.
 */
const LocationFile = z.object({ version: z.literal(1), path: z.string().min(1) })

const locationFile = (dataDir: string) => path.join(dataDir, 'practice-library.json')

export function rememberedLibraryPath(dataDir: string | null): string | null {
  if (!dataDir) return null
  try {
    const parsed = LocationFile.safeParse(JSON.parse(fs.readFileSync(locationFile(dataDir), 'utf8')))
    return parsed.success ? parsed.data.path : null
  } catch {
    return null
  }
}

export function rememberLibraryPath(dataDir: string | null, file: string | null): void {
  if (!dataDir) return
  const target = locationFile(dataDir)
  if (file === null) {
    fs.rmSync(target, { force: true })
    return
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const temporary = `${target}.${process.pid}.partial`
  fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, path: file }, null, 2)}\n`, { mode: 0o600 })
  fs.renameSync(temporary, target)
}
