import type { Db } from '../db/driver'
import type { BusinessAssociateSummary } from './contract'
import { listSummaries, workspaceAnchorOn } from './register'

export { workspaceAnchorOn } from './register'
/** When an agreement is next due for review, for the calendar. */
export { baaReviewDueOn, DEFAULT_REVIEW_MONTHS } from './flags'

/** The register's typed read functions, for other features (documents) to read without the API. */

/** Every business associate with its agreement flags as of a calendar date (the app warns 60 days ahead). */
export function readBusinessAssociates(db: Db, asOf: string, expiringWithinDays = 60): BusinessAssociateSummary[] {
  return listSummaries(db, { asOf, expiringWithinDays, anchorOn: workspaceAnchorOn(db) })
}
