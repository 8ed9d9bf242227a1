/**
 * The one error type that crosses the API boundary. `code` is stable and
 * machine-readable (tests, CLI exit handling, UI branching); `message` is
 * written for the person using the app and says what is wrong and where.
 */
export type ApiErrorCode =
  | 'unknown-call'
  | 'invalid-input'
  | 'no-workspace'
  | 'not-found'
  | 'not-a-file'
  | 'already-exists'
  | 'not-a-workspace'
  | 'workspace-too-new'
  | 'workspace-corrupt'
  | 'read-only'
  | 'in-use'
  | 'conflict'
  | 'cancelled'
  | 'unsupported'
  | 'import-rejected'
  | 'internal'

export interface ApiErrorShape {
  code: ApiErrorCode
  message: string
  details?: unknown
}

export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly details: unknown

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }

  toShape(): ApiErrorShape {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details }
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError
}
