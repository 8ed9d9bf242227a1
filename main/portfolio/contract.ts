import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { filePathSchema } from '../shared/schemas'
import type { PortfolioCalendarEntry } from './portfolio-calendar'
import type { CachedSummary, PortfolioEntry, WorkspaceSummaryEntry } from './summary'

export type {
  CachedSummary,
  LockedWorkspace,
  PortfolioDeadline,
  PortfolioEntry,
  Protection,
  StaleReason,
  UnreadableReason,
  UnreadableWorkspace,
  WorkspaceSummaryEntry
} from './summary'
export type { PortfolioCalendarEntry } from './portfolio-calendar'

export interface PortfolioView {
  asOf: string
  /** The folders read: those kept in the app's settings (or given), and the one just chosen. */
  folders: string[]
  entries: PortfolioEntry[]
  /** Why the saved summaries of locked clients were not used (no key store, altered file); null when they were. */
  cacheProblem: string | null
}

/** A passphrase workspace's summary, read with its passphrase (the passphrase itself is never kept). */
export interface UnlockedSummary {
  summary: WorkspaceSummaryEntry
  readAt: string
  asOf: string
  /** Null when the summary was saved (encrypted) for the next visit; else why it was not. */
  notSavedReason: string | null
}

export interface PortfolioCalendarView {
  asOf: string
  entries: PortfolioCalendarEntry[]
  /**
   * Clients whose deadlines are not in the list (locked, or the file cannot be read), named by file; a locked client
   * whose summary was saved at an unlock carries it (its next deadline and when it was read).
   */
  leftOut: { path: string; why: string; saved?: CachedSummary }[]
}

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')
const folderPath = filePathSchema('A folder path is required')

/** Which workspaces: `folders` when given (the command line, tests), else the folders kept in the app's settings; and the recent list. */
const portfolioSource = {
  folders: z.array(folderPath).max(100).optional(),
  includeRecent: z.boolean().default(true),
  asOf: calendarDate.optional()
}

export const portfolioCalls = {
  /**
   * Every client at a glance: the workspaces in the chosen folders (their *.safeguard files) and in the recent list,
   * read without changing them. `chooseFolder` first asks for one more folder with the folder dialog and keeps it in
   * the app's settings. Null when that is cancelled.
   */
  'portfolio.summary': defineCall<PortfolioView | null>()(z.strictObject({ ...portfolioSource, chooseFolder: z.boolean().default(false) })),
  /** Stops listing a folder's workspaces (the files are not touched); answers the folders still kept. */
  'portfolio.removeFolder': defineCall<string[]>()(z.strictObject({ folder: folderPath })),
  /** Reads a passphrase workspace's summary with its passphrase, read-only, and keeps the summary (never the content or the passphrase) encrypted on this computer. */
  'portfolio.unlock': defineCall<UnlockedSummary>()(
    z.strictObject({ path: filePathSchema('A workspace path is required'), passphrase: z.string().min(1).max(1024), asOf: calendarDate.optional() })
  ),
  /** Every readable client's open deadlines in one list, each named with its client. */
  'portfolio.calendar': defineCall<PortfolioCalendarView>()(z.strictObject(portfolioSource)),
  /** The same deadlines in one iCalendar file, written where the save dialog answers. Null when cancelled. */
  'portfolio.exportCalendar': defineCall<{ path: string; events: number } | null>()(
    z.strictObject({ ...portfolioSource, path: filePathSchema('An output path is required').optional() })
  ),
  /** Asks where to save a new client's workspace, starting in `folder`; the answer may then be given to workspace.create. Null when cancelled. */
  'portfolio.chooseNewClientPath': defineCall<string | null>()(
    z.strictObject({ folder: folderPath, suggestedName: z.string().trim().max(200).default('Client') })
  )
}
