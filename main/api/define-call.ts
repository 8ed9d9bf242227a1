import type { z } from 'zod'

/**
 * One entry of the API contract: the zod schema that validates the input at
 * the boundary, and (as a phantom type only) the result the handler returns.
 * Results must be plain JSON data (no Date, Map, class instances) because
 * they cross IPC, the CLI's --json output and the end-to-end bridge.
 */
export interface CallDefinition<Input extends z.ZodType, Output> {
  readonly input: Input
  /** Never read at runtime: carries the output type for inference. */
  readonly output?: Output
}

export function defineCall<Output>() {
  return <Input extends z.ZodType>(input: Input): CallDefinition<Input, Output> => ({ input })
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCallDefinition = CallDefinition<z.ZodType, any>

export type CallTable = Record<string, AnyCallDefinition>

export type CallInput<D> = D extends CallDefinition<infer I, unknown> ? z.input<I> : never
export type CallParsedInput<D> = D extends CallDefinition<infer I, unknown> ? z.output<I> : never
export type CallOutput<D> = D extends CallDefinition<z.ZodType, infer O> ? O : never

/** Progress of long work (imports, document generation), pushed to the caller. */
export interface ProgressUpdate {
  phase: string
  /** Units done so far (bytes, findings, pages: `unit` says which). */
  done?: number
  total?: number
  unit?: string
  message?: string
  /** Extra counters a screen may show, e.g. { findings: 1200 }. */
  counts?: Record<string, number>
}
