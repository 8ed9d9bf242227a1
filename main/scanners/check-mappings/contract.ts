import { z } from 'zod'
import { defineCall } from '../../api/define-call'
import type { UserCheckMapping } from '../db/user-check-mappings'

export type { UserCheckMapping } from '../db/user-check-mappings'

const CitationText = z
  .string()
  .trim()
  .regex(/^164\.3\d\d(\([A-Za-z0-9]+\))*$/, 'A citation looks like 164.312(a)(2)(iv)')

export interface MapCheckResult {
  mapping: UserCheckMapping
  /** Stored findings of the check that now bear on the mapped specifications. */
  findingsUpdated: number
  /** Scans holding those findings (their specifications and unmapped checks were brought up to date). */
  scansUpdated: number[]
}

export const checkMappingCalls = {
  /**
   * A person maps a scanner check that maps to nothing to one or more specifications (checked against the
   * catalog). Applied at once to the check's findings that no file or table maps, and to its findings of
   * every later import; mapping the check again replaces its citations.
   */
  'scans.mapCheck': defineCall<MapCheckResult>()(
    z.strictObject({
      /** A format id ('prowler-ocsf') or a tool family ('prowler'): the mapping holds for the family's formats. */
      scanner: z.string().trim().min(1).max(100),
      checkId: z.string().trim().min(1).max(2000),
      citations: z.array(CitationText).min(1, 'Choose at least one specification').max(40),
      by: z.string().trim().min(1, 'Say who is mapping this check (a name)').max(200)
    })
  ),
  /** Every check mapping a person made in this workspace. */
  'scans.checkMappings': defineCall<UserCheckMapping[]>()(z.strictObject({}))
}
