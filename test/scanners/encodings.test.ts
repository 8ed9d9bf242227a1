import { describe, expect, it } from 'vitest'
import { ImportError } from '../../main/scanners/import-error'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { ownFixture } from './fixture-paths'

describe('encodings', () => {
  it.each([
    ['encodings/securityhub-utf16le-bom.json', 'utf-16le'],
    ['encodings/securityhub-utf16be-bom.json', 'utf-16be']
  ])('reads %s (UTF-16 with BOM, CRLF) like its UTF-8 original', async (file, encoding) => {
    const original = await readScanFile(ownFixture('securityhub-get-findings-page2-lowercase.json'))
    const { findings, summary } = await readScanFile(ownFixture(file))
    expect(summary.encoding).toBe(encoding)
    expect(findings).toEqual(original.findings)
  })

  it('reads UTF-8 with a BOM, keeping non-ASCII text intact', async () => {
    const { findings, summary } = await readScanFile(ownFixture('encodings/prowler-v3-utf8-bom.json'))
    expect(summary.encoding).toBe('utf-8-bom')
    expect(findings[0]?.remediationText).toBe('Chiffrer le volume — «é»')
  })

  it('reads a CSV with a BOM and CRLF line ends', async () => {
    const { findings, summary } = await readScanFile(ownFixture('encodings/prowler-v5-utf8-bom-crlf.csv'))
    expect(summary.encoding).toBe('utf-8-bom')
    expect(findings.map(f => f.checkId)).toEqual([
      's3_bucket_default_encryption',
      'cloudtrail_multi_region_enabled',
      'account_maintain_current_contact_details'
    ])
  })

  it('reads NDJSON with CRLF line ends', async () => {
    const { findings, summary } = await readScanFile(ownFixture('encodings/prowler-v2-crlf.ndjson'))
    expect(summary.format).toBe('prowler-v2-ndjson')
    expect(findings.map(f => f.checkId)).toEqual(['2.1', 'extra72', '2.1', 'extra72'])
  })

  it('rejects UTF-16 that does not decode', async () => {
    await expect(readScanFile(ownFixture('encodings/prowler-v3-utf16le-bad.json'))).rejects.toMatchObject({ code: 'bad-encoding' })
    await expect(readScanFile(ownFixture('encodings/prowler-v3-utf16le-bad.json'))).rejects.toBeInstanceOf(ImportError)
  })
})
