import type { HandlersFor } from './handler-types'
import type { Contract } from './contract'
import { workspaceHandlers } from '../workspace/handlers'
import { backupHandlers } from '../backup/handlers'
import { securityHandlers } from '../security/handlers'
import { assessmentHandlers } from '../assessment/handlers'
import { baasHandlers } from '../baas/handlers'
import { breachHandlers } from '../breach/handlers'
import { breachDocumentHandlers } from '../breach/documents/handlers'
import { calendarHandlers } from '../calendar/handlers'
import { documentsHandlers } from '../documents/handlers'
import { incidentDocumentHandlers } from '../documents/incident/handlers'
import { scannerHandlers } from '../scanners/handlers'
import { triageHandlers } from '../scanners/triage/handlers'
import { checkMappingHandlers } from '../scanners/check-mappings/handlers'
import { mapHandlers } from '../map/handlers'
import { risksHandlers } from '../risks/handlers'
import { mapDrawingHandlers } from '../map/drawing/handlers'
import { proposedRuleHandlers } from '../proposed-rule/handlers'
import { oscalHandlers } from '../oscal/handlers'
import { verifyHandlers } from '../verify/handlers'
import { evidenceHandlers } from '../evidence/handlers'
import { portfolioHandlers } from '../portfolio/handlers'
import { libraryHandlers } from '../library/handlers'
import { signingHandlers } from '../signing/handlers'

/**
 * The one handler table, typed by the contract: a missing or extra handler is
 * a compile error. Electron IPC, the CLI and the tests all dispatch into it.
 */
export const handlers: HandlersFor<Contract> = {
  ...workspaceHandlers,
  ...backupHandlers,
  ...securityHandlers,
  ...assessmentHandlers,
  ...baasHandlers,
  ...breachHandlers,
  ...breachDocumentHandlers,
  ...calendarHandlers,
  ...documentsHandlers,
  ...incidentDocumentHandlers,
  ...scannerHandlers,
  ...triageHandlers,
  ...checkMappingHandlers,
  ...mapDrawingHandlers,
  ...mapHandlers,
  ...risksHandlers,
  ...proposedRuleHandlers,
  ...oscalHandlers,
  ...verifyHandlers,
  ...evidenceHandlers,
  ...portfolioHandlers,
  ...libraryHandlers,
  ...signingHandlers
}
