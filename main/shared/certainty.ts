import { z } from 'zod'

/**
 * How sure the research behind a rule is: confirmed against the regulation or
 * statute text, found only in secondary summaries, or not confirmed at all.
 */
export const certaintySchema = z.enum(['confirmed', 'secondary', 'unconfirmed'])
export type Certainty = z.infer<typeof certaintySchema>

const RANK: Record<Certainty, number> = { confirmed: 0, secondary: 1, unconfirmed: 2 }

/** The least sure of several certainties (a chain is only as sure as its weakest link). */
export function weakestCertainty(...levels: Certainty[]): Certainty {
  return levels.reduce<Certainty>((weakest, level) => (RANK[level] > RANK[weakest] ? level : weakest), 'confirmed')
}

export const CHECK_WITH_COUNSEL = 'Check with counsel'
