import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { Certainty } from '../shared/certainty'
import { CalendarDate, filePathSchema } from '../shared/schemas'
import type { RecordRetention } from '../shared/record-retention'

export type { RecordRetention } from '../shared/record-retention'

/** Business associates: the register, the BAA checklist, the subcontractor chain and the signed copies. */

export const BAA_STATUSES = ['none', 'requested', 'signed', 'expired', 'terminated'] as const
export type BaaStatus = (typeof BAA_STATUSES)[number]
/** In a business associate's own workspace, the register also holds its clients and its subcontractors. */
export const RELATIONSHIPS = ['business-associate', 'covered-entity-client', 'subcontractor'] as const
export type Relationship = (typeof RELATIONSHIPS)[number]
export const TERM_STATES = ['present', 'missing', 'not-applicable', 'unchecked'] as const
export type TermState = (typeof TERM_STATES)[number]

const isoDate = CalendarDate
const optionalDate = isoDate.nullable().default(null)
const label = z.string().trim().min(1).max(100)
const id = z.int().positive()

export const businessAssociateShape = {
  name: z.string().trim().min(1, 'Enter the name').max(200),
  relationship: z.enum(RELATIONSHIPS).default('business-associate'),
  /** The party above this one in the chain (for a subcontractor: the business associate that engaged it). */
  parentId: id.nullable().default(null),
  services: z.string().trim().max(2000).default(''),
  phiCategories: z.array(label).max(50).default([]),
  /** Cloud services or assets this party touches (e.g. 'AWS S3: billing-exports'). */
  assets: z.array(label).max(100).default([]),
  handlesPhi: z.boolean().default(true),
  baaStatus: z.enum(BAA_STATUSES).default('none'),
  effectiveOn: optionalDate,
  expiresOn: optionalDate,
  reviewEveryMonths: z.int().min(1).max(120).nullable().default(null),
  lastReviewOn: optionalDate,
  /** The contract's window for reporting a breach to us, when it sets one (e.g. 10 days instead of 60). */
  breachReportingDays: z.int().min(1).max(365).nullable().default(null),
  notes: z.string().trim().max(4000).default('')
}

export function checkAgreementDates(value: { effectiveOn: string | null; expiresOn: string | null }, ctx: z.RefinementCtx): void {
  if (value.effectiveOn && value.expiresOn && value.expiresOn < value.effectiveOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresOn'],
      message: `the agreement cannot expire (${value.expiresOn}) before it takes effect (${value.effectiveOn})`
    })
  }
}

export const BusinessAssociateInput = z.strictObject(businessAssociateShape).superRefine(checkAgreementDates)
export type BusinessAssociateInput = z.input<typeof BusinessAssociateInput>

export interface BusinessAssociate {
  id: number
  name: string
  relationship: Relationship
  parentId: number | null
  services: string
  phiCategories: string[]
  assets: string[]
  handlesPhi: boolean
  baaStatus: BaaStatus
  effectiveOn: string | null
  expiresOn: string | null
  reviewEveryMonths: number | null
  lastReviewOn: string | null
  breachReportingDays: number | null
  notes: string
  createdAt: string
  updatedAt: string
  /** When it was archived (an ISO timestamp); null while it is live. */
  archivedAt: string | null
  archiveReason: string | null
}

/** An archived business associate: out of the register, the calendar and the documents, kept in the file for six years. */
export interface ArchivedBusinessAssociate {
  id: number
  name: string
  relationship: Relationship
  baaStatus: BaaStatus
  archivedAt: string
  archiveReason: string | null
  retention: RecordRetention
}

export interface BusinessAssociateFlags {
  /** Handles PHI but has no signed agreement in force. */
  phiWithoutSignedBaa: boolean
  /** The agreement is marked expired, or its expiry date has passed. */
  expired: boolean
  /** A signed agreement expiring within the chosen window. */
  expiringSoon: boolean
  reviewOverdue: boolean
  /** When the next review falls due (signed agreements only). */
  nextReviewOn: string | null
}

export interface AgreementFile {
  originalName: string
  mediaType: string
  size: number
  sha256: string
  attachedAt: string
}

export interface ChecklistSummary {
  total: number
  present: number
  missing: number
  notApplicable: number
  unchecked: number
}

export interface BusinessAssociateSummary extends BusinessAssociate {
  flags: BusinessAssociateFlags
  checklist: ChecklistSummary
  agreementFile: AgreementFile | null
}

export interface TermCheck {
  termId: string
  citation: string
  rule: 'privacy' | 'security'
  title: string
  description: string
  certainty: Certainty
  state: TermState
  note: string
}

export interface BusinessAssociateDetail extends BusinessAssociateSummary {
  terms: TermCheck[]
  /** The chain from the top down to this party's parent. */
  ancestors: { id: number; name: string }[]
}

export interface ChainNode {
  id: number
  name: string
  relationship: Relationship
  baaStatus: BaaStatus
  flags: BusinessAssociateFlags
  children: ChainNode[]
}

export interface ImportRowReport {
  /** 1-based data row (CSV: the line after the header is row 1; JSON: the array index + 1). */
  row: number
  name: string
  ok: boolean
  errors: string[]
}

export interface ImportReport {
  file: string
  format: 'json' | 'csv' | 'xlsx'
  imported: number
  rows: ImportRowReport[]
}

const asOfInput = { asOf: isoDate.optional(), expiringWithinDays: z.int().min(0).max(3650).default(60) }
const FilePath = filePathSchema()

export const baasCalls = {
  'baas.list': defineCall<BusinessAssociateSummary[]>()(z.strictObject(asOfInput)),
  'baas.get': defineCall<BusinessAssociateDetail>()(z.strictObject({ id, ...asOfInput })),
  'baas.create': defineCall<BusinessAssociateDetail>()(z.strictObject({ associate: BusinessAssociateInput })),
  'baas.update': defineCall<BusinessAssociateDetail>()(z.strictObject({ id, associate: BusinessAssociateInput })),
  /** Takes the party out of the register, the calendar and the documents; it stays in the file six years. Refused while live subcontractors hang below it. */
  'baas.archive': defineCall<null>()(z.strictObject({ id, reason: z.string().trim().max(1000).optional() })),
  'baas.restore': defineCall<BusinessAssociateDetail>()(z.strictObject({ id })),
  'baas.listArchived': defineCall<ArchivedBusinessAssociate[]>()(z.strictObject({})),
  /** Only for an archived party whose six-year retention is over and with nobody below it, with its name typed again as confirmation. */
  'baas.deletePermanently': defineCall<null>()(z.strictObject({ id, confirmName: z.string().max(300) })),
  /** Records a review done on a date (sets last review; the next one moves on by the cadence). */
  'baas.markReviewed': defineCall<BusinessAssociateDetail>()(z.strictObject({ id, reviewedOn: isoDate })),
  'baas.setTerm': defineCall<BusinessAssociateDetail>()(
    z.strictObject({ id, termId: z.string().min(1).max(40), state: z.enum(TERM_STATES), note: z.string().trim().max(1000).default('') })
  ),
  'baas.chain': defineCall<ChainNode[]>()(z.strictObject(asOfInput)),
  /** Stores the signed copy inside the workspace. Without a path, asks with the host's open dialog; null when cancelled. */
  'baas.attachAgreement': defineCall<AgreementFile | null>()(z.strictObject({ id, path: FilePath.optional() })),
  /** Writes the stored copy out. Without a path, asks with the host's save dialog; null when cancelled. */
  'baas.saveAgreementCopy': defineCall<{ path: string } | null>()(z.strictObject({ id, path: FilePath.optional() })),
  'baas.removeAgreement': defineCall<null>()(z.strictObject({ id })),
  /** Imports a JSON, CSV or Excel (first sheet) register: all rows or none, with a report per row. Without a path, asks with the host's open dialog; null when cancelled. */
  'baas.importFile': defineCall<ImportReport | null>()(z.strictObject({ path: FilePath.optional() }))
}
