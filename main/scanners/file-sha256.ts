import { Worker } from 'node:worker_threads'

// Runs in a worker thread: hashing a multi-GB file on the main thread would add
// its whole cost to the import; on another core it overlaps with the parse.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createHash } = require('node:crypto')
const { createReadStream } = require('node:fs')
const hash = createHash('sha256')
createReadStream(workerData.file, { highWaterMark: 4 << 20 })
  .on('data', (chunk) => hash.update(chunk))
  .on('error', (err) => parentPort.postMessage({ error: String(err && err.message || err) }))
  .on('end', () => parentPort.postMessage({ sha256: hash.digest('hex') }))
`

/** SHA-256 of a file, computed on a worker thread. */
export function fileSha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file } })
    worker.once('message', (msg: { sha256?: string; error?: string }) => {
      void worker.terminate()
      if (msg.sha256) resolve(msg.sha256)
      else reject(new Error(`cannot hash ${file}: ${msg.error ?? 'unknown error'}`))
    })
    worker.once('error', reject)
  })
}
