// Counts the rows of a register file from its text, before anything is parsed:
// a file of millions of tiny rows ("[{},{},…]") must be refused by its count,
// not by running out of memory while millions of objects and their error
// reports are built. Linear, and allocates nothing per row.

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const LINE_FEED = 0x0a
const CARRIAGE_RETURN = 0x0d

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === LINE_FEED || c === CARRIAGE_RETURN || c === 0xfeff
}

/**
 * The rows of a register's JSON text, counted without building them: the items of a top-level array, or of the
 * array under `listKey` in a top-level object (a lone object is one row), or, when the text holds several top-level
 * values (JSON lines), how many there are. Malformed text gives a rough count: JSON.parse names the fault later.
 */
export function countJsonRows(text: string, listKey: string): number {
  let depth = 0
  let inString = false
  let escaped = false
  let topValues = 0
  let expectTopValue = true
  let topKind = 0
  // The depth the rows sit at while the reader is inside the row list; -1 outside it.
  let rowDepth = -1
  let expectRow = false
  let rows = 0
  let listFound = false
  // Keys of the top-level object, to find listKey's array.
  let expectKey = false
  let keyStart = -1
  let keyIsList = false
  let valueOfListKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (escaped) escaped = false
      else if (c === BACKSLASH) escaped = true
      else if (c === QUOTE) {
        inString = false
        if (keyStart >= 0) {
          keyIsList = i - keyStart - 1 === listKey.length && text.startsWith(listKey, keyStart + 1)
          keyStart = -1
        }
      }
      continue
    }
    if (isWhitespace(c)) {
      if (depth === 0) expectTopValue = true
      continue
    }
    if (depth === 0 && expectTopValue) {
      topValues++
      expectTopValue = false
      if (topValues === 1) topKind = c
    }
    if (depth === rowDepth && expectRow && c !== CLOSE_BRACKET && c !== COMMA) {
      rows++
      expectRow = false
    }
    if (depth === 1 && topKind === OPEN_BRACE && valueOfListKey && c !== COLON) {
      // The first character of listKey's value: the rows are its items when it is an array.
      if (c === OPEN_BRACKET) {
        rowDepth = 2
        expectRow = true
        rows = 0
        listFound = true
      }
      valueOfListKey = false
    }
    if (c === QUOTE) {
      inString = true
      if (depth === 1 && topKind === OPEN_BRACE && expectKey) {
        keyStart = i
        expectKey = false
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++
      if (depth === 1 && topValues === 1) {
        if (c === OPEN_BRACE) expectKey = true
        else {
          rowDepth = 1
          expectRow = true
        }
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (depth === rowDepth) rowDepth = -1
      depth = Math.max(0, depth - 1)
      if (depth === 0) expectTopValue = true
    } else if (c === COMMA) {
      if (depth === rowDepth) expectRow = true
      if (depth === 1 && topKind === OPEN_BRACE) expectKey = true
    } else if (c === COLON && depth === 1 && topKind === OPEN_BRACE) {
      valueOfListKey = keyIsList
      keyIsList = false
    }
  }
  if (topValues > 1) return topValues
  if (topKind === OPEN_BRACKET || listFound) return rows
  return topValues
}

/**
 * The data rows of a CSV text (lines after the header), counted as csv-parse reads them with `skip_empty_lines`
 * and `trim`: line breaks inside a quoted cell do not end a row, and blank lines are not rows.
 */
export function countCsvRows(text: string): number {
  let records = 0
  let inQuotes = false
  let lineHasContent = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      // A doubled quote inside a quoted cell toggles twice, so it leaves the cell open.
      inQuotes = !inQuotes
      lineHasContent = true
    } else if (!inQuotes && (c === LINE_FEED || c === CARRIAGE_RETURN)) {
      if (lineHasContent) records++
      lineHasContent = false
    } else if (!isWhitespace(c)) lineHasContent = true
  }
  if (lineHasContent) records++
  return Math.max(0, records - 1)
}
