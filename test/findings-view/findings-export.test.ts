import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { spreadsheetSafe } from '../../main/shared/spreadsheet-safe'
import { runSafeguard } from '../helpers/cli'
import { writeProwlerLines } from '../helpers/generated-scan'
import { createTestWorkspace, tempDir, type TestSession } from '../helpers/workspace'
import { writeThreeScans } from './scan-files'

const PYTHON = '/usr/bin/python3'
const hasOpenpyxl = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

async function threeScans(): Promise<TestSession> {
  const ws = await createTestWorkspace()
  const files = writeThreeScans(ws.dir)
  await ws.call('scans.import', { paths: [files.a, files.b, files.c] })
  return ws
}

/** Reads a CSV export with csv-parse: header row and data rows as objects. */
function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(file), { bom: true, columns: true }) as Record<string, string>[]
}

/** Reads a workbook with openpyxl: a second reader, not the library that wrote it. */
function readWithOpenpyxl(file: string) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Findings']
print(json.dumps({
  'filter': ws.auto_filter.ref,
  'frozen': ws.freeze_panes,
  'widths': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)],
  'rows': [[c.value for c in row] for row in ws.iter_rows()]
}))`
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as {
    filter: string
    frozen: string
    widths: number[]
    rows: (string | number | null)[][]
  }
}

describe('findings.export', () => {
  it('writes the view’s findings to CSV in its order, formulas neutralised, with progress', async () => {
    const ws = await threeScans()
    const file = path.join(ws.dir, 'findings.csv')
    const progress: number[] = []
    const result = await ws.call('findings.export', { path: file, sort: 'resource' }, { onProgress: p => progress.push(p.done ?? -1) })
    expect(result).toEqual({ path: file, format: 'csv', rows: 7 })
    expect(progress.at(-1)).toBe(7)
    const rows = readCsv(file)
    const view = await ws.call('findings.view', { groupBy: 'none', sort: 'resource' })
    if (view.groupBy !== 'none') throw new Error('grouped')
    expect(rows.map(r => r['Resource'])).toEqual(view.findings.map(f => spreadsheetSafe(f.resourceName ?? '')))
    expect(rows[0]).toMatchObject({
      Resource: "'=SUM(1+1)",
      Remediation: "'+Encrypt it",
      Status: 'failed',
      Severity: 'critical',
      'First seen': '2026-02-10T09:00:00'
    })
    expect(rows.find(r => r['Resource'] === 'vol-1')).toMatchObject({
      Specifications: '164.312(a)(2)(iv)',
      Account: '111122223333',
      'First seen': '2026-01-10T09:00:00'
    })
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    // Superseded scans on request, filters as in the view.
    const all = path.join(ws.dir, 'all.csv')
    expect((await ws.call('findings.export', { path: all, scope: 'all' }))?.rows).toBe(10)
    expect(readCsv(all).filter(r => r['Scan superseded'] === 'yes')).toHaveLength(3)
    const low = path.join(ws.dir, 'low.csv')
    await ws.call('findings.export', { path: low, severity: 'low' })
    expect(
      readCsv(low)
        .map(r => r['Resource'])
        .sort()
    ).toEqual(['trail-1', 'trail-z'])
  })

  it.skipIf(!hasOpenpyxl)('writes an Excel workbook with a frozen header, filters, widths and neutralised formulas (read by openpyxl)', async () => {
    const ws = await threeScans()
    const file = path.join(ws.dir, 'findings.xlsx')
    expect(await ws.call('findings.export', { path: file, sort: 'resource' })).toEqual({ path: file, format: 'xlsx', rows: 7 })
    const book = readWithOpenpyxl(file)
    expect(book.frozen).toBe('A2')
    expect(book.filter).toMatch(/^A1:[A-Z]+1$/)
    expect(book.widths.every(w => w > 5)).toBe(true)
    expect(book.rows).toHaveLength(8)
    const header = book.rows[0] as string[]
    const first = Object.fromEntries(header.map((h, i) => [h, book.rows[1]![i]]))
    expect(first).toMatchObject({ Resource: "'=SUM(1+1)", Remediation: "'+Encrypt it", Resources: 1 })
  })

  it('a cancel between batches or a wrong extension leaves no file behind', async () => {
    const ws = await createTestWorkspace()
    // More findings than one batch, so the export is still running when the first progress arrives.
    await ws.call('scans.import', { paths: [writeProwlerLines(ws.dir, 2500)] })
    const before = fs.readdirSync(ws.dir).sort()
    const controller = new AbortController()
    const progress: number[] = []
    const cancelled = ws.call(
      'findings.export',
      { path: path.join(ws.dir, 'cancelled.xlsx') },
      {
        signal: controller.signal,
        onProgress: p => {
          progress.push(p.done ?? -1)
          controller.abort()
        }
      }
    )
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' })
    expect(progress).toEqual([1000])
    await expect(ws.call('findings.export', { path: path.join(ws.dir, 'findings.txt') })).rejects.toMatchObject({ code: 'invalid-input' })
    expect(fs.readdirSync(ws.dir).sort()).toEqual(before)
  })
})

describe('safeguard findings export', () => {
  it('writes the latest scans, or every scan with --all-scans, and the file reads back', async () => {
    const dir = tempDir()
    const ws = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', ws, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
    const files = writeThreeScans(dir)
    expect((await runSafeguard(['import', ws, files.a, files.b, files.c])).code).toBe(0)
    const latest = await runSafeguard(['findings', 'export', ws, '--out', path.join(dir, 'latest.csv'), '--json'])
    expect(latest.stderr).toBe('')
    expect(JSON.parse(latest.stdout)).toEqual({ path: path.join(dir, 'latest.csv'), format: 'csv', rows: 7 })
    expect(readCsv(path.join(dir, 'latest.csv'))).toHaveLength(7)
    const all = await runSafeguard(['findings', 'export', ws, '--out', path.join(dir, 'all.csv'), '--all-scans'])
    expect(all.stdout).toContain('Wrote 10 findings')
    expect(readCsv(path.join(dir, 'all.csv')).filter(r => r['Check'] === 'iam_user_mfa_enabled')).toHaveLength(1)
  })
})
