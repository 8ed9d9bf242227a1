// A 200 MB evidence file streams in and out in 1 MiB chunks: the process never holds it whole (peak RSS growth far
// below the file's size), and the copy written back out has the same SHA-256.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { createTestWorkspace } from '../helpers/workspace'

const MB = 1024 * 1024
const FILE_BYTES = 200 * MB

/** Writes `bytes` of varied content (each MiB differs) through a stream, returning its SHA-256. */
async function writeLargeFile(file: string, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  const out = fs.createWriteStream(file)
  const block = Buffer.alloc(MB)
  for (let written = 0; written < bytes; written += MB) {
    block.writeUInt32LE(written / MB, 0)
    block.fill(written / MB, 4, 4096)
    hash.update(block)
    if (!out.write(block)) await new Promise<void>(resolve => out.once('drain', () => resolve()))
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
  return hash.digest('hex')
}

describe('evidence streaming', () => {
  it('imports and exports a 200 MB file without holding it in memory', { timeout: 240_000 }, async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-12-07T12:00:00Z') })
    const question = readCatalog().questions[0]!
    const source = path.join(ws.dir, 'database-export.bin')
    const expected = await writeLargeFile(source, FILE_BYTES)

    global.gc?.()
    const baseline = process.memoryUsage().rss
    let peak = baseline
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
    const progress: number[] = []
    const item = await ws.call(
      'evidence.addFile',
      { target: { kind: 'answer', id: question.id }, path: source, effectiveAsOf: '2026-12-01' },
      { onProgress: update => (sample(), progress.push(update.done ?? 0)) }
    )
    expect(item).toMatchObject({ sha256: expected, size: FILE_BYTES })
    expect(progress.at(-1)).toBe(FILE_BYTES)
    expect(progress.length).toBeGreaterThan(100)

    fs.rmSync(source)
    const copy = path.join(ws.dir, 'copy.bin')
    await ws.call('evidence.saveCopy', { id: item!.id, path: copy }, { onProgress: sample })
    sample()
    const growth = peak - baseline
    expect(growth, `peak RSS grew ${Math.round(growth / MB)} MB for a ${FILE_BYTES / MB} MB file`).toBeLessThan(100 * MB)

    const copied = createHash('sha256')
    for await (const chunk of fs.createReadStream(copy)) copied.update(chunk as Buffer)
    expect(copied.digest('hex')).toBe(expected)
    expect(fs.statSync(copy).size).toBe(FILE_BYTES)
  })
})
