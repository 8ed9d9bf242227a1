import type { CallInput, CallOutput } from './define-call'
import { workspaceCalls } from '../workspace/contract'
import { backupCalls } from '../backup/contract'
import { securityCalls } from '../security/contract'
import { assessmentCalls } from '../assessment/contract'
import { baasCalls } from '../baas/contract'
import { breachCalls } from '../breach/contract'
import { calendarCalls } from '../calendar/contract'
import { documentsCalls } from '../documents/contract'
import { scannerCalls } from '../scanners/contract'

/**
 * The one API contract: every call the renderer, the CLI and the tests can
 * make, with its input schema and result type. Each feature declares its
 * calls in its own `contract.ts`; add one spread line here for a new feature.
 */
export const contract = {
  ...workspaceCalls,
  ...backupCalls,
  ...securityCalls,
  ...assessmentCalls,
  ...baasCalls,
  ...breachCalls,
  ...calendarCalls,
  ...documentsCalls,
  ...scannerCalls
}

export type Contract = typeof contract
export type CallName = keyof Contract
export type InputOf<K extends CallName> = CallInput<Contract[K]>
export type OutputOf<K extends CallName> = CallOutput<Contract[K]>

export const CALL_NAMES = Object.keys(contract) as CallName[]
