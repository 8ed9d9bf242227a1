import { describe, expect, it } from 'vitest'
import { ScanFileReader, type ReadProgress } from '../../main/scanners/read/scan-reader'
import { ownFixture } from './fixture-paths'

describe('ScanFileReader', () => {
  it('reports progress in bytes and findings, ending at the file size', async () => {
    const updates: ReadProgress[] = []
    const reader = new ScanFileReader(ownFixture('prowler-v5.ocsf.json'), { onProgress: p => updates.push(p) })
    for await (const batch of reader.batches()) expect(batch.length).toBeGreaterThan(0)
    const last = updates[updates.length - 1]
    expect(last).toEqual({ bytesRead: reader.summary.bytes, bytesTotal: reader.summary.bytes, findings: 4 })
  })

  it('yields batches of about the requested size', async () => {
    const reader = new ScanFileReader(ownFixture('scoutsuite_results_aws-555566667777.js'), { batchSize: 1 })
    const sizes: number[] = []
    for await (const batch of reader.batches()) sizes.push(batch.length)
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(reader.summary.findings)
  })

  it('stops with a cancelled error when the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const reader = new ScanFileReader(ownFixture('prowler-v5.ocsf.json'), { signal: controller.signal })
    await expect(async () => {
      for await (const _ of reader.batches()) void _
    }).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('has no summary before the file is read', () => {
    expect(() => new ScanFileReader(ownFixture('prowler-v5.ocsf.json')).summary).toThrow(/not been read/)
  })
})
