import { addFullYears, compareDates, laterOf, type IsoDate } from './dates'

/** How long an archived record must stay in the file, and why. */
export interface RecordRetention {
  /** The first day the record may be destroyed: six full years after `countedFrom`. */
  keptUntil: IsoDate
  /** The record's last document date, which the six years count from. */
  countedFrom: IsoDate
  citation: string
  /** Retention is six years from creation or the last day in effect, whichever is later; how that applies to one record is for counsel. */
  checkWithCounsel: true
  /** Today is past `keptUntil`: the record may be deleted for good (after a typed confirmation). */
  over: boolean
}

export const RETENTION_YEARS = 6
export const RETENTION_CITATION = '45 CFR 164.530(j)'

/** Six years from the latest of a record's dates (45 CFR 164.530(j)(2); 164.316(b)(2)(i) for security documentation). */
export function retentionFrom(today: IsoDate, first: IsoDate, ...others: readonly (IsoDate | null | undefined)[]): RecordRetention {
  const countedFrom = others.filter((date): date is IsoDate => typeof date === 'string').reduce(laterOf, first)
  const keptUntil = addFullYears(countedFrom, RETENTION_YEARS)
  return { keptUntil, countedFrom, citation: RETENTION_CITATION, checkWithCounsel: true, over: compareDates(today, keptUntil) > 0 }
}
