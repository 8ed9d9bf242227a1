import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ImportError } from '../../main/scanners/import-error'
import { readScanFile, type ReadProgress } from '../../main/scanners/read/scan-reader'
import { WorkerScanReader } from '../../main/scanners/read/worker-scan-reader'
import { writeProwlerOcsfFile } from '../backup/crash/prowler-ocsf-file'
import { tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

async function readInWorker(file: string, options: ConstructorParameters<typeof WorkerScanReader>[1] = {}) {
  const reader = new WorkerScanReader(file, options)
  const findings = []
  for await (const batch of reader.batches()) findings.push(...batch)
  return { findings, summary: reader.summary }
}

async function failureOf(read: Promise<unknown>): Promise<Pick<ImportError, 'code' | 'file' | 'detail' | 'position' | 'message'>> {
  try {
    await read
  } catch (err) {
    const e = err as ImportError
    return { code: e.code, file: e.file, detail: e.detail, position: e.position, message: e.message }
  }
  throw new Error('expected the read to fail')
}

const fixturesDir = ownFixture('.')
const formats = fs.readdirSync(fixturesDir).filter(name => fs.statSync(path.join(fixturesDir, name)).isFile())
const invalid = fs.readdirSync(path.join(fixturesDir, 'invalid'))

describe('WorkerScanReader (the import reads its file on a worker thread)', () => {
  it.each(formats)('reads %s exactly as the in-thread reader does', async name => {
    const inThread = await readScanFile(ownFixture(name))
    const inWorker = await readInWorker(ownFixture(name))
    expect(inWorker.findings.length).toBeGreaterThan(0)
    expect(inWorker).toEqual(inThread)
  })

  it.each(invalid)('rejects invalid/%s with the same error, file and position', async name => {
    const file = ownFixture(`invalid/${name}`)
    const expected = await readScanFile(file).then(
      () => null,
      (err: ImportError) => ({ code: err.code, file: err.file, detail: err.detail, position: err.position, message: err.message })
    )
    if (expected === null) {
      // Some files here are accepted as inert data (e.g. a "constructor" key): same findings then.
      expect(await readInWorker(file)).toEqual(await readScanFile(file))
    } else {
      expect(await failureOf(readInWorker(file))).toEqual(expected)
    }
  })

  it('forwards progress in bytes and findings, ending at the file size', async () => {
    const updates: ReadProgress[] = []
    const { summary } = await readInWorker(ownFixture('prowler-v5.ocsf.json'), { onProgress: p => updates.push(p) })
    expect(updates.at(-1)).toEqual({ bytesRead: summary.bytes, bytesTotal: summary.bytes, findings: summary.findings })
  })

  it('stops with a cancelled error when aborted part way, and ends its thread', async () => {
    const file = path.join(tempDir(), 'large.ocsf.json')
    writeProwlerOcsfFile(file, 20_000)
    const controller = new AbortController()
    const reader = new WorkerScanReader(file, { signal: controller.signal, batchSize: 500 })
    let taken = 0
    const failure = await failureOf(
      (async () => {
        for await (const batch of reader.batches()) {
          taken += batch.length
          controller.abort()
        }
      })()
    )
    expect(failure.code).toBe('cancelled')
    expect(taken).toBeGreaterThan(0)
    expect(taken).toBeLessThan(20_000)
    expect(process.getActiveResourcesInfo()).not.toContain('Worker')
  })

  it('keeps its batches flowing only as fast as they are taken (memory stays flat)', async () => {
    const file = path.join(tempDir(), 'flow.ocsf.json')
    writeProwlerOcsfFile(file, 6_000)
    const updates: ReadProgress[] = []
    const reader = new WorkerScanReader(file, { batchSize: 500, onProgress: p => updates.push(p) })
    const iterator = reader.batches()
    await iterator.next()
    // Hold the first batch: the worker may read ahead by a few batches, never the whole file.
    await new Promise(resolve => setTimeout(resolve, 500))
    const ahead = Math.max(...updates.map(u => u.findings))
    expect(ahead).toBeLessThan(6_000)
    let rest = 0
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) rest += next.value.length
    expect(reader.summary.findings).toBe(6_000)
    expect(rest).toBeGreaterThan(0)
  })
})
