import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { filePathSchema } from '../shared/schemas'
import type { PortfolioEntry } from './summary'

export type {
  LockedWorkspace,
  PortfolioDeadline,
  PortfolioEntry,
  Protection,
  UnreadableReason,
  UnreadableWorkspace,
  WorkspaceSummaryEntry
} from './summary'

export interface PortfolioView {
  asOf: string
  /** The folders read (those given, and the one just chosen), for the window to keep and send again. */
  folders: string[]
  entries: PortfolioEntry[]
}

const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date is YYYY-MM-DD')

export const portfolioCalls = {
  /**
   * Every client at a glance: the workspaces in `folders` (their *.safeguard files) and in the recent list, read
   * without changing them. `chooseFolder` first asks for one more folder with the folder dialog. Null when that is cancelled.
   */
  'portfolio.summary': defineCall<PortfolioView | null>()(
    z.strictObject({
      folders: z.array(filePathSchema('A folder path is required')).max(100).default([]),
      chooseFolder: z.boolean().default(false),
      includeRecent: z.boolean().default(true),
      asOf: calendarDate.optional()
    })
  )
}
