import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncidentInput } from '../../main/breach/contract'
import { MAX_AFFECTED_COUNT } from '../../main/shared/schemas'
import { createBreachWorkspace, rowCount } from './workspace'

const incident: IncidentInput = {
  title: 'Lost laptop',
  discoveredOn: '2026-03-01',
  role: 'covered-entity',
  unsecuredPhi: true,
  affectedByState: { TX: 10 }
}

const CSV_HEADER = 'title,discoveredOn,role,unsecuredPhi,affectedByState'

function writeFile(dir: string, name: string, text: string): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

async function refusal(promise: Promise<unknown>): Promise<{ code?: string; message: string; details?: { rows: { errors: string[] }[] } }> {
  return promise.then(
    () => {
      throw new Error('expected a refusal')
    },
    (error: unknown) => error as { code?: string; message: string }
  )
}

describe('incident numbers and dates have sane bounds', () => {
  it('refuses an affected count above the US population, or not a whole number, naming why', async () => {
    const ws = await createBreachWorkspace()
    for (const count of [Number.MAX_SAFE_INTEGER, MAX_AFFECTED_COUNT + 1, 12.5]) {
      const error = await refusal(ws.call('incidents.create', { incident: { ...incident, affectedByState: { TX: count } } }))
      expect(error.code).toBe('invalid-input')
      expect(error.message).toMatch(Number.isInteger(count) ? /cannot exceed 400,000,000 \(more than the US population\)/ : /whole number/)
    }
    expect(rowCount(ws.db, 'incident')).toBe(0)
    const largest = await ws.call('incidents.create', { incident: { ...incident, affectedByState: { TX: MAX_AFFECTED_COUNT } } })
    expect(largest.incident.affectedByState).toEqual({ TX: MAX_AFFECTED_COUNT })
  })

  it('refuses years outside 1900–2200 and days the calendar does not have, in every date field', async () => {
    const ws = await createBreachWorkspace()
    const cases: [string, RegExp][] = [
      ['0000-01-01', /between 1900 and 2200: the year in 0000-01-01/],
      ['9999-12-31', /between 1900 and 2200: the year in 9999-12-31/],
      ['2026-02-30', /February 2026 has 28 days/],
      ['2025-02-29', /February 2025 has 28 days/],
      ['2026-13-01', /has no month 13/],
      ['2026-3-1', /form YYYY-MM-DD/]
    ]
    for (const [date, why] of cases) {
      expect((await refusal(ws.call('incidents.create', { incident: { ...incident, discoveredOn: date } }))).message).toMatch(why)
      expect((await refusal(ws.call('incidents.list', { asOf: date }))).message).toMatch(why)
    }
    const { incident: created } = await ws.call('incidents.create', { incident: { ...incident, discoveredOn: '2028-02-29' } })
    expect(created.discoveredOn).toBe('2028-02-29')
    const notice = await refusal(ws.call('incidents.recordNotice', { id: created.id, notice: { kind: 'individuals', doneOn: '9999-01-01' } }))
    expect(notice.message).toMatch(/between 1900 and 2200/)
    expect(rowCount(ws.db, 'incident_notice')).toBe(0)
  })

  it('the other registers use the same calendar-date rule', async () => {
    const ws = await createBreachWorkspace()
    expect((await refusal(ws.call('baas.create', { associate: { name: 'Northwind', expiresOn: '2026-02-30' } }))).message).toMatch(
      /February 2026 has 28 days/
    )
    expect((await refusal(ws.call('baas.list', { asOf: '0000-01-01' }))).message).toMatch(/between 1900 and 2200/)
    expect((await refusal(ws.call('calendar.list', { asOf: '9999-12-31' }))).message).toMatch(/between 1900 and 2200/)
  })
})

describe('incident imports use the same bounds', () => {
  it('JSON: a count of 2^53 - 1 and the year 9999 are refused per row; nothing is stored', async () => {
    const ws = await createBreachWorkspace()
    const file = writeFile(
      ws.dir,
      'incidents.json',
      JSON.stringify({
        incidents: [
          { ...incident, affectedByState: { TX: Number.MAX_SAFE_INTEGER } },
          { ...incident, discoveredOn: '9999-12-31' },
          { ...incident, affectedByState: { TX: 12.5 } }
        ]
      })
    )
    const error = await refusal(ws.call('incidents.importFile', { path: file }))
    expect(error.code).toBe('import-rejected')
    const errors = error.details!.rows.map(row => row.errors.join('; '))
    expect(errors[0]).toMatch(/affectedByState\.TX: .*more than the US population/)
    expect(errors[1]).toMatch(/discoveredOn: must be a calendar date between 1900 and 2200/)
    expect(errors[2]).toMatch(/affectedByState\.TX: .*whole number/)
    expect(rowCount(ws.db, 'incident')).toBe(0)
  })

  it('CSV: an impossible date, a year 0000 and a count above the population are refused per row', async () => {
    const ws = await createBreachWorkspace()
    const file = writeFile(
      ws.dir,
      'incidents.csv',
      [
        CSV_HEADER,
        'A,2026-02-30,covered-entity,yes,TX=1',
        'B,0000-01-01,covered-entity,yes,TX=1',
        'C,2026-03-01,covered-entity,yes,TX=400000001'
      ].join('\n')
    )
    const error = await refusal(ws.call('incidents.importFile', { path: file }))
    const errors = error.details!.rows.map(row => row.errors.join('; '))
    expect(errors[0]).toMatch(/February 2026 has 28 days/)
    expect(errors[1]).toMatch(/between 1900 and 2200/)
    expect(errors[2]).toMatch(/more than the US population/)
    expect(rowCount(ws.db, 'incident')).toBe(0)
  })

  it('CSV: a NUL character is refused with its row and column; a repeated column is refused by name', async () => {
    const ws = await createBreachWorkspace()
    const nul = writeFile(
      ws.dir,
      'nul.csv',
      [CSV_HEADER, 'A,2026-03-01,covered-entity,yes,TX=1', 'B\0hidden,2026-03-01,covered-entity,yes,TX=1'].join('\n')
    )
    const nulError = await refusal(ws.call('incidents.importFile', { path: nul }))
    expect(nulError).toMatchObject({
      code: 'import-rejected',
      message: expect.stringMatching(/"nul\.csv" has a NUL character in row 2, column title/)
    })
    const header = writeFile(ws.dir, 'header.csv', ['title,discovered\0On', 'A,2026-03-01'].join('\n'))
    expect((await refusal(ws.call('incidents.importFile', { path: header }))).message).toMatch(/NUL character in its header row, column 2/)
    const twice = writeFile(ws.dir, 'twice.csv', [`${CSV_HEADER},title`, 'A,2026-03-01,covered-entity,yes,TX=1,B'].join('\n'))
    expect((await refusal(ws.call('incidents.importFile', { path: twice }))).message).toMatch(/has the column title twice/)
    expect(rowCount(ws.db, 'incident')).toBe(0)
  })
})
