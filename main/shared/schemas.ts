import { z } from 'zod'

/**
 * Schemas every contract and import shares, so the app, the CLI and the imports refuse the same
 * input with the same words.
 */

/** A path on this computer, as typed or chosen: trimmed, bounded, no NUL (which would cut the path short in the OS). */
export function filePathSchema(requiredMessage = 'A file path is required') {
  return z
    .string()
    .trim()
    .min(1, requiredMessage)
    .max(4096)
    .refine(value => !value.includes('\0'), 'A path cannot contain a NUL character')
}

/**
 * The years a date in a compliance record can fall in. A date outside this range (0000, 9999)
 * is a typing error, and one that far out would put a deadline where nobody looks.
 */
export const EARLIEST_YEAR = 1900
export const LATEST_YEAR = 2200

const DATE_PARTS = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * What is wrong with a 'YYYY-MM-DD' calendar date, or null. Pure string arithmetic (no Date, which
 * would quietly turn 2026-02-30 into 2 March), so the renderer can use it too.
 */
export function calendarDateProblem(value: string): string | null {
  const parts = DATE_PARTS.exec(value)
  if (!parts) return 'must be a calendar date in the form YYYY-MM-DD'
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])]
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return `must be a calendar date between ${EARLIEST_YEAR} and ${LATEST_YEAR}: the year in ${value} is most likely a typing error`
  }
  if (month < 1 || month > 12) return `must be a calendar date: ${value} has no month ${parts[2]}`
  const lastDay = daysInMonth(year, month)
  if (day < 1 || day > lastDay) return `must be a calendar date: ${value} does not exist (${MONTH_NAMES[month - 1]} ${year} has ${lastDay} days)`
  return null
}

/** A calendar date 'YYYY-MM-DD' that exists, in a sane year; every contract and import uses this one. */
export const CalendarDate = z.string({ error: 'must be a calendar date in the form YYYY-MM-DD' }).superRefine((value, ctx) => {
  const problem = calendarDateProblem(value)
  if (problem) ctx.addIssue({ code: 'custom', message: problem })
})

/**
 * The most people one incident can affect: about the population of the United States (some
 * 340 million) rounded up. A larger count is a typing error, and a count near 2^53 would break sums.
 */
export const MAX_AFFECTED_COUNT = 400_000_000

export const AffectedCount = z
  .int({ error: 'an affected count must be a whole number' })
  .min(0, 'an affected count cannot be negative')
  .max(MAX_AFFECTED_COUNT, `an affected count cannot exceed ${MAX_AFFECTED_COUNT.toLocaleString('en-US')} (more than the US population)`)

/**
 * The shortest passphrase a workspace can be given. The passphrase is all that protects a
 * client's security gaps in a copied file, and a short one is found by trying every combination.
 */
export const MIN_PASSPHRASE_LENGTH = 8
export const MAX_PASSPHRASE_LENGTH = 1024

export const TOO_SHORT_PASSPHRASE = `Use at least ${MIN_PASSPHRASE_LENGTH} characters: the passphrase is all that protects the workspace if the file is copied, and a shorter one can be found by trying every combination.`

/** A passphrase being chosen for a workspace (the app and the CLI alike). */
export const NewPassphrase = z
  .string()
  .min(MIN_PASSPHRASE_LENGTH, TOO_SHORT_PASSPHRASE)
  .max(MAX_PASSPHRASE_LENGTH, `Use at most ${MAX_PASSPHRASE_LENGTH} characters.`)
