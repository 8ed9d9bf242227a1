// Entry of the worker thread that runs elkjs for large drawings, so a layout of
// seconds never holds up the calls the main process answers meanwhile. Bundled
// as its own file for the app (electron.vite.config.ts); loaded from source through tsx elsewhere.

import ELK from 'elkjs/lib/elk.bundled.js'
import { parentPort } from 'node:worker_threads'
import type { FromElkWorker, ToElkWorker } from './elk-worker-messages'

const port = parentPort
if (!port) throw new Error('elk-worker must run in a worker thread')
const elk = new ELK()

port.on('message', (job: ToElkWorker) => {
  elk.layout(job.graph).then(
    laid => port.postMessage({ id: job.id, laid } satisfies FromElkWorker),
    (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) } satisfies FromElkWorker)
  )
})
