import type { Db } from '../db/driver'
import type { ProgressView } from '../assessment/contract'
import { listScans } from '../scanners/db/scans'
import { daysBetween } from '../shared/dates'
import type { DocumentReadiness } from './contract'
import { formatCount, plural } from './format'

/**
 * Whether a document is ready to send: every applicable question answered, every addressable
 * decision recorded, every family signed off by a reviewer (the pack's attestation rests on those
 * reviews), and scanner evidence, where there is any, recent. A document made before then is a draft
 * and says so on every page.
 */

/** Scanner evidence older than this is stale: a quarter, the usual rhythm of a scan review. */
export const STALE_EVIDENCE_DAYS = 90

export function buildReadiness(db: Db, progress: ProgressView, today: string): DocumentReadiness {
  const { applicable, answered } = progress.overall
  const unanswered = applicable - answered
  // The rule's families, as the annual review lists their sign-offs; the cloud controls are good practice beside them.
  const families = progress.groups.filter(g => g.group !== 'cloud' && g.applicable > 0)
  const signedOff = families.filter(g => g.signOff && !g.signOff.changedSince).length
  const newest = listScans(db)
    .map(s => (s.startedAt ?? s.importedAt).slice(0, 10))
    .sort()
    .at(-1)
  const evidence = newest === undefined ? null : { newestScanOn: newest, ageDays: Math.max(0, daysBetween(newest, today)) }
  const reasons: string[] = []
  if (unanswered > 0) reasons.push(`${formatCount(unanswered)} of ${plural(applicable, 'question')} not answered`)
  if (progress.decisionsNeeded > 0) reasons.push(`${plural(progress.decisionsNeeded, 'addressable decision')} not recorded`)
  if (signedOff < families.length)
    reasons.push(`${formatCount(families.length - signedOff)} of ${plural(families.length, 'family', 'families')} not signed off`)
  if (evidence && evidence.ageDays > STALE_EVIDENCE_DAYS) reasons.push(`newest scan is ${plural(evidence.ageDays, 'day')} old`)
  return {
    ready: reasons.length === 0,
    period: progress.period.id,
    questions: { applicable, answered, unanswered },
    decisionsMissing: progress.decisionsNeeded,
    signOffs: { families: families.length, signedOff },
    evidence: evidence && { ...evidence, stale: evidence.ageDays > STALE_EVIDENCE_DAYS },
    reasons
  }
}

/** The words every page of a draft carries. */
export const DRAFT_MARK = 'DRAFT — not ready to send'

/** What the cover of a draft says about why it is one. */
export function draftNote(readiness: DocumentReadiness): string {
  return `This is a draft, not ready to send: ${readiness.reasons.join('; ')}.`
}
