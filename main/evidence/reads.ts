// The evidence feature's typed reads, for the handlers and for other features (the pack and its manifest, the
// annual review, the calendar, OSCAL): every reader sees the same items, stale on the same day.
import { getCurrentPeriod } from '../assessment/db/periods'
import type { CalendarItem } from '../calendar/contract'
import type { Db } from '../db/driver'
import { daysBetween, type IsoDate } from '../shared/dates'
import type { EvidenceItem, EvidenceSpecificationSummary, EvidenceTarget, EvidenceTargetKind } from './contract'
import { contentChunks, findContentBySha } from './db/evidence-content'
import { listAllEvidence, listEvidenceOnTarget, type EvidenceRecord } from './db/evidence-items'
import { EVIDENCE_TARGET_LABEL, PERIOD_TARGET_KINDS } from './evidence-targets'
import { specificationCache } from './target-lookup'

/** Stale from the day after its expiry: the expiry date is the last day the evidence holds. */
export const isStale = (expiresOn: string | null, today: string): boolean => expiresOn !== null && expiresOn < today

export function toEvidenceItem(
  record: EvidenceRecord,
  today: string,
  specifications: (kind: EvidenceTargetKind, id: string) => string[]
): EvidenceItem {
  return {
    id: record.id,
    target: { kind: record.targetKind, id: record.targetId },
    periodId: record.periodId,
    kind: record.kind,
    title: record.title,
    note: record.note,
    fileName: record.fileName,
    url: record.url,
    sha256: record.sha256,
    size: record.size,
    effectiveAsOf: record.effectiveAsOf,
    expiresOn: record.expiresOn,
    addedAt: record.addedAt,
    addedBy: record.addedBy,
    updatedAt: record.updatedAt,
    archivedAt: record.archivedAt,
    archivedBy: record.archivedBy,
    archiveReason: record.archiveReason,
    stale: isStale(record.expiresOn, today),
    specificationIds: specifications(record.targetKind, record.targetId)
  }
}

/** The period evidence on answers and decisions belongs to: the one asked for, else the current one (null before any). */
function periodOf(db: Db, periodId: string | undefined): string | null {
  return periodId ?? getCurrentPeriod(db)?.id ?? null
}

export interface EvidenceQuery {
  target?: EvidenceTarget | undefined
  specificationId?: string | undefined
  periodId?: string | undefined
  includeArchived?: boolean | undefined
  staleOnly?: boolean | undefined
}

/** Evidence on one target, supporting one specification, or all of it; answers' and decisions' of the period read. */
export function readEvidence(db: Db, today: string, query: EvidenceQuery = {}): EvidenceItem[] {
  const period = periodOf(db, query.periodId)
  const specifications = specificationCache(db)
  const includeArchived = query.includeArchived ?? false
  const records = query.target
    ? PERIOD_TARGET_KINDS.includes(query.target.kind) && period === null
      ? []
      : listEvidenceOnTarget(db, { ...query.target, periodId: PERIOD_TARGET_KINDS.includes(query.target.kind) ? period : null }, includeArchived)
    : listAllEvidence(db, period ?? '', includeArchived)
  const items = records.map(record => toEvidenceItem(record, today, specifications))
  return items.filter(item => (!query.specificationId || item.specificationIds.includes(query.specificationId)) && (!query.staleOnly || item.stale))
}

/** Per specification: how many live items support it, the newest effective date, how many are stale. */
export function readEvidenceBySpecification(db: Db, today: string, periodId?: string): EvidenceSpecificationSummary[] {
  const bySpecification = new Map<string, EvidenceSpecificationSummary>()
  for (const item of readEvidence(db, today, { periodId })) {
    for (const specificationId of item.specificationIds) {
      const summary = bySpecification.get(specificationId) ?? { specificationId, count: 0, newestEffectiveAsOf: null, staleCount: 0 }
      summary.count++
      if (summary.newestEffectiveAsOf === null || item.effectiveAsOf > summary.newestEffectiveAsOf) summary.newestEffectiveAsOf = item.effectiveAsOf
      if (item.stale) summary.staleCount++
      bySpecification.set(specificationId, summary)
    }
  }
  return [...bySpecification.values()].sort((a, b) => a.specificationId.localeCompare(b.specificationId))
}

export interface ManifestEvidenceEntry {
  id: number
  targetKind: string
  targetId: string
  title: string
  fileName: string | null
  url: string | null
  sha256: string | null
  size: number | null
  effectiveAsOf: string
  expiresOn: string | null
  addedAt: string
  addedBy: string
  specificationIds: string[]
}

/** Every live (not archived) item of the current period and of the other kinds, for a pack's manifest. */
export function listEvidenceForManifest(db: Db): ManifestEvidenceEntry[] {
  const specifications = specificationCache(db)
  return listAllEvidence(db, periodOf(db, undefined) ?? '', false)
    .map(record => ({
      id: record.id,
      targetKind: record.targetKind,
      targetId: record.targetId,
      title: record.title,
      fileName: record.fileName,
      url: record.url,
      sha256: record.sha256,
      size: record.size,
      effectiveAsOf: record.effectiveAsOf,
      expiresOn: record.expiresOn,
      addedAt: record.addedAt,
      addedBy: record.addedBy,
      specificationIds: specifications(record.targetKind, record.targetId)
    }))
    .sort((a, b) => a.id - b.id)
}

/** A stored file's bytes in order, one 1 MiB chunk at a time (for embedding in a pack or writing beside it). */
export function readEvidenceChunks(db: Db, sha256: string): Iterable<Buffer> {
  const content = findContentBySha(db, sha256)
  if (!content) throw new Error(`No evidence file with SHA-256 ${sha256} is stored in this workspace`)
  return contentChunks(db, content.id)
}

// Evidence expiries for the compliance calendar (DEADLINE_SOURCES): each live item with an expiry, due on its last valid
// day, so it shows as due soon before and overdue (stale) after. The dates are set by people: the rule asks for
// documentation to be reviewed and updated as needed (164.316(b)(2)(iii)), not for these days.
const DOCUMENTATION_UPDATES = '45 CFR 164.316(b)(2)(iii)'

function timeStatus(dueOn: IsoDate, asOf: IsoDate, dueSoonDays: number): CalendarItem['status'] {
  const daysLeft = daysBetween(asOf, dueOn)
  if (daysLeft < 0) return 'overdue'
  return daysLeft <= dueSoonDays ? 'due-soon' : 'upcoming'
}

export function evidenceCalendarItems(db: Db, context: { asOf: IsoDate; dueSoonDays: number }): CalendarItem[] {
  return readEvidence(db, context.asOf)
    .filter(item => item.expiresOn !== null)
    .map(item => ({
      uid: `evidence-expiry-${item.id}`,
      kind: 'evidence-expiry',
      title: `Evidence expires: ${item.title}`,
      dueOn: item.expiresOn!,
      citation: DOCUMENTATION_UPDATES,
      status: timeStatus(item.expiresOn!, context.asOf, context.dueSoonDays),
      basis: `Evidence on ${EVIDENCE_TARGET_LABEL[item.target.kind].toLowerCase()} ${item.target.id}, effective as of ${item.effectiveAsOf}, was given an expiry of ${item.expiresOn} by ${item.addedBy}; from the day after, it is stale. The rule asks for documentation to be reviewed and updated as needed but sets no date: replace or renew the evidence, or archive it.`,
      certainty: 'confirmed' as const,
      proposed: false,
      checkWithCounsel: false,
      source: { type: 'evidence', id: String(item.id), name: item.title }
    }))
}
