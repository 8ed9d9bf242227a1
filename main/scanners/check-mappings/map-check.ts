// A person's own mapping of a scanner check to Security Rule specifications, applied to what is
// already stored: the check's unmapped findings take the citations, the scans holding them list the
// specifications and no longer list the check as unmapped, and the newest scans raise review flags
// for the specifications their failures now bear on, as an import would have.

import type { Db } from '../../db/driver'
import { ApiError } from '../../shared/errors'
import { compareCitations } from '../../shared/citation'
import { citationSetResolver } from '../db/citation-sets'
import { flagForReview } from '../db/review-flags'
import { latestScanIds, refreshScanCitations } from '../db/scans'
import { failingByCitation, mapFindingsOfCheck, saveUserCheckMapping } from '../db/user-check-mappings'
import { SCANNER_FORMATS } from '../formats/index'
import type { MapCheckResult } from './contract'

/** The tool family a person named, by format id or by family. */
export function scannerFamily(named: string): string {
  const lower = named.toLowerCase()
  const byFormat = SCANNER_FORMATS.find(f => f.id === lower)
  if (byFormat && byFormat.scanner !== 'empty') return byFormat.scanner
  const families: string[] = [...new Set(SCANNER_FORMATS.map(f => f.scanner as string).filter(s => s !== 'empty'))]
  if (families.includes(lower)) return lower
  throw new ApiError(
    'invalid-input',
    `"${named}" is not a scanner Safeguard reads: name one of ${families.join(', ')} or a format id such as prowler-ocsf`,
    {
      field: 'scanner'
    }
  )
}

export interface MapCheckInput {
  scanner: string
  checkId: string
  citations: readonly string[]
  by: string
}

/** `known`: the catalog's citations; a citation outside it is refused before anything is written. */
export function mapCheck(db: Db, input: MapCheckInput, known: ReadonlySet<string>, now: string): MapCheckResult {
  const scanner = scannerFamily(input.scanner)
  const unknown = input.citations.filter(c => !known.has(c))
  if (unknown.length) {
    throw new ApiError(
      'invalid-input',
      `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a Security Rule standard or specification in the catalog`,
      {
        field: 'citations'
      }
    )
  }
  const citations = [...new Set(input.citations)].sort(compareCitations)
  const mapping = { scanner, checkId: input.checkId, citations, mappedBy: input.by, mappedAt: now }
  return db.transaction(() => {
    saveUserCheckMapping(db, mapping)
    const setId = citationSetResolver(db)(citations) as number
    const { findings, scans } = mapFindingsOfCheck(db, scanner, input.checkId, setId)
    for (const scanId of scans) refreshScanCitations(db, scanId, input.checkId)
    const latest = new Set(latestScanIds(db))
    for (const scanId of scans) {
      if (!latest.has(scanId)) continue
      flagForReview(db, scanId, failingByCitation(db, scanId, citations), now)
    }
    return { mapping, findingsUpdated: findings, scansUpdated: scans }
  })()
}
