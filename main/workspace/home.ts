import fs from 'node:fs'
import path from 'node:path'
import type { AppSettings } from './app-settings'
import type { HomeArea } from './contract'
import { WORKSPACE_EXTENSION } from './workspace-files'

/** The distinct workspace files this computer knows of: those in the recent list that are still there, and those in the client folders. */
export function knownWorkspaces(recentPaths: string[], clientFolders: string[]): Set<string> {
  const known = new Set(recentPaths.filter(file => fs.existsSync(file)).map(file => path.resolve(file)))
  for (const folder of clientFolders) {
    let names: string[]
    try {
      names = fs.readdirSync(folder)
    } catch {
      // A folder on a drive that is not plugged in counts nothing, and does not stop the start.
      continue
    }
    for (const name of names) if (name.endsWith(WORKSPACE_EXTENSION)) known.add(path.resolve(folder, name))
  }
  return known
}

/** The Clients view is home for a consultant, or for anyone with more than one workspace; otherwise the Dashboard. */
export function homeArea(settings: Pick<AppSettings, 'usage'>, knownCount: number): HomeArea {
  return settings.usage === 'consultant' || knownCount > 1 ? 'clients' : 'dashboard'
}
