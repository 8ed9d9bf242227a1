import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { readCatalog } from '../../assessment/reads'
import { getAnswer, listAnswers, upsertAnswer } from '../../assessment/db/answers'
import { recordChange } from '../../assessment/db/audit'
import { defineKind, shorten, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

const content = z.strictObject({ questionId: z.string().min(1).max(100), notes: z.string().trim().min(1).max(8000) })
type Content = z.infer<typeof content>

function question(questionId: string) {
  const found = readCatalog().questions.find(q => q.id === questionId)
  if (!found)
    throw new ApiError('invalid-input', `The library's answer note is for question "${questionId}", which this version's assessment does not have.`)
  return found
}

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, _key: string, c: Content): ApplyEffect {
  question(c.questionId)
  const before = getAnswer(ws.db, ws.periodId, c.questionId)
  if (!before || before.notes.trim() === '') return 'added'
  return before.notes === c.notes ? 'unchanged' : 'replaced'
}

/** A consultant's standard note on one question of the assessment (the answer itself is the client's, never copied). */
export const answerNoteKind = defineKind<Content>({
  label: 'Answer notes',
  description: 'A standard note on one question of the assessment.',
  content,
  neverCopied: [
    { field: 'value', why: "the answer itself (yes, partly, no…: the client's own state)" },
    { field: 'fieldValue', why: "the client's figure (minutes, years…)" },
    { field: 'toConfirm, updatedAt', why: "the client's review state and dates" }
  ],
  freeText: c => [c.notes],
  preview: c => shorten(c.notes),
  candidates: ws =>
    listAnswers(ws.db, ws.periodId)
      .filter(a => a.notes.trim() !== '')
      .map(a => ({
        key: a.questionId,
        title: `${a.questionId}: ${shorten(question(a.questionId).text, 90)}`,
        content: { questionId: a.questionId, notes: a.notes.trim() }
      })),
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect === 'unchanged') return effect
    const before = getAnswer(target.db, target.periodId, c.questionId)
    // The client's answer, figure and review state stay as they are; only the note changes.
    upsertAnswer(
      target.db,
      target.periodId,
      {
        questionId: c.questionId,
        value: before?.value ?? 'not-assessed',
        notes: c.notes,
        fieldValue: before?.fieldValue ?? null,
        toConfirm: before?.toConfirm ?? false
      },
      target.now
    )
    recordChange(target.db, {
      periodId: target.periodId,
      at: target.now,
      subject: `answer:${c.questionId}`,
      field: 'notes',
      oldValue: before?.notes ?? '',
      newValue: c.notes
    })
    return effect
  }
})
