// Runs elkjs on a worker thread once a drawing is large (elkjs is synchronous
// JavaScript: a layout of a few hundred boxes takes seconds and would otherwise
// stop the main process from answering any other call). Small drawings, the
// usual case, are laid out here, where starting a thread would cost more than the layout.

import ELK, { type ElkNode } from 'elkjs/lib/elk.bundled.js'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FromElkWorker, ToElkWorker } from './elk-worker-messages'

/** The bundled worker's file name (an entry of electron.vite.config.ts). */
export const ELK_WORKER_BUNDLE = 'map-layout-worker.js'
/** Boxes and lines above which the layout runs on the worker thread. */
export const OFF_THREAD_ABOVE = 120

let worker: Worker | null = null
let nextId = 1
const waiting = new Map<number, { resolve(laid: ElkNode): void; reject(err: Error): void }>()

export function elkGraphSize(graph: ElkNode): number {
  let size = (graph.edges ?? []).length
  for (const child of graph.children ?? []) size += 1 + elkGraphSize(child)
  return size
}

/** Lays the graph out, on the worker thread when it has more than `offThreadAbove` boxes and lines. */
export async function runElk(graph: ElkNode, options: { offThreadAbove?: number } = {}): Promise<ElkNode> {
  if (elkGraphSize(graph) <= (options.offThreadAbove ?? OFF_THREAD_ABOVE)) return new ELK().layout(graph)
  const thread = layoutThread()
  const id = nextId++
  return new Promise<ElkNode>((resolve, reject) => {
    waiting.set(id, { resolve, reject })
    // Only while a layout is waiting does the thread keep the process alive (CLI and tests end without it).
    thread.ref()
    thread.postMessage({ id, graph } satisfies ToElkWorker)
  })
}

/** The one layout thread, started on first use and kept (elkjs gets faster once warmed up). */
function layoutThread(): Worker {
  if (worker) return worker
  const started = startElkWorker()
  started.unref()
  started.on('message', (message: FromElkWorker) => {
    const caller = waiting.get(message.id)
    waiting.delete(message.id)
    if (waiting.size === 0) started.unref()
    if (!caller) return
    if ('error' in message) caller.reject(new Error(`The map layout failed: ${message.error}`))
    else caller.resolve(message.laid)
  })
  const fail = (err: Error) => {
    if (worker === started) worker = null
    for (const caller of waiting.values()) caller.reject(err)
    waiting.clear()
  }
  started.on('error', err => fail(new Error(`The map layout thread failed: ${err.message}`)))
  started.on('exit', code => fail(new Error(`The map layout thread stopped (exit code ${code})`)))
  worker = started
  return started
}

/** The bundled worker next to the app's main bundle, or, run from source (CLI, tests, bench), the TypeScript entry through tsx. */
function startElkWorker(): Worker {
  // Bundled code may sit in a chunk folder below the entry's.
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const bundled = path.join(dir, ELK_WORKER_BUNDLE)
    if (fs.existsSync(bundled)) return new Worker(bundled)
  }
  const entry = path.join(__dirname, 'elk-worker.ts')
  const tsx = createRequire(entry).resolve('tsx/cjs/api')
  return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)})`, { eval: true })
}
