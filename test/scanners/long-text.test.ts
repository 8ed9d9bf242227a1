import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { capFindingText, MAX_FIELD_CHARS, MAX_KEY_CHARS } from '../../main/scanners/read/long-text'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { normalizedFinding } from '../helpers/normalized-finding'
import { tempDir } from '../helpers/workspace'

const base = normalizedFinding()

describe('capFindingText', () => {
  it('returns the same finding when nothing is too long', () => {
    expect(capFindingText(base)).toBe(base)
  })

  it('keeps the first characters of a long field and says how many were left out', () => {
    const capped = capFindingText({ ...base, statusDetail: 'x'.repeat(MAX_FIELD_CHARS + 500) })
    expect(capped.statusDetail).toBe(`${'x'.repeat(MAX_FIELD_CHARS)}… [500 more characters not kept]`)
    expect(capped.title).toBe(base.title)
  })

  it('keeps long keys apart: two resources sharing a long prefix get different keys', () => {
    const prefix = 'r'.repeat(MAX_KEY_CHARS * 2)
    const a = capFindingText({ ...base, findingKey: `${prefix}-a` })
    const b = capFindingText({ ...base, findingKey: `${prefix}-b` })
    expect(a.findingKey.length).toBeLessThan(MAX_KEY_CHARS + 100)
    expect(a.findingKey).not.toBe(b.findingKey)
    expect(capFindingText({ ...base, findingKey: `${prefix}-a` }).findingKey).toBe(a.findingKey)
  })
})

describe('reading a file with an overlong field', () => {
  it('imports the finding with the text shortened and a warning that names the record', async () => {
    const file = path.join(tempDir(), 'long.ocsf.json')
    const record = (detail: string) => ({
      metadata: { event_code: 's3_bucket_default_encryption', product: { name: 'Prowler', version: '5.0.0' } },
      status_code: 'FAIL',
      status_detail: detail,
      severity: 'High',
      class_uid: 2004,
      finding_info: { title: 'S3 default encryption' },
      resources: [{ uid: 'arn:aws:s3:::a' }],
      cloud: { account: { uid: '111122223333' }, region: 'us-east-1', provider: 'aws' }
    })
    fs.writeFileSync(file, JSON.stringify([record('short'), record('y'.repeat(1024 * 1024))], null, 2))
    const { findings, summary } = await readScanFile(file)
    expect(findings.map(f => f.statusDetail?.length)).toEqual([
      5,
      MAX_FIELD_CHARS + `… [${1024 * 1024 - MAX_FIELD_CHARS} more characters not kept]`.length
    ])
    expect(summary.warnings).toEqual([
      expect.stringMatching(/^1 finding had text longer than 16,384 characters, kept shortened \(first: record 1 at byte \d+\)$/)
    ])
  })
})
