import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createBreachWorkspace, workspaceDump } from '../breach/workspace'

const fixtures = path.resolve(__dirname, '../fixtures')
const asOf = '2026-03-10'

/** Our CSV fixture as the first sheet of a workbook (a second sheet of notes is never read); `dates` columns as real Excel dates. */
async function workbookFromCsv(csvFile: string, target: string, dates: readonly string[] = []): Promise<string> {
  const [header, ...rows] = parse(fs.readFileSync(csvFile), { bom: true, skip_empty_lines: true }) as string[][]
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Register')
  sheet.addRow(header!)
  for (const row of rows)
    sheet.addRow(
      row.map((cell, index) => (dates.includes(header![index]!) && cell ? new Date(`${cell}T00:00:00Z`) : /^\d+$/.test(cell) ? Number(cell) : cell))
    )
  workbook.addWorksheet('Notes').addRow(['not a register'])
  await workbook.xlsx.writeFile(target)
  return target
}

describe('registers from Excel', () => {
  it('imports business associates from a workbook as from the same CSV (numbers and dates typed as such)', async () => {
    const fromCsv = await createBreachWorkspace()
    await fromCsv.call('baas.importFile', { path: path.join(fixtures, 'baas/register.csv') })
    const ws = await createBreachWorkspace()
    const file = await workbookFromCsv(path.join(fixtures, 'baas/register.csv'), path.join(ws.dir, 'register.xlsx'), [
      'effectiveOn',
      'expiresOn',
      'lastReviewOn'
    ])
    const report = await ws.call('baas.importFile', { path: file })
    expect(report).toMatchObject({ format: 'xlsx', imported: 3 })
    const strip = (list: Awaited<ReturnType<typeof ws.call<'baas.list'>>>) =>
      list.map(({ id: _id, parentId: _p, createdAt: _c, updatedAt: _u, ...rest }) => rest)
    expect(strip(await ws.call('baas.list', { asOf }))).toEqual(strip(await fromCsv.call('baas.list', { asOf })))
    expect((await ws.call('baas.list', { asOf })).find(a => a.name === 'Harbor Cloud Hosting')).toMatchObject({
      lastReviewOn: '2025-06-15',
      breachReportingDays: 15,
      phiCategories: ['clinical notes', 'demographics']
    })
  })

  it('refuses a workbook with a bad row as the CSV import does, leaving the workspace exactly as before', async () => {
    const ws = await createBreachWorkspace()
    const file = await workbookFromCsv(path.join(fixtures, 'baas/register-bad.csv'), path.join(ws.dir, 'bad.xlsx'))
    const before = workspaceDump(ws.db)
    const error = await ws.call('baas.importFile', { path: file }).catch((e: unknown) => e)
    const csvError = await ws.call('baas.importFile', { path: path.join(fixtures, 'baas/register-bad.csv') }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'import-rejected', details: { format: 'xlsx', imported: 0 } })
    expect((error as { details: { rows: unknown } }).details.rows).toEqual((csvError as { details: { rows: unknown } }).details.rows)
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('imports an incident log from a workbook, and refuses a file that is not one', async () => {
    const ws = await createBreachWorkspace()
    const csv = path.join(fixtures, 'breach/incidents.csv')
    const file = await workbookFromCsv(csv, path.join(ws.dir, 'incidents.xlsx'))
    const report = await ws.call('incidents.importFile', { path: file })
    const csvCount = (parse(fs.readFileSync(csv), { bom: true, skip_empty_lines: true }) as unknown[]).length - 1
    expect(report).toMatchObject({ format: 'xlsx', imported: csvCount })

    const fake = path.join(ws.dir, 'fake.xlsx')
    fs.copyFileSync(csv, fake)
    await expect(ws.call('incidents.importFile', { path: fake })).rejects.toThrow(/"fake.xlsx" is not a register of incidents/)
  })
})
