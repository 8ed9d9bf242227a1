import { parseIncident } from '../../main/breach/obligations'
import type { z } from 'zod'
import type { Incident, incidentSchema } from '../../main/breach/incident-schema'
import type { BreachAssessment, BreachObligation } from '../../main/breach/obligation-types'

/** A covered-entity incident of unsecured PHI, with overrides. */
export function incident(overrides: Partial<Record<keyof z.input<typeof incidentSchema>, unknown>> = {}): Incident {
  return parseIncident({
    title: 'Test incident',
    discoveredOn: '2026-03-01',
    role: 'covered-entity',
    // The older flag unless the case records an outcome of its own.
    ...('assessment' in overrides || 'riskAssessment' in overrides ? {} : { unsecuredPhi: true }),
    affectedByState: { GA: 10 },
    ...overrides
  })
}

export function only(assessment: BreachAssessment, id: string): BreachObligation {
  const found = assessment.obligations.filter(obligation => obligation.id === id)
  if (found.length !== 1) throw new Error(`expected exactly one obligation ${id}, got ${assessment.obligations.map(o => o.id).join(', ')}`)
  return found[0]!
}

export const ids = (assessment: BreachAssessment): string[] => assessment.obligations.map(obligation => obligation.id).sort()
