import { z } from 'zod'
import threatsJson from '../../../templates/risks/threats.json'
import { ApiError } from '../../shared/errors'
import { EMPTY_SCENARIO, insertScenario, listScenarios, updateScenario, type ScenarioValues } from '../../risks/db/scenarios'
import { recordRiskChange } from '../../risks/db/audit'
import { defineKind, shorten, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

const content = z.strictObject({
  title: z.string().trim().min(1).max(300),
  threatId: z.string().min(1).max(80).nullable(),
  description: z.string().trim().max(8000),
  existingControls: z.string().trim().max(8000),
  treatmentPlan: z.string().trim().max(8000)
})
type Content = z.infer<typeof content>

const COPIED = ['title', 'threatId', 'description', 'existingControls', 'treatmentPlan'] as const

/** The library's key of a scenario: its threat and title, never the client's asset it was written about. */
export function scenarioLibraryKey(title: string, threatId: string | null): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 160)
  return `${threatId ?? 'no-threat'}/${slug || 'untitled'}`
}

const workspaceKey = (key: string) => `library:${key}`

function checkThreat(threatId: string | null): void {
  if (threatId !== null && !threatsJson.threats.some(t => t.id === threatId)) {
    throw new ApiError(
      'invalid-input',
      `The library's risk scenario names the threat "${threatId}", which this version's threat catalog does not have.`
    )
  }
}

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, key: string, c: Content): ApplyEffect {
  checkThreat(c.threatId)
  const before = listScenarios(ws.db, ws.periodId).find(s => s.key === workspaceKey(key))
  if (!before) return 'added'
  return COPIED.every(field => before[field] === c[field]) ? 'unchanged' : 'replaced'
}

/**
 * A risk scenario the consultant writes at every client (a threat and its description, the usual controls and
 * plan). It arrives as a new open scenario without assets: the person links it to the client's assets and rates it.
 */
export const riskScenarioKind = defineKind<Content>({
  label: 'Risk scenarios',
  description: 'A threat scenario with its description, usual controls and treatment plan.',
  content,
  neverCopied: [
    { field: 'assets, vulnerabilities, tasks', why: "the client's systems, findings and work" },
    { field: 'likelihood, impact and their rationales, residual rating', why: "the client's own assessment" },
    {
      field: 'treatment, acceptedBy, acceptanceReason, transferParty, business associate',
      why: "the client's decision and the people and parties it names"
    },
    { field: 'owner, status, dates', why: 'the owner, status and dates (people and dates of the client)' }
  ],
  freeText: c => [c.title, c.description, c.existingControls, c.treatmentPlan],
  preview: c => shorten(c.description || c.treatmentPlan || c.title),
  candidates: ws =>
    listScenarios(ws.db, ws.periodId)
      .filter(s => s.title.trim() !== '')
      .map(s => {
        const c: Content = {
          title: s.title.trim(),
          threatId: s.threatId,
          description: s.description.trim(),
          existingControls: s.existingControls.trim(),
          treatmentPlan: s.treatmentPlan.trim()
        }
        return { key: scenarioLibraryKey(c.title, c.threatId), title: c.title, content: c }
      }),
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect === 'unchanged') return effect
    const scenarioKey = workspaceKey(key)
    const before = listScenarios(target.db, target.periodId).find(s => s.key === scenarioKey)
    if (before) updateScenario(target.db, before.id, c, target.now)
    else {
      // A new scenario carries the library's text only: no rating, treatment, owner or dates of another client.
      const values: ScenarioValues = { ...EMPTY_SCENARIO, ...c, foundOn: target.today }
      insertScenario(target.db, target.periodId, scenarioKey, values, target.now)
    }
    for (const field of COPIED) {
      recordRiskChange(target.db, {
        periodId: target.periodId,
        scenarioKey,
        at: target.now,
        field,
        oldValue: before?.[field] ?? null,
        newValue: c[field]
      })
    }
    return effect
  }
})
