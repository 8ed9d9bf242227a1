import { checkJsonTree, type InfrastructureDocument } from './document'
import { excerpt, InfrastructureImportError } from './import-error'

/** JSON text to a document; a syntax error names its line and column and whether the file simply ends too early. */
export function parseJsonDocument(file: string, text: string): InfrastructureDocument {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err
    const reported = /position (\d+)/.exec(err.message)
    const end = text.trimEnd().length
    const at = reported ? Number(reported[1]) : end
    const truncated = at >= end || /end of (JSON|data)/i.test(err.message)
    const { line, column } = lineAndColumn(text, Math.min(at, text.length))
    const near = text.slice(at, at + 20).split('\n')[0] ?? ''
    const detail = truncated
      ? 'the JSON ends before it is complete (the file looks truncated)'
      : `is not valid JSON here${near ? ` (near ${excerpt(near)})` : ''}: ${err.message.replace(/ in JSON at position \d+.*$/, '').slice(0, 120)}`
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
