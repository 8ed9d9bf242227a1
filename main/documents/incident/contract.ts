import { z } from 'zod'
import { defineCall } from '../../api/define-call'
import { filePathSchema } from '../../shared/schemas'
import type { Openable, PdfResult, WrittenFile } from '../contract'
import { LETTER_KIND_IDS, LETTER_KINDS, type LetterKind } from './letter-kinds'

/** An incident's documents: letter drafts (DOCX) and the 164.414(b) documentation export (PDF). Zod and types only. */

export { LETTER_KIND_IDS, LETTER_KINDS, type LetterKind }

export interface LetterDraftResult extends WrittenFile, Openable {
  kind: LetterKind
  /** What the person must complete, as marked in the draft ("[to complete: …]"), in order. */
  toComplete: string[]
}

const id = z.int().positive()
const filePath = filePathSchema()

export const incidentDocumentCalls = {
  /** The letter drafts this incident calls for (a media notice only for a state over 500; the covered-entity notice only for a business associate). */
  'documents.incidentLetterKinds': defineCall<{ kind: LetterKind; label: string; citation: string }[]>()(z.strictObject({ id })),
  /** Writes a letter draft for the incident as a Word document; asks where when no path is given (null if cancelled). Sends nothing. */
  'documents.incidentLetter': defineCall<LetterDraftResult | null>()(
    z.strictObject({ id, kind: z.enum(LETTER_KIND_IDS), path: filePath.optional() })
  ),
  /** Writes the incident's documentation (45 CFR 164.414(b)) as a PDF; asks where when no path is given (null if cancelled). */
  'documents.incidentDocumentation': defineCall<PdfResult | null>()(z.strictObject({ id, path: filePath.optional() }))
}
