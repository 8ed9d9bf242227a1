import path from 'node:path'
import type { ProgressUpdate } from '../api/define-call'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { writeExportFile } from '../shared/export-file'
import { buildAssessmentResults } from './assessment-results'
import type { OscalExportResult, OscalFile } from './contract'
import { buildPoam } from './poam'
import { readOscalData } from './read-oscal-data'

export const ASSESSMENT_RESULTS_FILE = 'assessment-results.json'
export const POAM_FILE = 'poam.json'

/** Both documents as text: 2-space JSON with a final newline, the same bytes for the same state. */
export function oscalDocuments(db: Db, now: string, periodId?: string) {
  const data = readOscalData(db, now, periodId)
  const results = buildAssessmentResults(data)
  const poam = buildPoam(data)
  return { data, results, poam, texts: [JSON.stringify(results, null, 2) + '\n', JSON.stringify(poam, null, 2) + '\n'] as const }
}

export function exportOscal(
  db: Db,
  options: {
    dir: string
    now: string
    periodId?: string | undefined
    signal?: AbortSignal
    progress?: (update: ProgressUpdate) => void
  }
): OscalExportResult {
  const { results, poam, texts } = oscalDocuments(db, options.now, options.periodId)
  const files = [
    { name: ASSESSMENT_RESULTS_FILE, model: 'assessment-results', text: texts[0] },
    { name: POAM_FILE, model: 'plan-of-action-and-milestones', text: texts[1] }
  ]
  // The documents are built before anything is written: a cancel then writes nothing. The two writes take milliseconds and are
  // not interrupted, so the folder never holds one new file beside an old one.
  if (options.signal?.aborted) throw new ApiError('cancelled', 'The OSCAL export was cancelled; nothing was written.')
  const written: OscalFile[] = files.map((file, index) => {
    options.progress?.({ phase: 'writing', done: index, total: files.length, message: `Writing ${file.name}` })
    return { path: writeExportFile(path.join(options.dir, file.name), file.text), bytes: Buffer.byteLength(file.text), model: file.model }
  })
  const result = results['assessment-results'].results[0]!
  return {
    dir: options.dir,
    files: written,
    observations: result.observations?.length ?? 0,
    findings: result.findings?.length ?? 0,
    risks: result.risks?.length ?? 0,
    poamItems: poam['plan-of-action-and-milestones']['poam-items'].length
  }
}
