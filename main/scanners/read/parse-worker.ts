// Entry of the worker thread that reads a scanner file for an import. Parsing runs
// here while the main thread stores the previous batches, so the two overlap on
// two cores instead of adding up on one. Bundled as its own file for the app
// (electron.vite.config.ts); loaded from source through tsx elsewhere.

import { parentPort, workerData } from 'node:worker_threads'
import { ImportError } from '../import-error'
import type { FromParseWorker, ParseJob, ToParseWorker } from './parse-worker-messages'
import { ScanFileReader } from './scan-reader'

/** Batches sent but not yet taken: enough to keep the main thread busy, few enough to keep memory flat. */
const MAX_UNTAKEN = 2

async function run(job: ParseJob): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('parse-worker must run in a worker thread')
  const send = (message: FromParseWorker) => port.postMessage(message)
  let untaken = 0
  let wake: (() => void) | null = null
  port.on('message', (message: ToParseWorker) => {
    if (message.type === 'taken') {
      untaken--
      wake?.()
      wake = null
    }
  })
  const reader = new ScanFileReader(job.file, {
    ...(job.batchSize ? { batchSize: job.batchSize } : {}),
    ...(job.maxDepth ? { maxDepth: job.maxDepth } : {}),
    ...(job.maxRecordBytes ? { maxRecordBytes: job.maxRecordBytes } : {}),
    onProgress: progress => send({ type: 'progress', progress })
  })
  try {
    for await (const findings of reader.batches()) {
      send({ type: 'batch', findings })
      untaken++
      while (untaken >= MAX_UNTAKEN) await new Promise<void>(resolve => (wake = resolve))
    }
    send({ type: 'done', summary: reader.summary })
  } catch (err) {
    const e = err instanceof ImportError ? err : new ImportError('unreadable', job.file, err instanceof Error ? err.message : String(err))
    send({ type: 'failed', code: e.code, file: e.file, detail: e.detail, position: e.position })
  }
  // Nothing more to say: let the thread end once the messages are out.
  port.unref()
}

void run(workerData as ParseJob)
