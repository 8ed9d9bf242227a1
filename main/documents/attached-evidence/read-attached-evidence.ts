// The evidence attached in the workspace, grouped by the specification it supports, for the evidence pack and the
// annual review: each item with what it is on, its effective date, its expiry and whether it is stale on the day the
// document is prepared. Items on records that bear on no specification (an incident, a map asset) are listed apart.
import type { Db } from '../../db/driver'
import { EVIDENCE_TARGET_LABEL, type EvidenceItem } from '../../evidence/contract'
import { readEvidence } from '../../evidence/reads'
import { compareCitations } from '../../shared/citation'

export interface AttachedEvidenceEntry {
  title: string
  /** What it is attached to: "Answer q-risk-analysis", "Incident 3". */
  on: string
  /** 'file' or 'link'. */
  kind: 'file' | 'link'
  /** The file's name or the link's address. */
  source: string
  effectiveAsOf: string
  expiresOn: string | null
  stale: boolean
  sha256: string | null
}

export interface AttachedEvidence {
  bySpecification: { citation: string; title: string; items: AttachedEvidenceEntry[] }[]
  /** On records that bear on no specification. */
  other: AttachedEvidenceEntry[]
  total: number
  stale: number
  /** Attached files, for the appendix's list of files with their SHA-256. */
  files: { name: string; kind: string; sha256: string; addedOn: string; sizeBytes: number }[]
}

function entryOf(item: EvidenceItem): AttachedEvidenceEntry {
  return {
    title: item.title,
    on: `${EVIDENCE_TARGET_LABEL[item.target.kind]} ${item.target.id}`,
    kind: item.kind,
    source: item.fileName ?? item.url ?? '',
    effectiveAsOf: item.effectiveAsOf,
    expiresOn: item.expiresOn,
    stale: item.stale,
    sha256: item.sha256
  }
}

/** Null when nothing is attached (the document then says it is not recorded). */
export function readAttachedEvidence(
  db: Db,
  options: { today: string; periodId: string; titleOf: (citation: string) => string }
): AttachedEvidence | null {
  const items = readEvidence(db, options.today, { periodId: options.periodId })
  if (items.length === 0) return null
  const byCitation = new Map<string, AttachedEvidenceEntry[]>()
  const other: AttachedEvidenceEntry[] = []
  for (const item of items) {
    if (item.specificationIds.length === 0) other.push(entryOf(item))
    for (const citation of item.specificationIds) byCitation.set(citation, [...(byCitation.get(citation) ?? []), entryOf(item)])
  }
  const newestFirst = (a: AttachedEvidenceEntry, b: AttachedEvidenceEntry) =>
    b.effectiveAsOf.localeCompare(a.effectiveAsOf) || a.title.localeCompare(b.title)
  return {
    bySpecification: [...byCitation]
      .sort(([a], [b]) => compareCitations(a, b))
      .map(([citation, entries]) => ({ citation, title: options.titleOf(citation), items: entries.sort(newestFirst) })),
    other: other.sort(newestFirst),
    total: items.length,
    stale: items.filter(item => item.stale).length,
    files: items.flatMap(item =>
      item.kind === 'file' && item.sha256 && item.fileName
        ? [
            {
              name: item.fileName,
              kind: `Evidence (${EVIDENCE_TARGET_LABEL[item.target.kind].toLowerCase()} ${item.target.id})`,
              sha256: item.sha256,
              addedOn: item.addedAt.slice(0, 10),
              sizeBytes: item.size ?? 0
            }
          ]
        : []
    )
  }
}
