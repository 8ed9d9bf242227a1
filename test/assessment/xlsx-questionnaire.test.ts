import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace } from '../helpers/workspace'

const clock = () => new Date('2026-03-10T12:00:00Z')
const PYTHON = '/usr/bin/python3'
const hasOpenpyxl = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0
const openpyxlReason = 'skipped where /usr/bin/python3 has no openpyxl: the second program that reads the workbook'

/** Runs a Python snippet with openpyxl on the workbook (argv[1]) and returns its JSON output. */
function openpyxl(script: string, file: string): unknown {
  return JSON.parse(execFileSync(PYTHON, ['-c', `import sys, json, openpyxl\n${script}`, file], { encoding: 'utf8' }))
}

/** Edits cells by question id in an exported workbook with exceljs: { id: { column: value } }. */
async function editWorkbook(file: string, edits: Record<string, Record<string, string>>): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  for (const sheet of workbook.worksheets) {
    const header = (sheet.getRow(1).values as unknown[]).map(v => String(v ?? ''))
    sheet.eachRow((row, number) => {
      const edit = number > 1 ? edits[String(row.getCell(1).value)] : undefined
      if (edit) for (const [column, value] of Object.entries(edit)) row.getCell(header.indexOf(column)).value = value
    })
  }
  await workbook.xlsx.writeFile(file)
}

describe('questionnaire workbook export', () => {
  it('writes instructions and one protected sheet per family, with drop-downs, a frozen header, filters and formula-safe text', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'partly', notes: '=HYPERLINK("http://evil.example","x")' })
    const file = path.join(ws.dir, 'for-client.xlsx')
    const result = (await ws.call('assessment.exportCsv', { path: file }))!
    const catalog = await ws.call('assessment.catalog', {})
    expect(result.rows).toBe(catalog.profile.length + catalog.questions.length)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const names = workbook.worksheets.map(sheet => sheet.name)
    expect(names[0]).toBe('Instructions')
    expect(names).toContain('About your organisation')
    expect(names).toContain('Administrative safeguards')
    expect(names.length).toBeGreaterThanOrEqual(7)
    const admin = workbook.getWorksheet('Administrative safeguards')!
    expect(admin.getRow(1).values).toEqual(expect.arrayContaining(['question_id', 'citation', 'question', 'guidance', 'answer', 'decision', 'notes']))
    const officer = admin.getRows(2, admin.rowCount - 1)!.find(row => row.getCell(1).value === 'q-308-a2-1')!
    // The note went out as text behind an apostrophe, never as a formula.
    const notesColumn = (admin.getRow(1).values as unknown[]).indexOf('notes')
    expect(officer.getCell(notesColumn).value).toBe(`'=HYPERLINK("http://evil.example","x")`)
    expect(officer.getCell(notesColumn).formula).toBeUndefined()
    // Every question of the family is on its sheet, and only there.
    const familyCount = (await ws.call('assessment.questionnaire', {})).items.filter(q => q.group === 'administrative').length
    expect(admin.rowCount - 1).toBe(familyCount)
  })

  it.skipIf(!hasOpenpyxl)(`is read by openpyxl with its validations, protection and frozen header (${openpyxlReason})`, async () => {
    const ws = await createTestWorkspace({ now: clock })
    const file = path.join(ws.dir, 'for-client.xlsx')
    await ws.call('assessment.exportCsv', { path: file })
    const seen = openpyxl(
      `wb = openpyxl.load_workbook(sys.argv[1])
s = wb['Administrative safeguards']
head = [c.value for c in s[1]]
rows = {r[0].value: r for r in s.iter_rows(min_row=2)}
addressable = next(r for r in rows.values() if r[head.index('requirement')].value == 'Addressable')
required = next(r for r in rows.values() if r[head.index('requirement')].value == 'Required')
col = lambda name: openpyxl.utils.get_column_letter(head.index(name) + 1)
lists = [(v.sqref, v.formula1) for v in s.data_validations.dataValidation]
print(json.dumps({
  'freeze': s.freeze_panes, 'filter': s.auto_filter.ref, 'protected': s.protection.sheet,
  'idLocked': required[0].protection.locked, 'questionLocked': required[head.index('question')].protection.locked,
  'answerLocked': required[head.index('answer')].protection.locked, 'notesLocked': required[head.index('notes')].protection.locked,
  'decisionLockedRequired': required[head.index('decision')].protection.locked,
  'decisionLockedAddressable': addressable[head.index('decision')].protection.locked,
  'answerList': next((f for r, f in lists if col('answer') + str(required[0].row) in r), None),
  'decisionList': next((f for r, f in lists if col('decision') + str(addressable[0].row) in r), None),
  'decisionListRequired': next((f for r, f in lists if col('decision') + str(required[0].row) in r), None),
  'widths': {name: next(d.width for d in s.column_dimensions.values() if d.min <= head.index(name) + 1 <= d.max) for name in ['guidance', 'answer', 'decision']},
  'instructions': ' '.join(str(c.value) for row in wb['Instructions'].iter_rows() for c in row if c.value)
}))`,
      file
    ) as Record<string, unknown>
    expect(seen).toMatchObject({
      freeze: 'A2',
      protected: true,
      idLocked: true,
      questionLocked: true,
      answerLocked: false,
      notesLocked: false,
      decisionLockedRequired: true,
      decisionLockedAddressable: false,
      answerList: '"Yes,Partly,No,Not applicable,Not assessed"',
      decisionList: '"Implemented as specified,Equivalent alternative,Not reasonable and appropriate"',
      decisionListRequired: null
    })
    expect(seen.filter).toMatch(/^A1:[A-Z]+1$/)
    const widths = seen.widths as Record<string, number>
    expect(widths.guidance).toBeGreaterThan(40)
    expect(widths.answer).toBeGreaterThanOrEqual('Not applicable'.length)
    expect(widths.decision).toBeGreaterThanOrEqual('Not reasonable and appropriate'.length)
    expect(seen.instructions).toContain('returns to Safeguard through Import')
    expect(seen.instructions).toContain('not security')
  })
})

describe('questionnaire workbook import', () => {
  it.skipIf(!hasOpenpyxl)(`stores what a client typed in openpyxl, formulas as text, all rows or none (${openpyxlReason})`, async () => {
    const ws = await createTestWorkspace({ now: clock })
    const file = path.join(ws.dir, 'for-client.xlsx')
    await ws.call('assessment.exportCsv', { path: file })
    execFileSync(PYTHON, [
      '-c',
      `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
s = wb['Administrative safeguards']
head = [c.value for c in s[1]]
for r in s.iter_rows(min_row=2):
    if r[0].value == 'q-308-a2-1':
        r[head.index('answer')].value = 'Yes'
        r[head.index('notes')].value = "'=1+1 is how we count"
    if r[0].value == 'q-308-a5-iiA-1':
        r[head.index('answer')].value = 'No'
        r[head.index('decision')].value = 'Not reasonable and appropriate'
        r[head.index('decision_explanation')].value = 'Two-person office'
wb.save(sys.argv[1])`,
      file
    ])
    const report = (await ws.call('assessment.importCsv', { path: file }))!
    expect(report).toMatchObject({ applied: true, rejected: 0, accepted: 2 })
    expect(report.rows.find(r => r.questionId === 'q-308-a2-1')).toMatchObject({ sheet: 'Administrative safeguards', outcome: 'accepted' })
    const questionnaire = await ws.call('assessment.questionnaire', {})
    const officer = questionnaire.items.find(q => q.id === 'q-308-a2-1')!
    expect(officer.answer).toMatchObject({ value: 'yes', notes: '=1+1 is how we count' })
    expect(questionnaire.items.find(q => q.id === 'q-308-a5-iiA-1')!.answer?.value).toBe('no')
    expect(questionnaire.decisions.find(d => d.citation === '164.308(a)(5)(ii)(A)')).toMatchObject({ decision: 'not-reasonable' })

    // Exported again and imported unchanged: the note keeps its leading "=".
    const again = path.join(ws.dir, 'again.xlsx')
    await ws.call('assessment.exportCsv', { path: again })
    expect(await ws.call('assessment.importCsv', { path: again })).toMatchObject({ applied: true, accepted: 0, rejected: 0 })
    expect((await ws.call('assessment.questionnaire', {})).items.find(q => q.id === 'q-308-a2-1')!.answer?.notes).toBe('=1+1 is how we count')
  })

  it('reports a typed-over locked column and keeps its own text; a changed identifier or a bad answer refuses the whole file', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const file = path.join(ws.dir, 'for-client.xlsx')
    await ws.call('assessment.exportCsv', { path: file })
    await editWorkbook(file, { 'q-308-a2-1': { question: 'Do you have nothing to do?', answer: 'Yes' } })
    const report = (await ws.call('assessment.importCsv', { path: file }))!
    const row = report.rows.find(r => r.questionId === 'q-308-a2-1')!
    expect(row).toMatchObject({ outcome: 'accepted', lockedChanged: ['question'] })
    expect(row.message).toContain("Safeguard's own text is kept")
    const after = await ws.call('assessment.questionnaire', {})
    expect(after.items.find(q => q.id === 'q-308-a2-1')!.text).not.toBe('Do you have nothing to do?')

    await editWorkbook(file, { 'q-308-a5-iiA-1': { question_id: 'q-made-up', answer: 'No' }, 'q-308-a3-i-1': { answer: 'Maybe' } })
    const before = JSON.stringify(await ws.call('assessment.questionnaire', {}))
    const refused = (await ws.call('assessment.importCsv', { path: file }))!
    expect(refused).toMatchObject({ applied: false, rejected: 2 })
    expect(refused.rows.filter(r => r.outcome === 'rejected').map(r => r.questionId)).toEqual(expect.arrayContaining(['q-made-up']))
    expect(JSON.stringify(await ws.call('assessment.questionnaire', {}))).toBe(before)
  })

  it('refuses a file that is not a workbook, a zip bomb and a sheet of too many rows before reading any row', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const notZip = path.join(ws.dir, 'notes.xlsx')
    fs.writeFileSync(notZip, 'question_id,answer\nq-308-a2-1,Yes\n')
    await expect(ws.call('assessment.importCsv', { path: notZip })).rejects.toThrow(/"notes.xlsx" is not a questionnaire workbook/)

    const bomb = path.join(ws.dir, 'bomb.xlsx')
    fs.writeFileSync(bomb, zipClaiming(3 * 1024 * 1024 * 1024 - 1))
    await expect(ws.call('assessment.importCsv', { path: bomb })).rejects.toThrow(/"bomb.xlsx" would unpack to more than 50 MB/)

    const long = path.join(ws.dir, 'long.xlsx')
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Administrative safeguards')
    sheet.addRow(['question_id', 'answer', 'notes', 'value', 'decision', 'decision_explanation'])
    for (let i = 0; i < 5_001; i++) sheet.addRow([`q-${i}`])
    await workbook.xlsx.writeFile(long)
    await expect(ws.call('assessment.importCsv', { path: long })).rejects.toThrow(
      /sheet "Administrative safeguards" has 5,001 rows, more than the 5,000/
    )
  })
})

describe('safeguard answers with a workbook', () => {
  it('exports by the .xlsx name and imports it back, reporting rows by sheet', async () => {
    const ws = await createTestWorkspace({ now: clock })
    ws.session.close()
    const file = path.join(ws.dir, 'questionnaire.xlsx')
    const exported = await runSafeguard(['answers', 'export', ws.workspacePath, '--out', file])
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK')
    await editWorkbook(file, { 'q-308-a2-1': { answer: 'Partly', notes: 'Dana covers until June' } })
    const imported = await runSafeguard(['answers', 'import', ws.workspacePath, file])
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(imported.stdout).toMatch(/Administrative safeguards, row \d+ +accepted +q-308-a2-1: answer \(none\) → Partly; notes updated/)
    expect(imported.stdout).toContain('Saved.')
  })
})

/** A one-part zip whose directory claims the part unpacks to `size` bytes (the guard reads the claim, as a bomb's is true). */
function zipClaiming(size: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  const data = Buffer.from([0x03, 0x00])
  const local = Buffer.alloc(30)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(8, 8)
  local.writeUInt32LE(data.length, 18)
  local.writeUInt32LE(size, 22)
  local.writeUInt16LE(name.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(0x02014b50, 0)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(data.length, 20)
  central.writeUInt32LE(size, 24)
  central.writeUInt16LE(name.length, 28)
  const directoryOffset = local.length + name.length + data.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + name.length, 12)
  end.writeUInt32LE(directoryOffset, 16)
  return Buffer.concat([local, name, data, central, name, end])
}
