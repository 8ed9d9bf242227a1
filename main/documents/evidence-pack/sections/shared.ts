import type { AnswerCounts, EvidencePackData, FamilyId } from '../pack-data'
import { ANSWERS } from '../../labels'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'
import { NOT_RECORDED } from '../procurement-answers'

export function notRecorded(w: PdfWriter, what: string): void {
  w.paragraph(`${NOT_RECORDED} ${what}`, { color: COLOR.muted, font: 'italic' })
}

export const ROLE_LABEL = { 'covered-entity': 'Covered entity', 'business-associate': 'Business associate' } as const

export function answerTotals(data: EvidencePackData) {
  const totals = { yes: 0, partly: 0, no: 0, 'not-applicable': 0, 'not-assessed': 0 }
  for (const family of data.families ?? []) for (const a of ANSWERS) totals[a] += family.counts[a]
  const all = ANSWERS.reduce((sum, a) => sum + totals[a], 0)
  return { totals, all, assessed: all - totals['not-assessed'] }
}

/**
 * Share of the applicable items answered Yes, as a whole percent, or null when none applies.
 * Not-applicable items are left out of both sides: 1 Yes, 1 No and 7 N/A is 50%, not 11%.
 */
export function yesPercent(counts: AnswerCounts): number | null {
  const applicable = ANSWERS.reduce((sum, a) => sum + counts[a], 0) - counts['not-applicable']
  return applicable === 0 ? null : Math.round((counts.yes / applicable) * 100)
}

export function isOverdue(item: { status: string; dueOn: string }, asOf: string): boolean {
  return item.status !== 'done' && item.dueOn < asOf
}

export const FAMILY_SHORT: Record<FamilyId, string> = {
  administrative: 'Administrative (164.308)',
  physical: 'Physical (164.310)',
  technical: 'Technical (164.312)',
  organizational: 'Organizational (164.314)',
  documentation: 'Documentation (164.316)'
}
