import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportError } from '../../main/scanners/import-error'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

async function failure(name: string, options = {}): Promise<ImportError> {
  try {
    await readScanFile(ownFixture(name), options)
  } catch (err) {
    if (err instanceof ImportError) return err
    throw err
  }
  throw new Error(`${name} was accepted`)
}

describe('rejected files name the file, the position and the problem', () => {
  it.each([
    ['invalid/empty.json', 'empty-file', {}],
    ['invalid/whitespace-only.json', 'empty-file', {}],
    ['invalid/not-json.txt', 'not-json', { line: 1, offset: 0 }],
    ['invalid/syntax-error.json', 'not-json', { line: 2, offset: 4, element: 0 }],
    ['invalid/unknown-shape.json', 'unknown-format', {}],
    ['invalid/unknown-array-shape.json', 'unknown-format', { element: 0, offset: 1 }],
    ['invalid/not-object-records.json', 'unknown-format', { element: 0 }],
    ['invalid/scalar.json', 'unknown-format', {}],
    ['invalid/other.csv', 'unknown-format', { line: 1 }],
    ['invalid/ocsf-missing-event-code.json', 'missing-field', { element: 0, line: 2 }],
    ['invalid/ocsf-second-record-missing-status.json', 'missing-field', { element: 1, line: 3 }],
    ['invalid/too-deep.json', 'too-deep', { element: 0 }],
    ['invalid/proto-key.json', 'forbidden-key', { element: 0, line: 2 }],
    ['invalid/proto-key-escaped.json', 'forbidden-key', { element: 0 }],
    ['invalid/proto-key-root.json', 'forbidden-key', {}],
    ['invalid/truncated-findings-object.json', 'truncated', { element: 1 }],
    // Pretty-printed records go through the bulk parse; errors still name the exact record and line.
    ['invalid/ocsf-pretty-third-record-missing-status.json', 'missing-field', { element: 2, line: 28, offset: 434 }],
    ['invalid/ndjson-bad-third-line.ndjson', 'not-json', { line: 3, element: 2 }],
    ['invalid/proto-key-escaped-pretty.json', 'forbidden-key', { element: 1, line: 15, offset: 219 }]
  ])('%s → %s', async (name, code, position) => {
    const err = await failure(name)
    expect(err.code).toBe(code)
    expect(err.file).toBe(ownFixture(name))
    expect(err.position).toMatchObject(position)
    expect(err.message).toContain(ownFixture(name))
    expect(err.detail.length).toBeGreaterThan(10)
  })

  it('names the columns it looked for when a CSV is neither Prowler layout', async () => {
    expect((await failure('invalid/other.csv')).detail).toBe(
      "a CSV file with neither the CHECK_ID and STATUS columns of a Prowler CSV (';'-separated) nor the TITLE_ID and CHECK_RESULT columns of a Prowler 2 CSV (','-separated) in its first line"
    )
  })

  it('names the row and the value of a Prowler 2 CSV result it cannot read', async () => {
    const file = path.join(tempDir(), 'prowler2.csv')
    const rows = ['PROFILE,ACCOUNT_NUM,REGION,TITLE_ID,CHECK_RESULT', 'default,1,us-east-1,2.1,PASS', 'default,1,us-east-1,2.2,MAYBE']
    await writeFile(file, rows.join('\n') + '\n')
    const err = await readScanFile(file).then(
      () => null,
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ImportError)
    expect((err as ImportError).detail).toBe('row 2 has an unrecognised CHECK_RESULT "MAYBE"')
    expect((err as ImportError).position).toMatchObject({ line: 3, element: 1 })
  })

  it('says which field a known format is missing', async () => {
    expect((await failure('invalid/ocsf-second-record-missing-status.json')).detail).toMatch(/prowler-ocsf.*status_code/)
  })

  it('refuses a record over the size limit', async () => {
    const err = await failure('prowler-v5.ocsf.json', { maxRecordBytes: 1000 })
    expect(err.code).toBe('element-too-large')
    expect(err.position).toMatchObject({ element: 0, offset: 4, line: 2 })
  })

  it('keeps a "constructor" key inert: it is data, and finds no citation', async () => {
    const { findings } = await readScanFile(ownFixture('invalid/constructor-key.json'))
    expect(findings[0]).toMatchObject({ checkId: 'constructor', severity: 'low', citations: [], citationSource: 'none' })
  })

  it('reports a missing file as unreadable', async () => {
    const err = await failure('does-not-exist.json')
    expect(err.code).toBe('unreadable')
  })
})

describe.skipIf(process.platform === 'win32')('special files', () => {
  it('refuses a named pipe, a device and a folder at once, without reading them', async () => {
    const { execFileSync } = await import('node:child_process')
    const fs = await import('node:fs')
    const path = await import('node:path')
    const { tempDir } = await import('../helpers/workspace')
    const dir = tempDir()
    const fifo = path.join(dir, 'scan.json')
    execFileSync('mkfifo', [fifo])
    const zero = path.join(dir, 'zero.json')
    fs.symlinkSync('/dev/zero', zero)
    await expect(readScanFile(fifo)).rejects.toMatchObject({ code: 'unreadable', detail: 'is a named pipe, not a scanner output file' })
    await expect(readScanFile('/dev/zero')).rejects.toMatchObject({ code: 'unreadable', detail: 'is a device, not a scanner output file' })
    // A link is refused as a link, whatever it points to: never followed.
    await expect(readScanFile(zero)).rejects.toMatchObject({ code: 'unreadable', detail: 'is a symbolic link; choose the file itself' })
    await expect(readScanFile(dir)).rejects.toMatchObject({ code: 'unreadable', detail: 'is a folder, not a scanner output file' })
  })
})
