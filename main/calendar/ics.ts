import { Temporal } from 'temporal-polyfill'
import { addDays, toPlainDate, type IsoDate } from '../shared/dates'

/**
 * A small iCalendar (RFC 5545) writer for all-day events. Written here because
 * the maintained generator (ical-generator) needs Node 22 and we run on 20.
 * It covers what calendar apps need to import deadlines: all-day VEVENTs,
 * stable UIDs, DTSTAMP, CRLF line ends, 75-octet folding and TEXT escaping.
 */

export interface AllDayEvent {
  /** Globally unique and stable for the same duty, so re-imports update instead of duplicating. */
  uid: string
  date: IsoDate
  summary: string
  description?: string
  categories?: readonly string[]
  /** Adds a display reminder this many days before (0 = on the day). */
  reminderDaysBefore?: number
}

export interface CalendarFile {
  /** RFC 5545 PRODID, e.g. '-//Safeguard//Compliance calendar//EN'. */
  productId: string
  /** Shown as the calendar's name by apps that read X-WR-CALNAME. */
  name?: string
  /** When the file was made, an ISO instant ('2026-11-22T07:30:00Z'); stamped on every event. */
  generatedAt: string
  events: readonly AllDayEvent[]
}

const CRLF = '\r\n'
const MAX_LINE_OCTETS = 75
const utf8 = new TextEncoder()

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
}

/**
 * Folds a content line into chunks of at most 75 octets (RFC 5545 §3.1): each
 * continuation starts with one space, which counts toward its 75. A UTF-8
 * character is never split across lines.
 */
export function foldLine(line: string): string {
  const chunks: string[] = []
  let current = ''
  let currentOctets = 0
  for (const character of line) {
    const octets = utf8.encode(character).length
    if (currentOctets + octets > MAX_LINE_OCTETS) {
      chunks.push(current)
      current = ' '
      currentOctets = 1
    }
    current += character
    currentOctets += octets
  }
  chunks.push(current)
  return chunks.join(CRLF)
}

const basicDate = (date: IsoDate): string => toPlainDate(date, 'event date').toString().replace(/-/g, '')

function utcStamp(instant: string): string {
  let parsed: Temporal.Instant
  try {
    parsed = Temporal.Instant.from(instant)
  } catch {
    throw new RangeError(`generatedAt: "${instant}" is not an ISO instant such as 2026-11-22T07:30:00Z`)
  }
  const utc = parsed.toZonedDateTimeISO('UTC')
  const pad = (value: number, width = 2) => String(value).padStart(width, '0')
  return `${pad(utc.year, 4)}${pad(utc.month)}${pad(utc.day)}T${pad(utc.hour)}${pad(utc.minute)}${pad(utc.second)}Z`
}

function eventLines(event: AllDayEvent, stamp: string): string[] {
  if (event.uid.trim() === '') throw new RangeError('every event needs a non-empty uid')
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${basicDate(event.date)}`,
    // DTEND is exclusive: an all-day event on one date ends the next day.
    `DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`
  ]
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`)
  if (event.categories && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`)
  lines.push('TRANSP:TRANSPARENT')
  if (event.reminderDaysBefore !== undefined) {
    if (!Number.isInteger(event.reminderDaysBefore) || event.reminderDaysBefore < 0) {
      throw new RangeError(`event ${event.uid}: reminderDaysBefore must be a whole number ≥ 0`)
    }
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      event.reminderDaysBefore === 0 ? 'TRIGGER:PT0S' : `TRIGGER:-P${event.reminderDaysBefore}D`,
      `DESCRIPTION:${escapeText(event.summary)}`,
      'END:VALARM'
    )
  }
  lines.push('END:VEVENT')
  return lines
}

/** The whole .ics file as a string with CRLF line ends. */
export function writeICalendar(file: CalendarFile): string {
  const stamp = utcStamp(file.generatedAt)
  const uids = new Set<string>()
  for (const event of file.events) {
    if (uids.has(event.uid)) throw new RangeError(`duplicate event uid ${event.uid}`)
    uids.add(event.uid)
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${file.productId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(file.name ? [`X-WR-CALNAME:${escapeText(file.name)}`] : []),
    ...file.events.flatMap(event => eventLines(event, stamp)),
    'END:VCALENDAR'
  ]
  return lines.map(foldLine).join(CRLF) + CRLF
}
