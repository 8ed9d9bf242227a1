import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { CalendarDate, filePathSchema } from '../shared/schemas'
import { EVIDENCE_TARGET_KINDS, type EvidenceTargetKind } from './evidence-targets'

export { EVIDENCE_TARGETS, EVIDENCE_TARGET_KINDS, EVIDENCE_TARGET_LABEL, type EvidenceTargetKind } from './evidence-targets'

/**
 * Evidence on answers, decisions, cloud controls, risks, remediation tasks, map assets and incidents: a file stored
 * inside the (encrypted) workspace, once per distinct SHA-256, or a link. Each item says when it was added and by whom,
 * the date the evidence is effective as of, and an optional expiry after which it is stale. Removing evidence archives it
 * (kept six years, 45 CFR 164.316(b)(2)); nothing is deleted.
 */

export const EVIDENCE_KINDS = ['file', 'link'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

/** Larger files are refused: a 2 GB screen recording or database export is already far more than a reviewer opens. */
export const MAX_EVIDENCE_FILE_BYTES = 2 * 1024 * 1024 * 1024

export interface EvidenceTarget {
  kind: EvidenceTargetKind
  /** See EVIDENCE_TARGETS[].idMeans: a question id, a citation, `scanner:check-id`, or a record's number. */
  id: string
}

export interface EvidenceItem {
  id: number
  target: EvidenceTarget
  /** For answers and decisions: the assessment period the item was attached in; null for the other kinds. */
  periodId: string | null
  kind: EvidenceKind
  title: string
  note: string
  /** Files: the file's own name (for display and the saved copy). */
  fileName: string | null
  /** Links: an http or https address. */
  url: string | null
  sha256: string | null
  size: number | null
  /** The day the evidence shows the state of things (a screenshot taken, a report run), distinct from addedAt. */
  effectiveAsOf: string
  /** The last day the evidence holds; from the day after, it is stale. */
  expiresOn: string | null
  addedAt: string
  addedBy: string
  updatedAt: string
  /** Set when archived: still kept and listed on request, never deleted. */
  archivedAt: string | null
  archivedBy: string | null
  archiveReason: string | null
  /** The expiry has passed (as of the call's day). */
  stale: boolean
  /** The specifications the target bears on (the answer's question, the decision, a risk's or control's mapped citations). */
  specificationIds: string[]
}

export interface EvidenceSpecificationSummary {
  specificationId: string
  /** Live (not archived) items supporting the specification. */
  count: number
  newestEffectiveAsOf: string | null
  staleCount: number
}

const TargetKind = z.enum(EVIDENCE_TARGET_KINDS)
export const EvidenceTargetInput = z.strictObject({
  kind: TargetKind,
  id: z.string().trim().min(1, 'Say which record the evidence is for').max(2200)
})

const Title = z.string().trim().min(1, 'Give the evidence a title').max(300)
const Note = z.string().trim().max(4000)
const By = z.string().trim().min(1).max(200)
const id = z.int().positive()

/** http and https only: a file:, javascript: or data: address is not evidence a reviewer can follow. */
export const EvidenceUrl = z
  .string()
  .trim()
  .max(2000, 'The address is longer than 2000 characters')
  .superRefine((value, ctx) => {
    let parsed: URL
    try {
      parsed = new URL(value)
    } catch {
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 200)}" is not a web address (it should start with https://)` })
      return
    }
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
      ctx.addIssue({ code: 'custom', message: `only http and https addresses can be attached as evidence, not ${parsed.protocol}` })
    } else if (!parsed.hostname) {
      ctx.addIssue({ code: 'custom', message: `"${value.slice(0, 200)}" names no host` })
    }
  })

/** Expiry after the effective date; "not in the future" needs today, so the handler checks it. */
export function checkEvidenceDates(value: { effectiveAsOf?: string | undefined; expiresOn?: string | null | undefined }, ctx: z.RefinementCtx): void {
  if (value.effectiveAsOf && value.expiresOn && value.expiresOn <= value.effectiveAsOf) {
    ctx.addIssue({
      code: 'custom',
      path: ['expiresOn'],
      message: `the evidence cannot expire (${value.expiresOn}) on or before the day it is effective as of (${value.effectiveAsOf})`
    })
  }
}

const datesShape = {
  effectiveAsOf: CalendarDate,
  expiresOn: CalendarDate.nullable().optional()
}

export const AddEvidenceFileInput = z
  .strictObject({
    target: EvidenceTargetInput,
    /** The file to attach; without it, the host's open dialog asks (null when cancelled). */
    path: filePathSchema().optional(),
    /** Defaults to the file's name. */
    title: Title.optional(),
    note: Note.default(''),
    ...datesShape,
    /** Who adds it; defaults to the organisation's contact (the security official) in the profile. */
    by: By.optional()
  })
  .superRefine(checkEvidenceDates)
export type AddEvidenceFileInput = z.input<typeof AddEvidenceFileInput>

export const AddEvidenceLinkInput = z
  .strictObject({ target: EvidenceTargetInput, url: EvidenceUrl, title: Title, note: Note.default(''), ...datesShape, by: By.optional() })
  .superRefine(checkEvidenceDates)
export type AddEvidenceLinkInput = z.input<typeof AddEvidenceLinkInput>

export const UpdateEvidenceInput = z
  .strictObject({
    id,
    title: Title.optional(),
    note: Note.optional(),
    effectiveAsOf: CalendarDate.optional(),
    expiresOn: CalendarDate.nullable().optional()
  })
  .superRefine(checkEvidenceDates)
export type UpdateEvidenceInput = z.input<typeof UpdateEvidenceInput>

export const evidenceCalls = {
  /**
   * Evidence on one target, or supporting one specification (through any target). Answers and decisions: the given
   * period's items (default the current period). Archived items only with includeArchived.
   */
  'evidence.list': defineCall<EvidenceItem[]>()(
    z
      .strictObject({
        target: EvidenceTargetInput.optional(),
        specificationId: z.string().trim().min(1).max(100).optional(),
        periodId: z.string().trim().min(1).max(40).optional(),
        includeArchived: z.boolean().default(false),
        /** Only items whose expiry has passed. */
        staleOnly: z.boolean().default(false)
      })
      .refine(value => !(value.target && value.specificationId), 'List by target or by specification, not both')
  ),
  /** Stores a file inside the workspace (streamed in 1 MiB chunks, with progress; cancelling leaves nothing behind). */
  'evidence.addFile': defineCall<EvidenceItem | null>()(AddEvidenceFileInput),
  'evidence.addLink': defineCall<EvidenceItem>()(AddEvidenceLinkInput),
  'evidence.update': defineCall<EvidenceItem>()(UpdateEvidenceInput),
  /** Takes the item off the lists; it stays in the workspace (six-year retention, 164.316(b)(2)) and is listed as archived. */
  'evidence.archive': defineCall<EvidenceItem>()(z.strictObject({ id, reason: Note.optional(), by: By.optional() })),
  /** Writes a stored file out, checking its SHA-256 on the way. Without a path, asks with the save dialog; null when cancelled. */
  'evidence.saveCopy': defineCall<{ path: string; sha256: string; size: number } | null>()(z.strictObject({ id, path: filePathSchema().optional() })),
  /** Per specification: live items, the newest effective date, how many are stale (questionnaire, pack, review). */
  'evidence.bySpecification': defineCall<EvidenceSpecificationSummary[]>()(z.strictObject({ periodId: z.string().trim().min(1).max(40).optional() }))
}
