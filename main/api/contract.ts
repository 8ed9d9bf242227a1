import type { SafeguardBridge } from './bridge'
import type { CallInput, CallOutput, ProgressUpdate } from './define-call'
import type { ApiErrorCode } from '../shared/errors'
import { workspaceCalls } from '../workspace/contract'
import { backupCalls } from '../backup/contract'
import { securityCalls } from '../security/contract'
import { assessmentCalls } from '../assessment/contract'
import { baasCalls } from '../baas/contract'
import { breachCalls } from '../breach/contract'
import { breachDocumentCalls } from '../breach/documents/contract'
import { calendarCalls } from '../calendar/contract'
import { documentsCalls } from '../documents/contract'
import { incidentDocumentCalls } from '../documents/incident/contract'
import { scannerCalls } from '../scanners/contract'
import { triageCalls } from '../scanners/triage/contract'
import { checkMappingCalls } from '../scanners/check-mappings/contract'
import { mapCalls } from '../map/contract'
import { risksCalls } from '../risks/contract'
import { mapDrawingCalls } from '../map/drawing/contract'
import { proposedRuleCalls } from '../proposed-rule/contract'
import { oscalCalls } from '../oscal/contract'
import { verifyCalls } from '../verify/contract'
import { evidenceCalls } from '../evidence/contract'
import { portfolioCalls } from '../portfolio/contract'
import { libraryCalls } from '../library/contract'
import { signingCalls } from '../signing/contract'

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
  ...breachDocumentCalls,
  ...calendarCalls,
  ...documentsCalls,
  ...incidentDocumentCalls,
  ...scannerCalls,
  ...triageCalls,
  ...checkMappingCalls,
  ...mapDrawingCalls,
  ...mapCalls,
  ...risksCalls,
  ...proposedRuleCalls,
  ...oscalCalls,
  ...verifyCalls,
  ...evidenceCalls,
  ...portfolioCalls,
  ...libraryCalls,
  ...signingCalls
}

export type Contract = typeof contract
export type CallName = keyof Contract
export type InputOf<K extends CallName> = CallInput<Contract[K]>
export type OutputOf<K extends CallName> = CallOutput<Contract[K]>

// The renderer's client types, so it imports contracts only. Imported as types and re-exported bare,
// because bridge.ts imports this file: a type-only import makes no runtime (or lint-detected) cycle.
export type { ApiErrorCode, ProgressUpdate, SafeguardBridge }

export const CALL_NAMES = Object.keys(contract) as CallName[]
