// CloudFormation accepts templates whose multi-line quoted values continue at
// the key's own indentation, which YAML 1.2 forbids (AWS's own HIPAA Quick
// Start has them). Leading spaces of a quoted value's continuation lines are
// dropped when the value is folded, so indenting those lines further changes
// nothing but lets a strict parser read the file. Used only after a strict
// parse failed, and only if the result then parses.

const QUOTE_START = /^(\s*)(?:-\s+)?(?:[^\s#'"][^#'"]*?:\s+|-\s+)?(?:![A-Za-z:]+\s+)?(['"])/
const BLOCK_SCALAR = /(?::|-)\s+[|>][+-]?\d*\s*(#.*)?$/

export function indentQuotedContinuations(text: string): string | null {
  const lines = text.split('\n')
  let changed = false
  let quote: { char: string; indent: number } | null = null
  let blockIndent: number | null = null
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const indent = line.length - line.trimStart().length
    if (blockIndent !== null) {
      if (line.trim() === '' || indent > blockIndent) continue
      blockIndent = null
    }
    if (quote) {
      if (line.trim() !== '' && indent <= quote.indent) {
        lines[i] = ' '.repeat(quote.indent + 2 - indent) + line
        changed = true
      }
      if (closes(line, 0, quote.char)) quote = null
      continue
    }
    const start = QUOTE_START.exec(line)
    if (start) {
      const char = start[2] as string
      const opened = (start.index ?? 0) + start[0].length
      if (!closes(line, opened, char)) quote = { char, indent }
      continue
    }
    if (BLOCK_SCALAR.test(line)) blockIndent = indent
  }
  return changed ? lines.join('\n') : null
}

/** Whether a quoted value that is open at `from` closes on this line. */
function closes(line: string, from: number, char: string): boolean {
  for (let i = from; i < line.length; i++) {
    const c = line[i]
    if (char === '"' && c === '\\') {
      i++
      continue
    }
    if (c !== char) continue
    if (char === "'" && line[i + 1] === "'") {
      i++
      continue
    }
    return true
  }
  return false
}
