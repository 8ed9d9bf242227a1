import type { NormalizedFinding } from '../finding.types'

/** Where a format adapter puts what it read from one record. */
export interface RecordSink {
  add(finding: NormalizedFinding): void
  /** A record deliberately left out (archived, not applicable...), with a short reason. */
  skip(reason: string): void
  warn(message: string): void
  /** Why an added finding of this check has no citations, when the format knows better than the default of its format. */
  unmapped(checkId: string, reason: string): void
}
