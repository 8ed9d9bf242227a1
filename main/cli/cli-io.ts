/** Where the CLI writes: stdout for data (and only JSON with --json), stderr for messages and errors. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
}

export const processIo: CliIo = {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text)
}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

export function printLines(io: CliIo, lines: string[]): void {
  io.stdout(`${lines.join('\n')}\n`)
}
