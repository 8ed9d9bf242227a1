import type { CallContext, HandlersFor } from '../../api/handler-types'
import { ApiError } from '../../shared/errors'
import { localDateOf } from '../../shared/today'
import { writeFileAtomic } from '../write-output'
import { rememberWritten } from '../written-files'
import { composeIncidentDocumentation } from './compose-documentation'
import type { incidentDocumentCalls } from './contract'
import { readIncidentDocumentData, type IncidentDocumentData } from './incident-document-data'
import { LETTER_KINDS, type LetterKind } from './letter-kinds'
import { gapsOf, letterText } from './letter-text'
import { renderLetterDocx } from './render-letter'

const DOCX = [{ name: 'Word document', extensions: ['docx'] }]
const PDF = [{ name: 'PDF document', extensions: ['pdf'] }]

const fileSafe = (text: string) => text.replace(/[\\/:*?"<>|]/g, '-').trim()

function incidentData(ctx: CallContext, id: number): IncidentDocumentData {
  return readIncidentDocumentData(ctx.workspace().db, id, localDateOf(ctx.session.now()))
}

/** A letter only where it can serve: a media notice needs a state over 500 residents, the covered-entity notice a business associate's incident. */
function checkLetterFits(kind: LetterKind, data: IncidentDocumentData): void {
  const { incident, assessment } = data.detail
  if (kind === 'media' && !assessment.obligations.some(o => o.kind === 'media')) {
    throw new ApiError('conflict', `"${incident.title}" requires no media notice (45 CFR 164.406: more than 500 residents of one state).`)
  }
  if (kind === 'covered-entity' && incident.role !== 'business-associate') {
    throw new ApiError(
      'conflict',
      `"${incident.title}" is recorded with us as the covered entity; the notice to the covered entity is a business associate's (45 CFR 164.410).`
    )
  }
}

export const incidentDocumentHandlers: HandlersFor<typeof incidentDocumentCalls> = {
  'documents.incidentLetter': async (input, ctx) => {
    const data = incidentData(ctx, input.id)
    checkLetterFits(input.kind, data)
    const kind = LETTER_KINDS[input.kind]
    const target = await ctx.savePath(input.path, {
      title: `Save the ${kind.label.toLowerCase()} (a draft to edit)`,
      defaultName: `${fileSafe(data.detail.incident.title)} ${kind.fileName} (draft).docx`,
      filters: DOCX
    })
    if (!target) return null
    const letter = letterText(input.kind, data)
    const buffer = await renderLetterDocx(letter, {
      subject: `${kind.label}: ${data.detail.incident.title}`,
      creator: data.organization?.name ?? 'Safeguard',
      citation: kind.citation
    })
    writeFileAtomic(target, buffer)
    return { kind: input.kind, path: target, bytes: buffer.length, toComplete: gapsOf(letter), openId: rememberWritten(target) }
  },

  'documents.incidentDocumentation': async (input, ctx) => {
    const data = incidentData(ctx, input.id)
    const target = await ctx.savePath(input.path, {
      title: 'Save the breach documentation',
      defaultName: `${fileSafe(data.detail.incident.title)} breach documentation.pdf`,
      filters: PDF
    })
    if (!target) return null
    const { buffer, pages, draftReasons } = await composeIncidentDocumentation(data)
    writeFileAtomic(target, buffer)
    return { path: target, bytes: buffer.length, pages, draftReasons, openId: rememberWritten(target) }
  }
}
