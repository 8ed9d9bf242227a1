import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { isApiError } from '../../main/shared/errors'
import type { RiskImportReport } from '../../main/risks/contract'
import { createTestWorkspace, type TestSession } from '../helpers/workspace'

const FIXTURES = path.resolve(__dirname, '../fixtures/risks')
const PYTHON = '/usr/bin/python3'
const hasOpenpyxl = (() => {
  try {
    execFileSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
})()

let instant = new Date('2026-03-10T12:00:00Z')
const clock = () => instant

async function clinic(): Promise<TestSession & { workspacePath: string; ids: Record<string, number> }> {
  instant = new Date('2026-03-10T12:00:00Z')
  const ws = await createTestWorkspace({ now: clock })
  const ids: Record<string, number> = {}
  for (const [name, kind] of [
    ['Front desk laptop', 'workstation'],
    ['Paper charts', 'paper'],
    ['EHR', 'application']
  ] as const)
    ids[name] = (await ws.call('map.addAsset', { name, kind, phi: 'phi' })).id
  await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'no' })
  return { ...ws, ids }
}

/** Everything the analysis stores, to show a refused import changed nothing. */
function snapshot(ws: TestSession) {
  const { db } = ws.context().workspace()
  return ['risk_scenario', 'risk_scenario_asset', 'risk_vulnerability', 'risk_task', 'risk_audit', 'assessment_period'].map(table =>
    db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()
  )
}

async function rejection(promise: Promise<unknown>): Promise<{ message: string; report: RiskImportReport }> {
  try {
    await promise
  } catch (error) {
    if (isApiError(error) && error.code === 'import-rejected') return { message: error.message, report: error.details as RiskImportReport }
    throw error
  }
  throw new Error('the import was accepted')
}

/** Reads a workbook with openpyxl: a second reader, not the library that wrote it. */
function readWithOpenpyxl(file: string) {
  const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Risks']
rows = [[c.value for c in row] for row in ws.iter_rows()]
print(json.dumps({
  'sheets': wb.sheetnames,
  'filter': ws.auto_filter.ref,
  'frozen': ws.freeze_panes,
  'headerBold': all(c.font.bold for c in ws[1]),
  'widths': [ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width for i in range(ws.max_column)],
  'rows': rows
}))`
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as {
    sheets: string[]
    filter: string
    frozen: string
    headerBold: boolean
    widths: number[]
    rows: (string | null)[][]
  }
}

describe('risk register files', () => {
  it('imports a CSV register all together, with a threat given by name and a formula-like title kept as text', async () => {
    const ws = await clinic()
    const progress: unknown[] = []
    const report = await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') }, { onProgress: update => progress.push(update) })
    expect(report).toMatchObject({ file: 'good-rows.csv', format: 'csv', imported: 3, dryRun: false })
    expect(report!.rows.map(r => [r.row, r.ok])).toEqual([
      [1, true],
      [2, true],
      [3, true]
    ])
    expect(progress).toContainEqual({ phase: 'storing', done: 3, total: 3, unit: 'risks' })
    const risks = await ws.call('risks.register', {})
    const byTitle = Object.fromEntries(risks.map(r => [r.title, r]))
    expect(byTitle['Laptop theft']).toMatchObject({
      assets: [{ name: 'Front desk laptop' }],
      threat: { id: 'equipment-loss-theft' },
      likelihood: 'high',
      likelihoodRationale: 'Laptops go home with staff',
      impact: 'medium',
      level: 'high',
      residualLevel: 'low',
      treatment: 'mitigate',
      treatmentPlan: 'Encrypt every laptop',
      status: 'in-treatment',
      owner: 'Office manager',
      foundOn: '2026-03-01',
      dueOn: '2026-06-30'
    })
    expect(byTitle['Laptop theft']!.vulnerabilities).toEqual([expect.objectContaining({ kind: 'question', ref: 'q-312-a2-iv-1', state: 'present' })])
    expect(byTitle['Paper charts flood']).toMatchObject({
      threat: { id: 'natural-disaster' },
      status: 'treated',
      acceptance: { approver: 'Dr. Lee', approvedOn: '2026-03-05', reason: 'Moving to the EHR this year', expiresOn: '2026-12-31' }
    })
    expect(byTitle["=cmd|' /C calc'!A0"]).toMatchObject({
      threat: { id: 'ransomware' },
      treatmentDetail: { kind: 'transfer', to: 'insurer', party: 'Cyber Mutual', businessAssociateId: null }
    })
  })

  it('refuses a file with bad rows whole, naming each row and what is wrong, and leaves the workspace as it was', async () => {
    const ws = await clinic()
    await ws.call('risks.create', { assetIds: [ws.ids['EHR']!], threatId: 'phishing', owner: 'IT' })
    const before = snapshot(ws)
    const { message, report } = await rejection(ws.call('risks.import', { path: path.join(FIXTURES, 'bad-rows.csv') }))
    expect(message).toMatch(
      /^Nothing was imported: 5 of 6 rows in "bad-rows.csv" have problems \(first: row 2, Assets: unknown asset "Server closet PC"/
    )
    expect(report.rows.map(r => [r.row, r.title, r.ok, r.errors])).toEqual([
      [1, 'Laptop theft', true, []],
      [2, 'Server in the closet', false, ['Assets: unknown asset "Server closet PC" (not in the map)']],
      [3, 'Meteor strike', false, ['Threat: unknown threat "meteor"']],
      [4, 'Phishing of front desk', false, ['Likelihood: unknown level "Severe" (use Low, Medium, High)']],
      [
        5,
        'Paper charts flood',
        false,
        ['Accepted by: Name the person who approved accepting this risk', 'Acceptance expires: must be a calendar date in the form YYYY-MM-DD']
      ],
      [6, 'Backups', false, ['Due on: The due date cannot be before the day the risk was found']]
    ])
    expect(snapshot(ws)).toEqual(before)
    // A dry run of a good file reports and stores nothing either.
    const dry = await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv'), dryRun: true })
    expect(dry).toMatchObject({ imported: 0, dryRun: true })
    expect(snapshot(ws)).toEqual(before)
  })

  it('rolls a cancelled import back', async () => {
    const ws = await clinic()
    const before = snapshot(ws)
    const controller = new AbortController()
    controller.abort()
    await expect(ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') }, { signal: controller.signal })).rejects.toMatchObject({
      code: 'cancelled'
    })
    expect(snapshot(ws)).toEqual(before)
  })

  it('exports CSV with formula-like text neutralised, and reads its own export back without change', async () => {
    const ws = await clinic()
    await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') })
    const file = path.join(ws.dir, 'register.csv')
    expect(await ws.call('risks.export', { path: file })).toEqual({ path: file, format: 'csv', rows: 3 })
    const text = fs.readFileSync(file, 'utf8')
    expect(text.startsWith('\uFEFFKey,Title,Assets,Threat,')).toBe(true)
    expect(text).toContain(`,'=cmd|' /C calc'!A0,EHR,`)
    const before = await ws.call('risks.register', {})
    instant = new Date('2026-03-11T12:00:00Z')
    const again = await ws.call('risks.import', { path: file })
    expect(again!.imported).toBe(3)
    const after = await ws.call('risks.register', {})
    const stable = (risks: typeof before) => risks.map(({ updatedAt: _u, ...risk }) => risk)
    expect(stable(after)).toEqual(stable(before))
  })

  it('updates risks already recorded from a file with only some columns, leaving the others as they were', async () => {
    const ws = await clinic()
    await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') })
    const before = await ws.call('risks.register', {})
    const laptop = before.find(r => r.title === 'Laptop theft')!
    const file = path.join(ws.dir, 'owners.csv')
    fs.writeFileSync(file, `Key,Owner,Due on\n${laptop.key},Dana Reyes,2026-07-31\n`)
    expect((await ws.call('risks.import', { path: file }))!.imported).toBe(1)
    const after = await ws.call('risks.register', {})
    const strip = ({ updatedAt: _u, owner: _o, dueOn: _d, ...rest }: (typeof before)[number]) => rest
    const updated = after.find(r => r.key === laptop.key)!
    expect(updated).toMatchObject({ owner: 'Dana Reyes', dueOn: '2026-07-31' })
    expect(strip(updated)).toEqual(strip(laptop))
    expect(after.filter(r => r.key !== laptop.key)).toEqual(before.filter(r => r.key !== laptop.key))
  })

  it.skipIf(!hasOpenpyxl)(
    'exports a real Excel workbook another reader opens: bold header, filter, frozen header row, one row per risk',
    async () => {
      const ws = await clinic()
      await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') })
      const file = path.join(ws.dir, 'register.xlsx')
      expect(await ws.call('risks.export', { path: file })).toEqual({ path: file, format: 'xlsx', rows: 3 })
      const book = readWithOpenpyxl(file)
      expect(book.sheets).toEqual(['Risks', 'Scale'])
      const [header, ...rows] = book.rows
      expect(header!.slice(0, 4)).toEqual(['Key', 'Title', 'Assets', 'Threat'])
      expect(book.filter).toBe(
        `A1:${String.fromCharCode(64 + Math.floor((header!.length - 1) / 26)).replace('@', '')}${String.fromCharCode(65 + ((header!.length - 1) % 26))}1`
      )
      expect(book.frozen).toBe('A2')
      expect(book.headerBold).toBe(true)
      expect(book.widths.every(w => w >= 8 && w <= 60)).toBe(true)
      expect(rows).toHaveLength(3)
      const column = (name: string) => header!.indexOf(name)
      // Highest risk first: High (laptop), then the two Medium/Low ones.
      expect(rows.map(r => r[column('Risk level')])).toEqual(['High', 'High', 'Low'])
      expect(rows.map(r => r[column('Title')])).toContain(`'=cmd|' /C calc'!A0`)
      expect(rows.find(r => r[column('Title')] === 'Paper charts flood')![column('Accepted by')]).toBe('Dr. Lee')
    }
  )

  it.skipIf(!hasOpenpyxl)('reads back a workbook edited by another program', async () => {
    const ws = await clinic()
    await ws.call('risks.import', { path: path.join(FIXTURES, 'good-rows.csv') })
    const file = path.join(ws.dir, 'register.xlsx')
    await ws.call('risks.export', { path: file })
    const edit = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['Risks']
header = [c.value for c in ws[1]]
for row in ws.iter_rows(min_row=2):
    if row[header.index('Title')].value == 'Laptop theft':
        row[header.index('Owner')].value = 'Dana Reyes'
        row[header.index('Likelihood')].value = 'Low'
wb.save(sys.argv[1])`
    execFileSync(PYTHON, ['-c', edit, file])
    expect((await ws.call('risks.import', { path: file }))!.imported).toBe(3)
    const risks = await ws.call('risks.register', {})
    expect(risks).toHaveLength(3)
    expect(risks.find(r => r.title === 'Laptop theft')).toMatchObject({ owner: 'Dana Reyes', likelihood: 'low', level: 'low' })
  })

  it('imports an Excel register written by openpyxl (test/fixtures/risks/register.xlsx)', async () => {
    const ws = await clinic()
    const report = await ws.call('risks.import', { path: path.join(FIXTURES, 'register.xlsx') })
    expect(report).toMatchObject({ format: 'xlsx', imported: 2 })
    const risks = await ws.call('risks.list', {})
    expect(risks.rows.map(r => [r.title, r.levelLabel, r.owner, r.dueOn])).toEqual([
      ['EHR ransomware', 'Critical', 'IT', '2026-05-31'],
      ['Laptop phishing', 'Medium', '', null]
    ])
  })

  it('refuses an unknown column, a wrong extension and a file that is not a workbook, naming the file', async () => {
    const ws = await clinic()
    const dir = ws.dir
    fs.writeFileSync(path.join(dir, 'typo.csv'), 'Title,Assets,Threat,Likelyhood\nx,EHR,ransomware,High\n')
    await expect(ws.call('risks.import', { path: path.join(dir, 'typo.csv') })).rejects.toThrow(
      /"typo.csv" has columns the risk register does not know: Likelyhood/
    )
    fs.writeFileSync(path.join(dir, 'register.txt'), 'x')
    await expect(ws.call('risks.import', { path: path.join(dir, 'register.txt') })).rejects.toThrow(/"register.txt" must end in .csv or .xlsx/)
    fs.writeFileSync(path.join(dir, 'fake.xlsx'), 'not a zip')
    await expect(ws.call('risks.import', { path: path.join(dir, 'fake.xlsx') })).rejects.toThrow(/"fake.xlsx" is not a readable Excel workbook/)
  })
})
