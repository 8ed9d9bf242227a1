// Runs the reading and checking of a register import (incidents, business associates) on a worker
// thread, as the scanner imports do: parsing and validating thousands of rows then never stops the
// main process from answering other calls, it reports progress, and a cancel ends the thread at once.
// A small file is checked on the calling thread instead (as map layouts are): starting a thread costs
// more than checking it. The database is not touched here: the caller stores the checked rows in one
// transaction afterwards.

import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import { ApiError, type ApiErrorShape } from './errors'

/**
 * Files below this size are checked on the calling thread. 256 KB is about a thousand rows, checked in tens of
 * milliseconds; a thread takes about as long to start in the app and several times longer run from source.
 */
export const CHECK_ON_THREAD_FROM_BYTES = 256 * 1024

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

/** Reads and checks a register file, reporting progress; throws an ApiError to refuse it. */
export type RegisterCheck<R> = (file: string, progress: (update: RegisterCheckProgress) => void) => R | Promise<R>

export interface RegisterThreadOptions<R> {
  /** The check itself: what the worker entry serves, and what runs here for a small file. */
  check: RegisterCheck<R>
  /** The bundled worker's file name (an entry of electron.vite.config.ts), looked for beside the app's main bundle. */
  bundle: string
  /** The TypeScript entry, loaded through tsx when run from source (CLI, tests, bench). */
  source: string
  signal?: AbortSignal | undefined
  onProgress?: ((progress: RegisterCheckProgress) => void) | undefined
}

/** The refusal of a cancelled import: the thread is stopped before anything is stored. */
function cancelledImport(file: string): ApiError {
  return new ApiError('cancelled', `Import cancelled: nothing from "${path.basename(file)}" was imported.`)
}

/**
 * Checks the file, on a worker thread when it is large, and resolves with what `check` returned.
 * A refusal crosses back as the same ApiError; a cancel ends the thread and throws ApiError('cancelled').
 */
export async function checkRegisterFile<R>(file: string, options: RegisterThreadOptions<R>): Promise<R> {
  if (options.signal?.aborted) throw cancelledImport(file)
  const result =
    sizeOf(file) < CHECK_ON_THREAD_FROM_BYTES
      ? await options.check(file, progress => options.onProgress?.(progress))
      : await checkOnThread({ file }, options)
  // A cancel during a check on this thread, or one that arrived with the thread's answer, still counts: nothing is stored yet.
  if (options.signal?.aborted) throw cancelledImport(file)
  return result
}

async function checkOnThread<R>(job: RegisterThreadJob, options: RegisterThreadOptions<R>): Promise<R> {
  const cancelled = () => cancelledImport(job.file)
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
export async function serveRegisterCheck<R>(check: RegisterCheck<R>): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('a register check must run in a worker thread')
  const send = (message: FromRegisterThread<R>) => port.postMessage(message)
  try {
    send({ type: 'done', result: await check((workerData as RegisterThreadJob).file, progress => send({ type: 'progress', progress })) })
  } catch (err) {
    const error: ApiErrorShape =
      err instanceof ApiError ? err.toShape() : { code: 'internal', message: err instanceof Error ? err.message : String(err) }
    send({ type: 'failed', error })
  }
}

/** The file's size, or 0 when it cannot be seen: then the check on this thread names the problem. */
function sizeOf(file: string): number {
  try {
    return fs.lstatSync(file).size
  } catch {
    return 0
  }
}

/** The bundled worker next to the app's main bundle, or, run from source, the TypeScript entry through tsx. */
function startRegisterWorker(options: RegisterThreadOptions<unknown>, job: RegisterThreadJob): Worker {
  // Bundled code may sit in a chunk folder below the entry's.
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const bundled = path.join(dir, options.bundle)
    if (fs.existsSync(bundled)) return new Worker(bundled, { workerData: job })
  }
  const tsx = createRequire(options.source).resolve('tsx/cjs/api')
  const bootstrap = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(options.source)})`
  return new Worker(bootstrap, { eval: true, workerData: job })
}
