import type { ApiErrorShape } from '../shared/errors'

/** What a call returns across a transport: a value, or an error that says what went wrong. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiErrorShape }
