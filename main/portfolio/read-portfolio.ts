import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { readWorkspaceSummary, type SummaryOptions } from './read-workspace-summary'
import type { ClientCalendar } from './portfolio-ics'
import type { PortfolioEntry } from './summary'

const WORKSPACE_EXTENSION = '.safeguard'

/**
 * The workspace files named by `paths`: a file as given, a folder's own `*.safeguard` files (one level, not its
 * subfolders: a consultant keeps clients side by side, and a deep walk could wander into backups or a whole disk).
 * Each file once, in the order found; a folder that cannot be listed is an entry saying so.
 */
export function expandPortfolioPaths(paths: readonly string[]): { files: string[]; unreadable: PortfolioEntry[] } {
  const files = new Set<string>()
  const unreadable: PortfolioEntry[] = []
  for (const given of paths) {
    const resolved = path.resolve(given)
    const stat = fs.statSync(resolved, { throwIfNoEntry: false })
    if (stat?.isDirectory()) {
      let names: string[]
      try {
        names = fs.readdirSync(resolved)
      } catch (error) {
        unreadable.push({
          path: resolved,
          locked: false,
          error: 'unreadable',
          message: `The folder "${resolved}" could not be listed: ${(error as Error).message}`
        })
        continue
      }
      // Hidden names are this program's own companions (locks, half-made copies), never a client's workspace.
      for (const name of names.filter(name => name.endsWith(WORKSPACE_EXTENSION) && !name.startsWith('.')).sort()) {
        const file = path.join(resolved, name)
        if (fs.statSync(file, { throwIfNoEntry: false })?.isFile()) files.add(file)
      }
    } else {
      files.add(resolved)
    }
  }
  return { files: [...files], unreadable }
}

/**
 * Every workspace in `paths` at a glance; one that cannot be read is an entry saying why, never a failure of the
 * others. Yields between workspaces so a cancel is heard; reading writes nothing, so stopping leaves nothing to undo.
 */
export async function readPortfolio(
  paths: readonly string[],
  options: SummaryOptions & { onProgress?: (done: number, total: number) => void; signal?: AbortSignal }
): Promise<PortfolioEntry[]> {
  const { files, unreadable } = expandPortfolioPaths(paths)
  const entries: PortfolioEntry[] = []
  for (const file of files) {
    await new Promise(resolve => setImmediate(resolve))
    if (options.signal?.aborted) throw new ApiError('cancelled', 'Reading the client workspaces was cancelled; nothing was changed.')
    options.onProgress?.(entries.length, files.length)
    entries.push(readWorkspaceSummary(file, options))
  }
  options.onProgress?.(files.length, files.length)
  return [...entries, ...unreadable]
}

type ReadOptions = Parameters<typeof readPortfolio>[1]

/** The portfolio and every readable client's calendar (the Clients view's calendar, its export and `safeguard portfolio --ics`). */
export async function readPortfolioWithCalendars(
  paths: readonly string[],
  options: Omit<ReadOptions, 'onCalendar'>
): Promise<{ entries: PortfolioEntry[]; calendars: ClientCalendar[] }> {
  const calendars: ClientCalendar[] = []
  const entries = await readPortfolio(paths, { ...options, onCalendar: (client, items) => calendars.push({ ...client, items }) })
  return { entries, calendars }
}
