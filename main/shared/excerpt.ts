// Error messages about a file that failed to parse quote at most a short,
// printable excerpt of it: never its contents at length (a link to a secret
// must not print the secret), never raw control characters that drive a terminal.

/** At most maxChars of text, in quotes, with control and other non-printable characters escaped. */
export function printableExcerpt(text: string, maxChars = 40): string {
  const chars = [...text]
  const shown = chars
    .slice(0, maxChars)
    .map(c => {
      const code = c.codePointAt(0) as number
      if (c === '"' || c === '\\') return `\\${c}`
      if (code < 0x20 || (code >= 0x7f && code < 0xa0) || /[\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(c))
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`
      return c
    })
    .join('')
  return `"${shown}"${chars.length > maxChars ? '…' : ''}`
}

/** Longest parser message passed on (the parser's own wording is kept; quoted text from the file is cut to an excerpt). */
const MAX_MESSAGE_CHARS = 200

/**
 * A parser's error message (JSON.parse quotes the text around the error, csv-parse
 * the field) with each quoted piece cut to a printable excerpt and the whole bounded.
 */
export function parserMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error)
  const quoted = raw.replace(/"([^"]*)"/g, (_m, inner: string) => printableExcerpt(inner, 40))
  const plain = quoted.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
  return plain.length > MAX_MESSAGE_CHARS ? `${plain.slice(0, MAX_MESSAGE_CHARS)}…` : plain
}

/** A name read from a file (a column header) as written when it is short and plainly printable, else as a quoted excerpt. */
export function printableName(text: string): string {
  return /^[\p{L}\p{N} _.,:;'()/#&+-]{1,40}$/u.test(text) ? text : printableExcerpt(text)
}
