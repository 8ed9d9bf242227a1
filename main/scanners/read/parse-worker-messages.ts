// Messages between an import (main thread) and the worker thread that reads its file.

import type { NormalizedFinding, ReadSummary } from '../finding.types'
import type { ImportErrorCode, ImportErrorPosition } from '../import-error'
import type { ReadProgress } from './scan-reader'

/** What the worker is asked to read (its workerData). */
export interface ParseJob {
  file: string
  batchSize?: number
  maxDepth?: number
  maxRecordBytes?: number
}

export type FromParseWorker =
  | { type: 'batch'; findings: NormalizedFinding[] }
  | { type: 'progress'; progress: ReadProgress }
  | { type: 'done'; summary: ReadSummary }
  | { type: 'failed'; code: ImportErrorCode; file: string; detail: string; position: ImportErrorPosition }

/** The main thread has taken one batch: the worker may read one more. */
export type ToParseWorker = { type: 'taken' }
