// Why an infrastructure file cannot be read, and where: the store shows this to
// the person and leaves the workspace as it was.

export type InfrastructureImportErrorCode =
  | 'not-a-file'
  | 'symlink'
  | 'unreadable'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'bad-encoding'
  | 'malformed'
  | 'truncated'
  | 'too-deep'
  | 'forbidden-key'
  | 'alias-limit'
  | 'unknown-format'
  | 'cancelled'

/** Where in the file: a line and column (1-based) when the parser knows them, else a JSON path. */
export interface InfrastructurePlace {
  line?: number
  column?: number
  /** `Resources.rDB.Properties`, `resources[3].instances[0]`. */
  path?: string
}

export class InfrastructureImportError extends Error {
  override name = 'InfrastructureImportError'

  constructor(
    readonly code: InfrastructureImportErrorCode,
    readonly file: string,
    readonly place: InfrastructurePlace,
    readonly detail: string
  ) {
    super(`${file}${describePlace(place)}: ${detail}`)
  }
}

export function describePlace(place: InfrastructurePlace): string {
  const parts: string[] = []
  if (place.line !== undefined) parts.push(place.column !== undefined ? `line ${place.line}, column ${place.column}` : `line ${place.line}`)
  if (place.path) parts.push(place.path === '(top level)' ? 'at the top level' : `at ${place.path}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

const EXCERPT_CHARS = 40

/** A short, printable excerpt for a message: never more than a few dozen characters of the file. */
export function excerpt(text: string): string {
  const cut = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text
  return JSON.stringify(cut.replace(/[^\x20-\x7e]/g, '?'))
}

/** A JSON path for messages: `Resources.rDB` or `resources[3]`; odd keys are quoted. */
export function pathText(path: readonly (string | number)[]): string {
  let out = ''
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`
    else if (/^[A-Za-z_$][\w$:-]*$/.test(step)) out += out ? `.${step}` : step
    else out += `[${excerpt(step)}]`
  }
  return out || '(top level)'
}
