// Runs the reading and checking of a register import (incidents, business associates) on a worker
// thread, as the scanner imports do: parsing and validating thousands of rows then never stops the
// main process from answering other calls, it reports progress, and a cancel ends the thread at once.
// The database is not touched here: the caller stores the checked rows in one transaction afterwards.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { ApiError, type ApiErrorShape } from './errors'

/** How far the checking has come: reading the file, then rows checked of the rows it holds (shaped as the API's progress updates). */
export interface RegisterCheckProgress {
  phase: 'read' | 'check'
  done?: number
  total?: number
  unit?: 'rows'
}

export interface RegisterThreadJob {
  file: string
}

type FromRegisterThread<R> =
  { type: 'progress'; progress: RegisterCheckProgress } | { type: 'done'; result: R } | { type: 'failed'; error: ApiErrorShape }

export interface RegisterThreadOptions {
  /** The bundled worker's file name (an entry of electron.vite.config.ts), looked for beside the app's main bundle. */
  bundle: string
  /** The TypeScript entry, loaded through tsx when run from source (CLI, tests, bench). */
  source: string
  signal?: AbortSignal | undefined
  onProgress?: ((progress: RegisterCheckProgress) => void) | undefined
}

/** The refusal of a cancelled import: the thread is stopped before anything is stored. */
export function registerImportCancelled(file: string): ApiError {
  return new ApiError('cancelled', `Import cancelled: nothing from "${path.basename(file)}" was imported.`)
}

/**
 * Checks the file on a worker thread and resolves with what the thread's `check` returned.
 * A refusal crosses back as the same ApiError; a cancel ends the thread and throws ApiError('cancelled').
 */
export async function checkOnRegisterThread<R>(job: RegisterThreadJob, options: RegisterThreadOptions): Promise<R> {
  const cancelled = () => registerImportCancelled(job.file)
  if (options.signal?.aborted) throw cancelled()
  const worker = startRegisterWorker(options, job)
  try {
    return await new Promise<R>((resolve, reject) => {
      const onAbort = () => reject(cancelled())
      options.signal?.addEventListener('abort', onAbort, { once: true })
      const settle = () => options.signal?.removeEventListener('abort', onAbort)
      worker.on('message', (message: FromRegisterThread<R>) => {
        if (message.type === 'progress') options.onProgress?.(message.progress)
        else if (message.type === 'done') {
          settle()
          resolve(message.result)
        } else {
          settle()
          reject(new ApiError(message.error.code, message.error.message, message.error.details))
        }
      })
      worker.on('error', (err: Error) => {
        settle()
        reject(new ApiError('internal', `Checking "${path.basename(job.file)}" failed: ${err.message}`))
      })
      worker.on('exit', code => {
        settle()
        reject(new ApiError('internal', `Checking "${path.basename(job.file)}" stopped unexpectedly (exit code ${code}).`))
      })
    })
  } finally {
    worker.removeAllListeners()
    // A late error from a thread being stopped is of no interest, but must have a listener.
    worker.on('error', () => undefined)
    await worker.terminate()
  }
}

/**
 * The worker side: runs `check` on the job this thread was started with and sends back its result, or its
 * ApiError. Called once by each register's worker entry.
 */
export function serveRegisterCheck<R>(check: (job: RegisterThreadJob, progress: (update: RegisterCheckProgress) => void) => R): void {
  const port = parentPort
  if (!port) throw new Error('a register check must run in a worker thread')
  const send = (message: FromRegisterThread<R>) => port.postMessage(message)
  try {
    send({ type: 'done', result: check(workerData as RegisterThreadJob, progress => send({ type: 'progress', progress })) })
  } catch (err) {
    const error: ApiErrorShape =
      err instanceof ApiError ? err.toShape() : { code: 'internal', message: err instanceof Error ? err.message : String(err) }
    send({ type: 'failed', error })
  }
}

/** The bundled worker next to the app's main bundle, or, run from source, the TypeScript entry through tsx. */
function startRegisterWorker(options: RegisterThreadOptions, job: RegisterThreadJob): Worker {
  // Bundled code may sit in a chunk folder below the entry's.
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const bundled = path.join(dir, options.bundle)
    if (fs.existsSync(bundled)) return new Worker(bundled, { workerData: job })
  }
  const tsx = createRequire(options.source).resolve('tsx/cjs/api')
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(options.source)})`
  return new Worker(bootstrap, { eval: true, workerData: job })
}
