import { type z } from 'zod'
import { ApiError, isApiError } from '../shared/errors'
import type { Envelope } from './envelope'
import { contract, type CallName } from './contract'
import { handlers } from './handlers'
import type { CallContext, Handler } from './handler-types'
import type { AnyCallDefinition } from './define-call'

function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** Reads a zod failure as one sentence per problem, each naming the field. */
function describeIssues(error: z.ZodError): string {
  return error.issues.map(issue => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ')
}

/**
 * Validates and runs one call. The name must be in the contract and the
 * input must match its schema before any handler runs, so a bad call
 * changes nothing. Throws ApiError; transports turn it into an envelope.
 */
export async function callHandler(name: unknown, input: unknown, ctx: CallContext): Promise<unknown> {
  if (!isCallName(name)) {
    throw new ApiError('unknown-call', `Unknown call "${String(name)}".`)
  }
  const definition: AnyCallDefinition = contract[name]
  const parsed = definition.input.safeParse(input ?? {})
  if (!parsed.success) {
    throw new ApiError('invalid-input', `Invalid input for ${name}: ${describeIssues(parsed.error)}`, {
      issues: parsed.error.issues.map(issue => ({ path: issue.path.map(String), message: issue.message }))
    })
  }
  const handler = handlers[name] as Handler<AnyCallDefinition>
  return await handler(parsed.data, ctx)
}

export function toErrorEnvelope(error: unknown): Envelope<never> {
  if (isApiError(error)) return { ok: false, error: error.toShape() }
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    // Another program (or a tool outside Safeguard) is writing to the workspace at this moment.
    return {
      ok: false,
      error: {
        code: 'in-use',
        message: 'The workspace is in use by another program at this moment; nothing was changed. Try again when it has finished.'
      }
    }
  }
  const message = error instanceof Error ? error.message : String(error)
  return { ok: false, error: { code: 'internal', message: `Something went wrong: ${message}` } }
}

/**
 * The transport-facing form: never throws, always answers with an envelope.
 * Calls from a transport run one at a time per session (see Session.serialize);
 * handlers that call other handlers use callHandler directly.
 */
export async function dispatch(name: unknown, input: unknown, ctx: CallContext): Promise<Envelope> {
  return ctx.session.serialize(async () => {
    try {
      return { ok: true, value: await callHandler(name, input, ctx) }
    } catch (error) {
      return toErrorEnvelope(error)
    }
  })
}
