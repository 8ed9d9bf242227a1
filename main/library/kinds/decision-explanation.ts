import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { DECISION_KINDS } from '../../assessment/contract'
import { readCatalog } from '../../assessment/reads'
import { getDecision, listDecisions, upsertDecision } from '../../assessment/db/decisions'
import { recordChange } from '../../assessment/db/audit'
import { defineKind, shorten, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

const content = z.strictObject({
  citation: z.string().min(1).max(60),
  decision: z.enum(DECISION_KINDS),
  explanation: z.string().trim().min(1).max(8000)
})
type Content = z.infer<typeof content>

function addressable(citation: string) {
  const entry = readCatalog().entries.find(e => e.citation === citation)
  if (!entry)
    throw new ApiError(
      'invalid-input',
      `The library's decision explanation is for "${citation}", which is not a specification of the Security Rule catalog.`
    )
  if (entry.requirement !== 'addressable') {
    throw new ApiError(
      'invalid-input',
      `The library's decision explanation is for ${citation} ${entry.title}, which is Required: there is no decision to record.`
    )
  }
  return entry
}

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, _key: string, c: Content): ApplyEffect {
  addressable(c.citation)
  const before = getDecision(ws.db, ws.periodId, c.citation)
  if (!before) return 'added'
  return before.decision === c.decision && before.explanation === c.explanation ? 'unchanged' : 'replaced'
}

/** A standard explanation of the decision on an addressable specification (164.306(d)(3)); who decided and when stay the client's. */
export const decisionExplanationKind = defineKind<Content>({
  label: 'Decision explanations',
  description: 'The decision on an addressable specification and the explanation that documents it.',
  content,
  neverCopied: [
    { field: 'decidedBy', why: 'who decided (a person at the client)' },
    { field: 'decidedOn, updatedAt', why: "when it was decided (the client's dates)" }
  ],
  freeText: c => [c.explanation],
  preview: c => `${c.decision}: ${shorten(c.explanation)}`,
  candidates: ws =>
    listDecisions(ws.db, ws.periodId)
      .filter(d => d.explanation.trim() !== '')
      .map(d => ({
        key: d.citation,
        title: `${d.citation} ${readCatalog().entries.find(e => e.citation === d.citation)?.title ?? ''}`.trim(),
        content: { citation: d.citation, decision: d.decision, explanation: d.explanation.trim() }
      })),
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect === 'unchanged') return effect
    const before = getDecision(target.db, target.periodId, c.citation)
    const after = {
      citation: c.citation,
      decision: c.decision,
      explanation: c.explanation,
      decidedBy: before?.decidedBy ?? '',
      decidedOn: before?.decidedOn ?? target.today
    }
    upsertDecision(target.db, target.periodId, after, target.now)
    for (const field of ['decision', 'explanation', 'decidedBy', 'decidedOn'] as const) {
      recordChange(target.db, {
        periodId: target.periodId,
        at: target.now,
        subject: `decision:${c.citation}`,
        field,
        oldValue: before?.[field] ?? null,
        newValue: after[field]
      })
    }
    return effect
  }
})
