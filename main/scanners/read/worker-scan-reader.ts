// Reads a scanner file on a worker thread and hands its batches to the caller on
// this thread: the import's parse and its inserts run at the same time.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { NormalizedFinding, ReadSummary } from '../finding.types'
import { ImportError } from '../import-error'
import type { FromParseWorker, ParseJob, ToParseWorker } from './parse-worker-messages'
import type { ReadOptions } from './scan-reader'

/** The bundled worker's file name (an entry of electron.vite.config.ts). */
export const PARSE_WORKER_BUNDLE = 'scan-parse-worker.js'

export class WorkerScanReader {
  private result: ReadSummary | null = null

  constructor(
    readonly file: string,
    private readonly options: ReadOptions = {}
  ) {}

  get summary(): ReadSummary {
    if (!this.result) throw new Error('the file has not been read to the end yet')
    return this.result
  }

  async *batches(): AsyncGenerator<NormalizedFinding[]> {
    const { signal, onProgress, ...limits } = this.options
    if (signal?.aborted) throw cancelled(this.file)
    const job: ParseJob = { file: this.file, ...limits }
    const worker = startParseWorker(job)
    const inbox: FromParseWorker[] = []
    let failure: ImportError | null = null
    let notify: (() => void) | null = null
    const wake = () => {
      notify?.()
      notify = null
    }
    worker.on('message', (message: FromParseWorker) => {
      inbox.push(message)
      wake()
    })
    worker.on('error', (err: Error) => {
      failure ??= new ImportError('unreadable', this.file, `the reader failed: ${err.message}`)
      wake()
    })
    worker.on('exit', code => {
      failure ??= new ImportError('unreadable', this.file, `the reader stopped unexpectedly (exit code ${code})`)
      wake()
    })
    const onAbort = () => {
      failure = cancelled(this.file)
      wake()
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      for (;;) {
        const message = inbox.shift()
        if (!message) {
          // A cancel or a dead worker only counts once the messages before it are handled.
          if (failure) throw failure
          await new Promise<void>(resolve => (notify = resolve))
          continue
        }
        if (signal?.aborted) throw cancelled(this.file)
        if (message.type === 'progress') onProgress?.(message.progress)
        else if (message.type === 'batch') {
          worker.postMessage({ type: 'taken' } satisfies ToParseWorker)
          yield message.findings
        } else if (message.type === 'done') {
          this.result = message.summary
          return
        } else throw new ImportError(message.code, message.file, message.detail, message.position)
      }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      worker.removeAllListeners()
      // A late error from a thread being stopped is of no interest, but must have a listener.
      worker.on('error', () => undefined)
      await worker.terminate()
    }
  }
}

function cancelled(file: string): ImportError {
  return new ImportError('cancelled', file, 'import cancelled')
}

/**
 * Starts the reading thread: the bundled worker next to the app's main bundle,
 * or, run from source (CLI, tests, bench), the TypeScript entry through tsx.
 */
function startParseWorker(job: ParseJob): Worker {
  // No old-generation limit: V8 cannot stop a JSON.parse part way, so a heap limit on
  // the thread can end the whole process instead of the thread (seen with a 12 MB record
  // of three million objects); the record size limit bounds each parse instead. A small
  // young generation keeps the thread's short-lived records from growing the process
  // (peak RSS about 30 MB lower in `npm run bench -- import`, same speed).
  const options = { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 16 } }
  // Bundled code may sit in a chunk folder below the entry's.
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const bundled = path.join(dir, PARSE_WORKER_BUNDLE)
    if (fs.existsSync(bundled)) return new Worker(bundled, options)
  }
  const entry = path.join(__dirname, 'parse-worker.ts')
  const tsx = createRequire(entry).resolve('tsx/cjs/api')
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)})`
  return new Worker(bootstrap, { ...options, eval: true })
}
