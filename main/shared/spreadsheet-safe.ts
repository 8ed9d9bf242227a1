/**
 * Spreadsheet programs run a cell that starts with =, +, -, @, a tab or a
 * carriage return as a formula ("CSV injection"), so text written to CSV or
 * Excel gets a leading apostrophe there. Every CSV or Excel export of text a
 * person or an imported file typed passes it through this (the questionnaire
 * CSV and the risk register do); a new export should too.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Reads back a cell written by spreadsheetSafe: the apostrophe it added is taken off again. */
export function fromSpreadsheetSafe(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}
