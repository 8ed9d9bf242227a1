import type { LibraryItemKind } from './contract'
import { answerNoteKind } from './kinds/answer-note'
import { businessAssociateTemplateKind } from './kinds/business-associate-template'
import { checkMappingKind } from './kinds/check-mapping'
import { decisionExplanationKind } from './kinds/decision-explanation'
import type { LibraryItemKindDefinition } from './kinds/kind-definition'
import { policyCustomisationKind } from './kinds/policy-customisation'
import { riskScenarioKind } from './kinds/risk-scenario'

/**
 * The kinds of practice-library items: one entry per id of LIBRARY_ITEM_KINDS (the compiler insists). Each says
 * how to read candidates from a workspace, how to apply an item to one, which fields are copied (its strict
 * `content` schema) and which never are (`neverCopied`, with why). The kinds' modules are in kinds/.
 *
 * Custom threats have no kind of their own: a workspace's threats come from the built-in catalog
 * (templates/risks/threats.json) and a consultant's own threat is written as a risk scenario, which this carries.
 */
export const LIBRARY_ITEM_KIND_DEFINITIONS: Record<LibraryItemKind, LibraryItemKindDefinition> = {
  'policy-customisation': policyCustomisationKind as LibraryItemKindDefinition,
  'answer-note': answerNoteKind as LibraryItemKindDefinition,
  'decision-explanation': decisionExplanationKind as LibraryItemKindDefinition,
  'risk-scenario': riskScenarioKind as LibraryItemKindDefinition,
  'business-associate-template': businessAssociateTemplateKind as LibraryItemKindDefinition,
  'check-mapping': checkMappingKind as LibraryItemKindDefinition
}

/** The fields an item of `kind` carries: the keys of its strict content schema. */
export function copiedFields(kind: LibraryItemKind): string[] {
  const schema = LIBRARY_ITEM_KIND_DEFINITIONS[kind].content as unknown as { shape?: Record<string, unknown> }
  return Object.keys(schema.shape ?? {})
}
