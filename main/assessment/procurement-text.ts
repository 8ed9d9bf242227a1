// The procurement answers as plain text with their citations: what Copy puts on the clipboard and the
// text export writes, so a person pastes into a questionnaire exactly what the screen shows.
import type { ProcurementAnswer, ProcurementStatus } from './contract'

export const PROCUREMENT_STATUS_WORDS: Record<ProcurementStatus, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  unknown: 'Not answered yet'
}

/** The status a reader sees: none for a description of measures that has something assessed. */
export function procurementStatusWord(answer: Pick<ProcurementAnswer, 'kind' | 'status'>): string | null {
  if (answer.kind === 'descriptive' && answer.status !== 'unknown') return null
  return PROCUREMENT_STATUS_WORDS[answer.status]
}

export function citationsText(citations: readonly string[]): string {
  return citations.length ? `45 CFR ${citations.join(', ')}` : 'none'
}

export function procurementAnswerText(answer: Omit<ProcurementAnswer, 'text'>): string {
  const status = procurementStatusWord(answer)
  return [
    answer.question,
    ...(status ? [`Status: ${status}`] : []),
    answer.answer,
    `Citations: ${citationsText(answer.citations)}`,
    `Based on: ${answer.basis.join('; ')}`
  ].join('\n')
}

export function procurementViewText(answers: readonly ProcurementAnswer[]): string {
  return answers.map(a => a.text).join('\n\n')
}
