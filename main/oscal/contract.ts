// The OSCAL export's call: zod input and plain result types only (the renderer imports this).
import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { filePathSchema } from '../shared/schemas'

export interface OscalFile {
  path: string
  bytes: number
  /** `assessment-results` or `plan-of-action-and-milestones`. */
  model: string
}

export interface OscalExportResult {
  dir: string
  files: OscalFile[]
  observations: number
  findings: number
  risks: number
  poamItems: number
}

export const oscalCalls = {
  /** Writes the period's OSCAL 1.2.1 assessment results and POA&M (JSON) into a folder; asks for the folder when none is given (null if cancelled). */
  'documents.exportOscal': defineCall<OscalExportResult | null>()(
    z.strictObject({ dir: filePathSchema().optional(), periodId: z.string().min(1).max(20).optional() })
  )
}
