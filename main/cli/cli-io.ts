/** Where the CLI writes: stdout for data (and only JSON with --json), stderr for messages and errors. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** A progress line redrawn in place on a terminal: the one writer allowed to send \\r and erase codes itself. */
  status?(text: string): void
}

/**
 * Control characters (escape sequences that clear the screen or rewrite earlier lines, C1 codes,
 * bidirectional overrides) reach the terminal only as visible `\\u001b`-style escapes: titles and
 * names come from imported files. The same form is a valid JSON escape, so --json output stays valid.
 */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_FOR_TERMINAL, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export const processIo: CliIo = {
  stdout: text => process.stdout.write(terminalSafe(text)),
  stderr: text => process.stderr.write(terminalSafe(text)),
  status: text => process.stderr.write(text)
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

export function printLines(io: CliIo, lines: string[]): void {
  io.stdout(`${lines.join('\n')}\n`)
}
