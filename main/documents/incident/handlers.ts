import type { CallContext, HandlersFor } from '../../api/handler-types'
import { getIncident } from '../../breach/db/incidents'
import { ApiError } from '../../shared/errors'
import { localDateOf } from '../../shared/today'
import { writeFileAtomic } from '../write-output'
import { rememberWritten } from '../written-files'
import { composeIncidentDocumentation } from './compose-documentation'
import type { incidentDocumentCalls } from './contract'
import { readIncidentDocumentData, type IncidentDocumentData } from './incident-document-data'
import { LETTER_KIND_IDS, LETTER_KINDS, type LetterKind } from './letter-kinds'
import { gapsOf, letterText } from './letter-text'
import { renderLetterDocx } from './render-letter'

const DOCX = [{ name: 'Word document', extensions: ['docx'] }]
const PDF = [{ name: 'PDF document', extensions: ['pdf'] }]

/** The incident's title for a suggested file name; the path is settled before the incident is read, as for every export. */
function titleFor(ctx: CallContext, id: number): string {
  return (getIncident(ctx.workspace().db, id)?.title ?? 'Incident').replace(/[\\/:*?"<>|]/g, '-').trim()
}

function incidentData(ctx: CallContext, id: number): IncidentDocumentData {
  return readIncidentDocumentData(ctx.workspace().db, id, localDateOf(ctx.session.now()))
}

/** Why a letter cannot serve this incident, or null: each answers one of its obligations (the covered-entity notice, a business associate's incident). */
function letterMisfit(kind: LetterKind, data: IncidentDocumentData): string | null {
  const { incident, assessment } = data.detail
  if (kind === 'individual' && !assessment.obligations.some(o => o.kind === 'individuals')) {
    return `"${incident.title}" requires no notice to individuals from us (45 CFR 164.404).`
  }
  if (kind === 'media' && !assessment.obligations.some(o => o.kind === 'media')) {
    return `"${incident.title}" requires no media notice (45 CFR 164.406: more than 500 residents of one state).`
  }
  if (kind === 'covered-entity' && incident.role !== 'business-associate') {
    return `"${incident.title}" is recorded with us as the covered entity; the notice to the covered entity is a business associate's (45 CFR 164.410).`
  }
  return null
}

export const incidentDocumentHandlers: HandlersFor<typeof incidentDocumentCalls> = {
  'documents.incidentLetterKinds': (input, ctx) => {
    const data = incidentData(ctx, input.id)
    return LETTER_KIND_IDS.filter(kind => letterMisfit(kind, data) === null).map(kind => ({
      kind,
      label: LETTER_KINDS[kind].label,
      citation: LETTER_KINDS[kind].citation
    }))
  },

  'documents.incidentLetter': async (input, ctx) => {
    const kind = LETTER_KINDS[input.kind]
    const target = await ctx.savePath(input.path, {
      title: `Save the ${kind.label.toLowerCase()} (a draft to edit)`,
      defaultName: `${titleFor(ctx, input.id)} ${kind.fileName} (draft).docx`,
      filters: DOCX
    })
    if (!target) return null
    const data = incidentData(ctx, input.id)
    const misfit = letterMisfit(input.kind, data)
    if (misfit) throw new ApiError('conflict', misfit)
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
    const target = await ctx.savePath(input.path, {
      title: 'Save the breach documentation',
      defaultName: `${titleFor(ctx, input.id)} breach documentation.pdf`,
      filters: PDF
    })
    if (!target) return null
    const data = incidentData(ctx, input.id)
    const { buffer, pages, draftReasons } = await composeIncidentDocumentation(data)
    writeFileAtomic(target, buffer)
    return { path: target, bytes: buffer.length, pages, draftReasons, openId: rememberWritten(target) }
  }
}
