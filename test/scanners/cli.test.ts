import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

async function newWorkspace(): Promise<string> {
  const file = path.join(tempDir(), 'clinic.safeguard')
  const init = await runSafeguard(['init', file, '--org', 'Lakeside Dental', '--unencrypted'])
  expect(init.code).toBe(0)
  return file
}

describe('safeguard import / findings', () => {
  it('imports files, printing per file format, counts and specifications as JSON only', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('prowler-v5.ocsf.json'), ownFixture('prowler-v3-crlf.csv'), '--json'])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const reports = JSON.parse(run.stdout)
    expect(reports).toEqual([
      expect.objectContaining({
        file: ownFixture('prowler-v5.ocsf.json'),
        format: 'prowler-ocsf',
        findings: 4,
        passed: 1,
        failed: 2,
        specifications: expect.arrayContaining(['164.312(a)(2)(iv)'])
      }),
      expect.objectContaining({
        file: ownFixture('prowler-v3-crlf.csv'),
        format: 'prowler-csv',
        findings: 2,
        passed: 1,
        failed: 1,
        specifications: expect.arrayContaining(['164.312(d)'])
      })
    ])
  })

  it('exits non-zero with a message on stderr when a file is rejected; the other files still import', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('invalid/syntax-error.json'), ownFixture('prowler-v2.ndjson'), '--json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/syntax-error\.json \(line 2, byte 4, record 0\): invalid JSON/)
    const reports = JSON.parse(run.stdout)
    expect(reports[0]).toMatchObject({ error: { code: 'not-json', line: 2 } })
    expect(reports[1]).toMatchObject({ format: 'prowler-v2-ndjson', findings: 2 })
    const list = await runSafeguard(['findings', ws, '--json'])
    expect(JSON.parse(list.stdout).total).toBe(2)
  })

  it('lists findings by specification and status', async () => {
    const ws = await newWorkspace()
    await runSafeguard(['import', ws, ownFixture('prowler-v5.ocsf.json')])
    const run = await runSafeguard(['findings', ws, '--spec', '164.312(a)(2)(iv)', '--status', 'failed', '--json'])
    expect(run.code).toBe(0)
    const page = JSON.parse(run.stdout)
    expect(page.total).toBe(1)
    expect(page.findings[0]).toMatchObject({ checkId: 's3_bucket_default_encryption', resourceId: 'arn:aws:s3:::patient-scans', status: 'failed' })
    const text = await runSafeguard(['findings', ws, '--status', 'failed'])
    expect(text.stdout).toMatch(/failed +medium +s3_bucket_default_encryption +arn:aws:s3:::patient-scans/)
    const bad = await runSafeguard(['findings', ws, '--spec', 'not-a-citation'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/164\.312\(a\)\(2\)\(iv\)/)
  })
})
