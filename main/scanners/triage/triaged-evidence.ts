import type { Db } from '../../db/driver'
import { compareCitations } from '../../shared/citation'
import type { FindingView, ReviewFlag, SpecificationCoverage } from '../contract'
import { coverageByCitation } from '../db/findings'
import { getReviewFlag, listReviewFlags, type StoredReviewFlag } from '../db/review-flags'
import { latestScanIds } from '../db/scans'
import { evaluateTriage, triagedFailures, type TriageEvaluation } from './effective-triage'
import { tallyTriaged } from './triaged-tally'

/**
 * The Findings screens' counts with triage applied: review flags and the counts by specification over the latest
 * scan of each account, triaged failures left out as of `asOf` (and counted apart).
 */

interface CurrentCounts {
  coverage: Map<string, { citation: string; failing: number; passing: number; findings: number }>
  triaged: Map<string, number>
}

function currentCounts(db: Db, asOf: string): CurrentCounts {
  const latest = latestScanIds(db)
  const coverage = new Map(coverageByCitation(db, latest).map(c => [c.citation, c]))
  const triaged = tallyTriaged(db, triagedFailures(db, latest, evaluateTriage(db, asOf)), { weight: 'resources', unmutedOnly: true }).byCitation
  return { coverage, triaged }
}

function withCounts(flag: StoredReviewFlag, counts: CurrentCounts): ReviewFlag {
  const triaged = counts.triaged.get(flag.citation) ?? 0
  return { ...flag, failingNow: Math.max(0, (counts.coverage.get(flag.citation)?.failing ?? 0) - triaged), triaged }
}

/** True when every failure the flag stands for now is triaged: the flag is settled until a triage lapses. */
const settledByTriage = (flag: ReviewFlag) => flag.status === 'open' && flag.failingNow === 0 && flag.triaged > 0

/** Review flags as of a date. 'open' leaves out the open flags whose every current failure is triaged. */
export function readReviewFlags(db: Db, asOf: string, status?: 'open' | 'dismissed'): ReviewFlag[] {
  const stored = listReviewFlags(db, status)
  if (stored.length === 0) return []
  const counts = currentCounts(db, asOf)
  const flags = stored.map(f => withCounts(f, counts))
  return status === 'open' ? flags.filter(f => !settledByTriage(f)) : flags
}

export function readReviewFlag(db: Db, citation: string, asOf: string): ReviewFlag | null {
  const stored = getReviewFlag(db, citation)
  return stored ? withCounts(stored, currentCounts(db, asOf)) : null
}

/** Every specification the current evidence bears on, triaged failures apart; `flagged`: an open flag not settled by triage. */
export function readCoverage(db: Db, asOf: string): SpecificationCoverage[] {
  const counts = currentCounts(db, asOf)
  const open = new Set(
    listReviewFlags(db, 'open')
      .map(f => withCounts(f, counts))
      .filter(f => !settledByTriage(f))
      .map(f => f.citation)
  )
  return [...counts.coverage.values()]
    .map(c => {
      const triaged = counts.triaged.get(c.citation) ?? 0
      return {
        citation: c.citation,
        failing: Math.max(0, c.failing - triaged),
        passing: c.passing,
        findings: c.findings,
        triaged,
        flagged: open.has(c.citation)
      }
    })
    .sort((a, b) => compareCitations(a.citation, b.citation))
}

/** Each finding with its triage (active or lapsed) as of the evaluation's date; null when none ever covered it. */
export function withTriage<F extends FindingView>(findings: readonly F[], evaluation: TriageEvaluation): F[] {
  return findings.map(f => ({ ...f, triage: evaluation.byKey.get(f.findingKey) ?? null }))
}
