import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { BreachAssessment, BreachObligation } from './obligation-types'
import {
  checkIncident,
  incidentShape,
  normalizeIncident,
  type BaaReportingWindow,
  type LawEnforcementDelay,
  type ObligationKind
} from './incident-schema'
import type { IncidentAssessment } from './assessment-outcome'
import type { JurisdictionCode } from './jurisdictions'
import type { NoticeMethod, NoticeMethodsView } from './notice-methods'
import { noticeInputSchema } from './notice-schema'
import type { Certainty } from '../shared/certainty'
import { CalendarDate, filePathSchema } from '../shared/schemas'
import type { RecordRetention } from '../shared/record-retention'

// Re-exported for the renderer, which imports contracts only.
export type { BreachObligation, ObligationStatus } from './obligation-types'
export type { ObligationKind } from './incident-schema'
export type { JurisdictionCode } from './jurisdictions'
export type { BaaReportingWindow, BaaWindowUnit } from './incident-schema'
export type { AssessmentOutcome, BreachException, IncidentAssessment, RiskFactor } from './assessment-outcome'
export type { RecordRetention } from '../shared/record-retention'
export type { NoticeMethod, NoticeMethodsView } from './notice-methods'
/** The methods' ids and labels, for the command line's help and output (the window asks incidents.noticeMethods). */
export { NOTICE_METHODS } from './notice-methods'

/** Breach incidents: the log, the computed notification obligations and the notices given. */

const isoDate = CalendarDate
const id = z.int().positive()

/**
 * An incident as stored: the JSON format plus a description and PHI
 * categories. By design there is no field for names or record numbers:
 * counts per state and categories only.
 */
export const incidentRecordShape = {
  ...incidentShape,
  description: z.string().trim().max(8000).default(''),
  phiCategories: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  /** The business associate involved (for a covered entity) or the client (for a business associate). */
  businessAssociateId: id.nullable().default(null)
}
export const IncidentInput = z.strictObject(incidentRecordShape).superRefine(checkIncident).transform(normalizeIncident)
export type IncidentInput = z.input<typeof IncidentInput>
/** An incident as checked and normalised by IncidentInput: what is stored. */
export type IncidentValues = z.output<typeof IncidentInput>

export interface IncidentRecord {
  id: number
  title: string
  description: string
  phiCategories: string[]
  discoveredOn: string
  breachOn: string | null
  role: 'covered-entity' | 'business-associate'
  /** "Is it a breach?": the outcome and what documents it. */
  assessment: IncidentAssessment
  /**
   * What a stored assessment lacks (e.g. "the reviewer"), empty when complete. Only a record from before the
   * outcome was required (migration 0010) can lack anything; a low-probability one is then treated as a breach.
   */
  assessmentMissing: string[]
  /** Derived for older readers: false only when the outcome is 'secured'. */
  unsecuredPhi: boolean
  affectedByState: Partial<Record<JurisdictionCode, number>>
  lawEnforcementDelays: LawEnforcementDelay[]
  /** Covered entity: the day its business associate discovered the breach it reported. */
  baDiscoveredOn: string | null
  /** Covered entity: that business associate acted as its agent, so the clock starts at the BA's discovery. */
  baIsAgent: boolean
  baaReportingWindow: BaaReportingWindow | null
  licensedHealthFacility: boolean
  businessAssociateId: number | null
  createdAt: string
  updatedAt: string
  /** When it was archived (an ISO timestamp); null while it is live. */
  archivedAt: string | null
  archiveReason: string | null
}

export interface IncidentNotice {
  id: number
  kind: ObligationKind
  jurisdiction: JurisdictionCode | null
  obligationId: string | null
  /** The day it was sent. */
  doneOn: string
  method: NoticeMethod
  /** What shows it was delivered; empty when none is recorded yet. */
  evidence: string
  recipientsCount: number | null
  missingContactCount: number | null
  /** Website or media substitute notice: the last day it stays up. */
  postedUntil: string | null
  /** A file showing delivery, stored in the workspace. */
  evidenceFile: NoticeEvidenceFile | null
  recordedAt: string
}

export interface NoticeEvidenceFile {
  originalName: string
  mediaType: string
  size: number
  sha256: string
  attachedAt: string
}

export interface IncidentDetail {
  asOf: string
  incident: IncidentRecord
  notices: IncidentNotice[]
  assessment: BreachAssessment
}

export interface IncidentSummary {
  id: number
  title: string
  discoveredOn: string
  role: IncidentRecord['role']
  outcome: IncidentAssessment['outcome']
  totalAffected: number
  notificationRequired: boolean
  overdue: number
  open: number
  /** The earliest obligation not yet done. */
  next: Pick<BreachObligation, 'id' | 'kind' | 'recipient' | 'dueOn' | 'status'> | null
}

/** An archived incident: out of every list, deadline and document, kept in the file for six years. */
export interface ArchivedIncident {
  id: number
  title: string
  discoveredOn: string
  archivedAt: string
  archiveReason: string | null
  retention: RecordRetention
}

export interface StateLawView {
  /** Every state, DC and territory an affected count can be recorded for. */
  jurisdictions: { code: JurisdictionCode; name: string }[]
  disclaimer: string
  countingNote: string
  sourcesCurrentTo: string
  rows: {
    id: string
    jurisdiction: JurisdictionCode
    statute: string
    scope: string
    individual: string
    regulator: string | null
    /** How the law treats HIPAA-regulated entities for PHI (deemed compliant, exempt), when the table says. */
    hipaa: string | null
    /** Whether the law excuses notice when harm is unlikely, with how sure that is: a law with none keeps its notices after a low-probability conclusion. */
    harmTest: { exists: boolean; text: string; certainty: Certainty }
    certainty: Certainty
  }[]
}

export interface IncidentImportReport {
  file: string
  format: 'json' | 'csv' | 'xlsx'
  imported: number
  rows: { row: number; title: string; ok: boolean; errors: string[] }[]
}

const asOf = { asOf: isoDate.optional() }
const FilePath = filePathSchema()

export const ArchiveReason = z.string().trim().max(1000)

export const NoticeInput = noticeInputSchema
export type NoticeInput = z.input<typeof NoticeInput>

export const breachCalls = {
  'incidents.list': defineCall<IncidentSummary[]>()(z.strictObject(asOf)),
  'incidents.get': defineCall<IncidentDetail>()(z.strictObject({ id, ...asOf })),
  'incidents.create': defineCall<IncidentDetail>()(z.strictObject({ incident: IncidentInput })),
  'incidents.update': defineCall<IncidentDetail>()(z.strictObject({ id, incident: IncidentInput })),
  /** Takes the incident out of every list, deadline and document; it stays in the file (breach records are kept six years). */
  'incidents.archive': defineCall<null>()(z.strictObject({ id, reason: ArchiveReason.optional() })),
  'incidents.restore': defineCall<IncidentDetail>()(z.strictObject({ id })),
  'incidents.listArchived': defineCall<ArchivedIncident[]>()(z.strictObject({})),
  /** Only for an archived incident whose six-year retention is over, with its title typed again as confirmation. */
  'incidents.deletePermanently': defineCall<null>()(z.strictObject({ id, confirmTitle: z.string().max(300) })),
  /** Records a notice given (marks the matching obligation done). */
  'incidents.recordNotice': defineCall<IncidentDetail>()(z.strictObject({ id, notice: NoticeInput })),
  'incidents.removeNotice': defineCall<IncidentDetail>()(z.strictObject({ id, noticeId: id })),
  /** Stores a file showing a notice's delivery in the workspace (replacing any before); without a path, asks with the open dialog. */
  'incidents.attachNoticeFile': defineCall<IncidentDetail | null>()(z.strictObject({ id, noticeId: id, path: FilePath.optional() })),
  /** Writes a copy of a notice's evidence file where the save dialog says. */
  'incidents.saveNoticeFileCopy': defineCall<{ path: string } | null>()(z.strictObject({ id, noticeId: id, path: FilePath.optional() })),
  /** Imports incidents from JSON (the format), CSV or Excel (first sheet): all or none, with a report per row. */
  /** Without a path, asks with the host's open dialog; null when cancelled. */
  'incidents.importFile': defineCall<IncidentImportReport | null>()(z.strictObject({ path: FilePath.optional() })),
  /** The ways a notice can be given (45 CFR 164.404(d) for individuals), with when each applies and the obligations it answers. */
  'incidents.noticeMethods': defineCall<NoticeMethodsView>()(z.strictObject({})),
  /** The state-law table behind the state obligations, for display with its "check with counsel" label. */
  'incidents.stateLaws': defineCall<StateLawView>()(z.strictObject({}))
}
