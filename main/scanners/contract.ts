import { z } from 'zod'
import { defineCall } from '../api/define-call'
import {
  FINDING_STATUSES,
  SEVERITIES,
  type CitationSource,
  type FindingStatus,
  type FormatId,
  type NormalizedFinding,
  type ScanTally,
  type Severity,
  type SkippedRecords,
  type SourceEncoding,
  type UnmappedCheck
} from './finding.types'
import { filePathSchema } from '../shared/schemas'
import type { FindingTriage } from './triage/triage.types'

export type { CitationSource, FindingStatus, FormatId, ScanTally, Severity, UnmappedCheck } from './finding.types'
export { FINDING_STATUSES, SEVERITIES } from './finding.types'

const FilePath = filePathSchema()

const Citation = z
  .string()
  .trim()
  .regex(/^164\.3\d\d(\([A-Za-z0-9]+\))*$/, 'A citation looks like 164.312(a)(2)(iv)')

const STATUSES = FINDING_STATUSES

export interface ScanView {
  id: number
  fileName: string
  sha256: string
  bytes: number
  format: FormatId
  /** The format's label from the format registry, as every screen and document prints it. */
  formatLabel: string
  scanner: string
  scannerVersion: string | null
  encoding: SourceEncoding
  accounts: string[]
  startedAt: string | null
  importedAt: string
  findings: number
  passed: number
  failed: number
  failedBySeverity: Record<Severity, number>
  /** Results per status in the format's unit, adding up to its total; `summary` says it in words (CLI, app and documents alike). */
  tally: ScanTally
  summary: string
  /** Specifications (citations) the scan's findings bear on. */
  citations: string[]
  /** Checks none of whose findings bear on a specification, with why; a person can map each (scans.mapCheck). */
  unmappedChecks: UnmappedCheck[]
  skipped: SkippedRecords[]
  warnings: string[]
}

export interface ImportFailure {
  code: string
  message: string
  offset?: number
  line?: number
  element?: number
}

export type FileImportResult =
  /** partial: the file was cut short and only its whole records were imported (the scan's warnings say where). */
  { file: string; ok: true; alreadyImported: boolean; partial: boolean; scan: ScanView } | { file: string; ok: false; error: ImportFailure }

/** A stored finding: what the scanner said (as normalized on import), where it was stored, and its citations. */
export interface FindingView extends Pick<
  NormalizedFinding,
  | 'findingKey'
  | 'checkId'
  | 'title'
  | 'status'
  | 'muted'
  | 'severity'
  | 'statusDetail'
  | 'resourceId'
  | 'resourceName'
  | 'resourceType'
  | 'account'
  | 'region'
  | 'remediationText'
  | 'remediationUrl'
  | 'observedAt'
  | 'itemCount'
> {
  id: number
  scanId: number
  citations: string[]
  citationSource: CitationSource
  /** Its triage as of today, when one covers or covered its key (the findings calls fill it in; null: never triaged). */
  triage?: FindingTriage | null
}

export interface FindingPage {
  total: number
  findings: FindingView[]
}

export interface SpecificationEvidence {
  citation: string
  /** Only the latest scan of each account counts: older ones are superseded. */
  scans: number[]
  failing: FindingView[]
  passing: FindingView[]
  failingTotal: number
  passingTotal: number
  /** Failing findings a triage covers as of today: they are not in `failing`. */
  triaged: FindingView[]
  triagedTotal: number
  flag: ReviewFlag | null
}

export interface SpecificationCoverage {
  citation: string
  /** Failing resources (unmuted, not triaged), passing resources and records, in the latest scan of each account. */
  failing: number
  passing: number
  findings: number
  /** Failing resources (unmuted) a triage covers as of today: not in `failing`. */
  triaged: number
  flagged: boolean
}

export interface ReviewFlag {
  citation: string
  status: 'open' | 'dismissed'
  scanId: number | null
  /** Failing resources of the scan that raised the flag. */
  failing: number
  /** Failing resources (unmuted) in the latest scan of each account now, leaving out triaged ones. */
  failingNow: number
  /** Failing resources now that a triage covers. An open flag all of whose failures are triaged is not listed as open. */
  triaged: number
  flaggedAt: string
  updatedAt: string
  /** The latest dismissal (on an open flag: one since restored or re-opened by a later scan); reason and by are null before 0012. */
  dismissal: { reason: string | null; by: string | null; at: string } | null
  restored: { by: string | null; at: string } | null
}

export interface ScanComparison {
  scan: ScanView
  previous: ScanView | null
  newFailures: FindingView[]
  resolved: FindingView[]
  persisting: FindingView[]
  counts: { newFailures: number; resolved: number; persisting: number }
}

/** How the Findings view sorts: severity worst first, specification and resource in order, age oldest first ('desc' reverses). */
export const FINDING_SORTS = ['severity', 'specification', 'resource', 'age'] as const
export type FindingSort = (typeof FINDING_SORTS)[number]

/** A stored finding in the Findings view: when its key (check, resource, account, region) was first seen in any scan. */
export interface FindingRowView extends FindingView {
  scanner: string
  firstSeen: string | null
  /** Its scan is the latest of its account(s): the finding is current evidence, not superseded. */
  current: boolean
}

/** One check in the grouped Findings view: its findings' statuses, resources and specifications. */
export interface CheckGroupView {
  scanner: string
  checkId: string
  title: string
  /** The worst severity among its findings. */
  severity: Severity
  /** Findings per status (a status with none is left out); `failed` counts only the failures no triage covers. */
  statuses: Partial<Record<FindingStatus, number>>
  /** Failing findings an active triage covers: shown apart ("3 failed, 1 triaged"), never among the failed. */
  triaged: number
  findings: number
  /** Resources its findings stand for (a record may stand for several). */
  resources: number
  citations: string[]
  firstSeen: string | null
}

export type FindingsViewPage =
  | { groupBy: 'check'; scans: number[]; total: number; groups: CheckGroupView[] }
  | { groupBy: 'none'; scans: number[]; total: number; findings: FindingRowView[] }

/** Every stored field of one finding, with the scan and file it came from and when its key was first and last seen. */
export interface FindingDetail extends FindingRowView {
  scan: Pick<ScanView, 'id' | 'fileName' | 'format' | 'formatLabel' | 'scanner' | 'accounts' | 'startedAt' | 'importedAt'>
  lastSeen: string | null
  /** Scans that hold the same key. */
  seenInScans: number
}

/** A check in a question card's evidence: how many resources fail or pass it. */
export interface CheckSummary {
  scanner: string
  checkId: string
  title: string
  severity: Severity
  resources: number
}

/** The scan evidence for a question's specifications, from the latest scan of each account. */
export interface SpecificationSummary {
  citations: string[]
  scans: number
  failing: number
  passing: number
  failingChecks: CheckSummary[]
  passingChecks: CheckSummary[]
  /** Checks in all, beyond the top ones listed. */
  failingCheckCount: number
  passingCheckCount: number
}

export interface FindingsExportResult {
  path: string
  format: 'csv' | 'xlsx'
  rows: number
}

const Limit = z.number().int().min(1).max(5000).default(500)

const FindingsViewOptions = {
  /** latest: the latest scan of each account and scanner (superseded scans left out); all: every scan. A scanId filter overrides it. */
  scope: z.enum(['latest', 'all']).default('latest'),
  sort: z.enum(FINDING_SORTS).default('severity'),
  order: z.enum(['asc', 'desc']).default('asc'),
  scanId: z.number().int().positive().optional(),
  citation: Citation.optional(),
  status: z.enum(STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional()
}

export const scannerCalls = {
  /**
   * Imports each file on its own (one transaction each): one file's rejection never affects another.
   * With `asOneScan`, the files are the pages of one export (e.g. Security Hub get-findings with
   * NextToken) and become one scan, all or nothing.
   */
  'scans.import': defineCall<FileImportResult[]>()(
    z.strictObject({ paths: z.array(FilePath).min(1).max(100), asOneScan: z.boolean().default(false) })
  ),
  /** Asks the user for scanner output files with the host's dialog. [] when cancelled. */
  'scans.chooseFiles': defineCall<string[]>()(z.strictObject({})),
  'scans.list': defineCall<ScanView[]>()(z.strictObject({})),
  'scans.delete': defineCall<null>()(z.strictObject({ scanId: z.number().int().positive() })),
  /** New, resolved and persisting failures against the previous scan of the same account(s). */
  'scans.compare': defineCall<ScanComparison>()(
    z.strictObject({ scanId: z.number().int().positive(), previousScanId: z.number().int().positive().optional(), limit: Limit })
  ),
  'findings.query': defineCall<FindingPage>()(
    z.strictObject({
      /** latest: only the latest scan of each account and scanner; all: every scan. A scanId overrides it. */
      scope: z.enum(['latest', 'all']).default('all'),
      scanId: z.number().int().positive().optional(),
      citation: Citation.optional(),
      status: z.enum(STATUSES).optional(),
      severity: z.enum(SEVERITIES).optional(),
      limit: Limit,
      offset: z.number().int().min(0).default(0)
    })
  ),
  /** Every specification the current evidence bears on, with failing and passing counts. */
  'findings.bySpecification': defineCall<SpecificationCoverage[]>()(z.strictObject({})),
  'findings.evidence': defineCall<SpecificationEvidence>()(z.strictObject({ citation: Citation, limit: Limit })),
  'findings.reviewFlags': defineCall<ReviewFlag[]>()(z.strictObject({ status: z.enum(['open', 'dismissed']).optional() })),
  /** The Findings view: findings grouped by check (one row per check) or one by one; `check` narrows to one group (expanding it). */
  'findings.view': defineCall<FindingsViewPage>()(
    z.strictObject({
      ...FindingsViewOptions,
      groupBy: z.enum(['check', 'none']).default('check'),
      check: z.strictObject({ scanner: z.string().min(1).max(200), checkId: z.string().min(1).max(2000) }).optional(),
      limit: Limit,
      offset: z.number().int().min(0).default(0)
    })
  ),
  'findings.detail': defineCall<FindingDetail>()(z.strictObject({ id: z.number().int().positive() })),
  /** For each question (its specifications), counts and top checks from the latest scan of each account: one call for a section's cards. */
  'findings.specificationSummaries': defineCall<SpecificationSummary[]>()(
    z.strictObject({
      items: z.array(z.array(Citation).min(1).max(50)).min(1).max(500),
      top: z.number().int().min(1).max(20).default(3)
    })
  ),
  /** The view's findings (same scope, filters and sort), one row each, to .csv or .xlsx (by the name's extension); null when the dialog is cancelled. */
  'findings.export': defineCall<FindingsExportResult | null>()(
    // format: the save dialog's suggested name (the name chosen decides).
    z.strictObject({ ...FindingsViewOptions, path: FilePath.optional(), format: z.enum(['csv', 'xlsx']).default('xlsx') })
  )
}
