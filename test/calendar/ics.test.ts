import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../main/calendar/calendar'
import { calendarToICalendar } from '../../main/calendar/calendar-ics'
import { escapeText, foldLine, writeICalendar, type AllDayEvent } from '../../main/calendar/ics'

/** An independent reader: unfold (RFC 5545 §3.1), then split properties and unescape TEXT. */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(line => line !== '')
}
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}
function events(ics: string): Record<string, string>[] {
  const result: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  let depth = 0
  for (const line of unfold(ics)) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      result.push(current!)
      current = undefined
    } else if (line === 'BEGIN:VALARM') depth += 1
    else if (line === 'END:VALARM') depth -= 1
    else if (current && depth === 0) {
      const colon = line.indexOf(':')
      current[line.slice(0, colon)] = line.slice(colon + 1)
    }
  }
  return result
}

const event = (overrides: Partial<AllDayEvent> = {}): AllDayEvent => ({ uid: 'a@x', date: '2026-03-02', summary: 'Notify', ...overrides })

describe('iCalendar writer', () => {
  it('writes a VCALENDAR with all-day VEVENTs, DTSTAMP in UTC and CRLF line ends', () => {
    const ics = writeICalendar({
      productId: '-//T//T//EN',
      generatedAt: '2026-11-22T07:30:05.123-05:00',
      events: [event(), event({ uid: 'b@x', date: '2026-12-31' })]
    })
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//T//T//EN\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const [first, second] = events(ics)
    expect(first).toMatchObject({ UID: 'a@x', DTSTAMP: '20261122T123005Z', 'DTSTART;VALUE=DATE': '20260302', 'DTEND;VALUE=DATE': '20260303' })
    // DTEND is exclusive and crosses the year end.
    expect(second).toMatchObject({ 'DTSTART;VALUE=DATE': '20261231', 'DTEND;VALUE=DATE': '20270101' })
  })

  it('escapes TEXT values and drops control characters', () => {
    expect(escapeText('a,b;c\\d\ne\r\nf\u0007')).toBe('a\\,b\\;c\\\\d\\ne\\nf')
    const summary = 'Notify HHS; media, and "counsel" \\ review\nline two'
    const [parsed] = events(
      writeICalendar({ productId: 'p', generatedAt: '2026-01-01T00:00:00Z', events: [event({ summary, categories: ['a,b', 'c'] })] })
    )
    expect(unescapeText(parsed!.SUMMARY!)).toBe(summary)
    expect(parsed!.CATEGORIES).toBe('a\\,b,c')
  })

  it('folds lines at 75 octets without splitting a UTF-8 character, and unfolds back exactly', () => {
    const description = 'Überprüfung der Vereinbarung 🗓️ — ' + 'é漢🙂'.repeat(40) + ' end'
    const ics = writeICalendar({ productId: 'p', generatedAt: '2026-01-01T00:00:00Z', events: [event({ description })] })
    for (const physical of ics.split('\r\n')) {
      expect(Buffer.byteLength(physical, 'utf8')).toBeLessThanOrEqual(75)
      // A split multi-byte sequence would not survive this round trip.
      expect(Buffer.from(physical, 'utf8').toString('utf8')).toBe(physical)
      expect(physical).not.toMatch(/[\uD800-\uDFFF]/u)
    }
    expect(unescapeText(events(ics)[0]!.DESCRIPTION!)).toBe(description)
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75))
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`)
    expect(
      foldLine('x'.repeat(150))
        .split('\r\n')
        .map(l => l.length)
    ).toEqual([75, 75, 2])
  })

  it('adds a display reminder when asked', () => {
    const ics = writeICalendar({ productId: 'p', generatedAt: '2026-01-01T00:00:00Z', events: [event({ reminderDaysBefore: 7 })] })
    expect(unfold(ics)).toEqual(expect.arrayContaining(['BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:-P7D', 'END:VALARM']))
  })

  it('rejects an empty or duplicate uid, a bad date and a bad timestamp', () => {
    const file =
      (events: AllDayEvent[], generatedAt = '2026-01-01T00:00:00Z') =>
      () =>
        writeICalendar({ productId: 'p', generatedAt, events })
    expect(file([event({ uid: ' ' })])).toThrow(/non-empty uid/)
    expect(file([event(), event()])).toThrow(/duplicate event uid a@x/)
    expect(file([event({ date: '2026-02-30' })])).toThrow(/event date/)
    expect(file([event()], 'yesterday')).toThrow(/generatedAt/)
  })
})

describe('compliance calendar export', () => {
  const items = buildCalendar({
    asOf: '2026-04-15',
    anchorOn: '2026-01-01',
    includeProposed: true,
    completions: [{ definitionId: 'penetration-test', doneOn: '2025-06-30' }]
  })

  it('keeps UIDs stable between exports while DTSTAMP changes, and labels proposed and counsel items', () => {
    const first = calendarToICalendar(items, { generatedAt: '2026-04-15T10:00:00Z', workspaceId: 'ws1' })
    const second = calendarToICalendar(items, { generatedAt: '2026-05-01T10:00:00Z', workspaceId: 'ws1' })
    expect(events(first).map(e => e.UID)).toEqual(events(second).map(e => e.UID))
    expect(events(first)[0]!.DTSTAMP).not.toBe(events(second)[0]!.DTSTAMP)
    expect(new Set(events(first).map(e => e.UID)).size).toBe(items.length)
    const pen = events(first).find(e => e.UID!.startsWith('recurring-penetration-test.ws1@'))!
    expect(pen['DTSTART;VALUE=DATE']).toBe('20260630')
    expect(unescapeText(pen.DESCRIPTION!)).toMatch(
      /^Status: Proposed — not in force\n[\s\S]*proposed Security Rule \(not in force\)[\s\S]*Check with counsel/
    )
    const proposed = events(first).filter(e => /proposed Security Rule/.test(unescapeText(e.DESCRIPTION!)))
    expect(proposed.length).toBe(items.filter(i => i.proposed).length)
    expect(proposed.every(e => unescapeText(e.DESCRIPTION!).startsWith('Status: Proposed — not in force\n'))).toBe(true)
    // Another workspace's export must not collide with this one in a calendar app.
    const other = calendarToICalendar(items, { generatedAt: '2026-04-15T10:00:00Z', workspaceId: 'ws2' })
    expect(events(other).map(e => e.UID)).not.toContain(events(first)[0]!.UID)
  })

  it('sets no reminder on a duty of the proposed rule, which is not in force', () => {
    const ics = calendarToICalendar(items, { generatedAt: '2026-04-15T10:00:00Z', workspaceId: 'ws1', reminderDaysBefore: 7 })
    const blocks = ics.split('BEGIN:VEVENT').slice(1)
    expect(blocks.filter(block => block.includes('BEGIN:VALARM'))).toHaveLength(items.filter(i => !i.proposed).length)
    expect(blocks.filter(block => block.includes('UID:recurring-penetration-test.')).map(block => block.includes('BEGIN:VALARM'))).toEqual([false])
  })

  it('writes a real file that reads back byte for byte', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-ics-'))
    try {
      const ics = calendarToICalendar(items, { generatedAt: '2026-04-15T10:00:00Z', workspaceId: 'ws1', reminderDaysBefore: 7 })
      const file = path.join(dir, 'deadlines.ics')
      fs.writeFileSync(file, ics, 'utf8')
      const back = fs.readFileSync(file)
      expect(back.equals(Buffer.from(ics, 'utf8'))).toBe(true)
      expect(events(back.toString('utf8'))).toHaveLength(items.length)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
