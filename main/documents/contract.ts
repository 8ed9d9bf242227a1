// The documents' calls: zod inputs and plain output types only (the renderer imports this).
import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { PACK_SECTIONS, type PackSectionId } from './evidence-pack/sections'
import { filePathSchema } from '../shared/schemas'

// Re-exported for the renderer, which imports contracts only.
export type { PackSectionId }

export const PACK_SECTION_CHOICES = PACK_SECTIONS.map(s => s.id) as [PackSectionId, ...PackSectionId[]]

export interface PolicyPreview {
  id: string
  number: string
  title: string
  kind: 'policy' | 'procedure' | 'plan'
  /** 'override' when the workspace's own edited copy is used. */
  source: 'built-in' | 'override'
  citations: number
}

export interface SectionPreview {
  id: string
  title: string
  /** False when the workspace holds nothing for it: the document then says "not recorded". */
  hasData: boolean
  /** What it will show, in a few words ("68 requirements", "3 agreements"). */
  detail: string
}

export interface DocumentsPreview {
  organization: string
  period: { label: string; start: string; end: string }
  previousPeriod: string | null
  policies: PolicyPreview[]
  /** Where edited policy templates are read from, for this workspace. */
  policyOverrideDir: string
  /** Policy values no assessment answer gave, so the template's default is used. */
  defaultedValues: string[]
  pack: SectionPreview[]
  review: SectionPreview[]
}

export interface WrittenFile {
  path: string
  bytes: number
}

/** A file or folder this run wrote, which the window may ask to open or show by this id (never by a path it names). */
export interface Openable {
  openId: string
}

export interface PoliciesResult extends Openable {
  dir: string
  files: Array<WrittenFile & { number: string; title: string }>
}

export interface PdfResult extends WrittenFile, Openable {
  pages: number
  /** Why the document is marked DRAFT on every page, or empty when it was ready to send. */
  draftReasons: string[]
  /** The SHA-256 fingerprint of the certificate the PDF is signed with; null for an unsigned copy. Packs and reviews only. */
  signedWith?: string | null
  /** The folder the evidence files and the manifest were exported to beside the pack, when asked for. */
  evidenceDir?: string | null
}

export interface ProcurementExport extends WrittenFile, Openable {
  answers: number
}

/** The pack as it would be written now: its page count and where each section starts, without saving anything. */
export interface PackOutline {
  pages: number
  sections: Array<{ title: string; page: number }>
  /** Why it would be marked DRAFT; empty when ready to send. */
  draftReasons: string[]
}

/** Whether the documents are ready to send, and if not, what is missing (each a count). */
export interface DocumentReadiness {
  ready: boolean
  /** The assessment period read (its id, which is also its label, e.g. '2026'). */
  period: string
  questions: { applicable: number; answered: number; unanswered: number }
  /** Addressable specifications answered without a recorded decision. */
  decisionsMissing: number
  /** Families with applicable questions, and how many a reviewer signed off with no change since. */
  signOffs: { families: number; signedOff: number }
  /** The newest scan and its age in days; null when no scan was imported (scans are optional evidence). */
  evidence: { newestScanOn: string; ageDays: number; stale: boolean } | null
  /** Each thing missing, in a few words ("42 of 55 questions not answered"); empty when ready. */
  reasons: string[]
}

const filePath = filePathSchema()
const OPEN_ID = z.string().uuid()
const periodId = z.string().trim().min(1).max(40).optional()

export const documentsCalls = {
  /** What each document will contain for the open workspace, without writing anything. */
  'documents.preview': defineCall<DocumentsPreview>()(z.strictObject({ periodId })),
  /** Writes the policy set as Word documents into a folder; asks for the folder when none is given (null if cancelled). */
  'documents.generatePolicies': defineCall<PoliciesResult | null>()(
    z.strictObject({
      dir: filePath.optional(),
      periodId,
      version: z.string().trim().min(1).max(20).default('1.0'),
      approver: z.string().trim().max(200).optional(),
      /** Only these documents (ids); default all. */
      only: z.array(z.string().min(1).max(80)).max(100).optional()
    })
  ),
  /** Writes the evidence pack PDF; asks where when no path is given (null if cancelled). */
  'documents.generatePack': defineCall<PdfResult | null>()(
    z.strictObject({
      path: filePath.optional(),
      periodId,
      redact: z.boolean().default(false),
      sections: z.array(z.enum(PACK_SECTION_CHOICES)).min(1).optional(),
      /** The PDF before signing (to compare copies byte for byte: reproducibility is defined on these bytes). */
      unsigned: z.boolean().default(false),
      /** The evidence files: listed in the manifest only, embedded in the PDF too, or exported beside it into `<pack>-evidence/`. */
      evidenceFiles: z.enum(['listed', 'embedded', 'folder']).default('listed')
    })
  ),
  /** Composes the evidence pack in memory (nothing is saved) and answers with its outline: pages and where each section starts. */
  'documents.packOutline': defineCall<PackOutline>()(
    z.strictObject({ periodId, redact: z.boolean().default(false), sections: z.array(z.enum(PACK_SECTION_CHOICES)).min(1).optional() })
  ),
  /** Writes the annual review PDF; asks where when no path is given (null if cancelled). */
  'documents.generateReview': defineCall<PdfResult | null>()(
    z.strictObject({ path: filePath.optional(), periodId, unsigned: z.boolean().default(false) })
  ),
  /** Whether the pack and the annual review are ready to send, or would be marked DRAFT, and why. */
  'documents.readiness': defineCall<DocumentReadiness>()(z.strictObject({ periodId })),
  /** Writes the three procurement answers with their citations to a CSV file; asks where when no path is given (null if cancelled). */
  'documents.exportProcurement': defineCall<ProcurementExport | null>()(z.strictObject({ path: filePath.optional(), periodId })),
  /** Puts one procurement answer (or all three) on the clipboard as plain text with citations; answers with that text. */
  'documents.copyProcurement': defineCall<{ text: string }>()(
    z.strictObject({ answer: z.enum(['baa', 'services', 'minimumNecessary']).optional(), periodId })
  ),
  /** Opens a file or folder this run wrote (by the id its result gave) in the program the system chooses. */
  'documents.openWritten': defineCall<null>()(z.strictObject({ openId: OPEN_ID })),
  /** Shows a file this run wrote in the system's file manager. */
  'documents.showWritten': defineCall<null>()(z.strictObject({ openId: OPEN_ID })),
  /** Copies a built-in policy template into the workspace's override folder for editing; returns its path. */
  'documents.customizePolicy': defineCall<{ path: string }>()(z.strictObject({ id: z.string().trim().min(1).max(80) }))
}
