import { checkJsonTree, type InfrastructureDocument } from './document'
import { excerpt, InfrastructureImportError } from './import-error'

/**
 * JSON text to a document. A syntax error names its line and column and whether
 * the file simply ends too early; the message shows only the offending token,
 * never the parser's own quote of the surrounding text (which can hold a secret).
 */
export function parseJsonDocument(file: string, text: string): InfrastructureDocument {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    const { offset, truncated } = locateJsonError(text)
    const { line, column } = lineAndColumn(text, offset)
    const token = /^[^\s"',:[\]{}]{1,20}|^[\s\S]/.exec(text.slice(offset))?.[0] ?? ''
    const detail = truncated
      ? 'the JSON ends before it is complete (the file looks truncated)'
      : `is not valid JSON here (unexpected ${excerpt(token)})`
    throw new InfrastructureImportError(truncated ? 'truncated' : 'malformed', file, { line, column }, detail)
  }
  checkJsonTree(file, root)
  return { file, syntax: 'json', root, lineOf: () => undefined }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
const WHITESPACE = /[ \t\n\r]*/y

/**
 * Where JSON.parse failed, found by scanning the grammar again (only after a
 * failure): the first offset that cannot continue a valid document, or the end
 * when the text stops early. Iterative, so any nesting depth is fine.
 */
export function locateJsonError(text: string): { offset: number; truncated: boolean } {
  type Expect = 'value' | 'key' | 'colon' | 'after-value'
  const stack: ('{' | '[')[] = []
  let expect: Expect = 'value'
  let at = 0
  // A key is expected after '{' (where '}' may close an empty object) or after ',' (where it may not).
  let afterComma = false
  const skip = () => {
    WHITESPACE.lastIndex = at
    WHITESPACE.exec(text)
    at = WHITESPACE.lastIndex
  }
  const fail = () => ({ offset: at, truncated: at >= text.length })
  for (;;) {
    skip()
    if (at >= text.length) return { offset: text.length, truncated: stack.length > 0 || expect !== 'after-value' }
    const c = text[at] as string
    if (expect === 'after-value') {
      const top = stack[stack.length - 1]
      if (!top) return fail()
      if (c === ',') {
        at++
        afterComma = true
        expect = top === '{' ? 'key' : 'value'
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        at++
        stack.pop()
        expect = 'after-value'
      } else return fail()
      continue
    }
    if (expect === 'colon') {
      if (c !== ':') return fail()
      at++
      expect = 'value'
      continue
    }
    if (expect === 'key') {
      if (c === '}' && !afterComma) {
        at++
        stack.pop()
        expect = 'after-value'
        continue
      }
      if (c !== '"') return fail()
      const end = stringEnd(text, at)
      if (end < 0) return { offset: -end, truncated: -end >= text.length }
      at = end
      expect = 'colon'
      continue
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c)
      at++
      afterComma = false
      expect = c === '{' ? 'key' : 'value'
      skip()
      if (c === '[' && text[at] === ']') {
        at++
        stack.pop()
        expect = 'after-value'
      }
      continue
    }
    if (c === '"') {
      const end = stringEnd(text, at)
      if (end < 0) return { offset: -end, truncated: -end >= text.length }
      at = end
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = at
      if (!NUMBER.exec(text)) return fail()
      at = NUMBER.lastIndex
    } else {
      const word = ['true', 'false', 'null'].find(w => text.startsWith(w, at))
      if (!word) {
        const partial = ['true', 'false', 'null'].some(w => w.startsWith(text.slice(at)))
        return { offset: at, truncated: partial }
      }
      at += word.length
    }
    expect = 'after-value'
  }
}

/** The offset after a string starting at `start`, or minus the offset where it goes wrong. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) return i + 1
    if (c === 0x5c) i++
    else if (c < 0x20) return -i
  }
  return -text.length
}
