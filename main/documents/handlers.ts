import type { CallContext, HandlersFor } from '../api/handler-types'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import type { documentsCalls } from './contract'
import { customizePolicy, generatePack, generatePolicies, generateReview, packOutline, previewDocuments, readDocumentReadiness } from './generate'
import { readProcurement } from '../assessment/reads'
import { ApiError } from '../shared/errors'
import { writeExportFile } from '../shared/export-file'
import { procurementCsv } from './procurement-csv'
import { rememberWritten, writtenPath } from './written-files'

const PDF = [{ name: 'PDF document', extensions: ['pdf'] }]
const CSV = [{ name: 'CSV (spreadsheet)', extensions: ['csv'] }]

/** A default file name from the organisation's name. */
function suggestedName(ctx: CallContext, suffix: string, extension = 'pdf'): string {
  const name = getWorkspaceProfile(ctx.workspace().db)?.organization.name ?? 'Workspace'
  return `${name.replace(/[\\/:*?"<>|]/g, '-').trim()} ${suffix}.${extension}`
}

export const documentsHandlers: HandlersFor<typeof documentsCalls> = {
  'documents.preview': (input, ctx) => previewDocuments(ctx, input.periodId),

  'documents.generatePolicies': async (input, ctx) => {
    const dir = await ctx.saveFolder(input.dir, { title: 'Choose a folder for the policy set' })
    if (!dir) return null
    return generatePolicies(ctx, { ...input, dir })
  },

  'documents.generatePack': async (input, ctx) => {
    const target = await ctx.savePath(input.path, {
      title: 'Save the evidence pack',
      defaultName: suggestedName(ctx, input.redact ? 'evidence pack (redacted)' : 'evidence pack'),
      filters: PDF
    })
    if (!target) return null
    return generatePack(ctx, { ...input, path: target })
  },

  'documents.generateReview': async (input, ctx) => {
    const target = await ctx.savePath(input.path, { title: 'Save the annual review', defaultName: suggestedName(ctx, 'annual review'), filters: PDF })
    if (!target) return null
    return generateReview(ctx, { ...input, path: target })
  },

  'documents.packOutline': (input, ctx) => packOutline(ctx, input),

  'documents.readiness': (input, ctx) => readDocumentReadiness(ctx, input.periodId),

  'documents.exportProcurement': async (input, ctx) => {
    const target = await ctx.savePath(input.path, {
      title: 'Export the procurement answers',
      defaultName: suggestedName(ctx, 'procurement answers', 'csv'),
      filters: CSV
    })
    if (!target) return null
    const view = readProcurement(ctx.workspace().db, ctx.session.now(), input.periodId)
    const text = procurementCsv([view.baa, view.services, view.minimumNecessary])
    const file = writeExportFile(target, text)
    return { path: file, bytes: Buffer.byteLength(text), answers: 3, openId: rememberWritten(file) }
  },

  'documents.copyProcurement': (input, ctx) => {
    const view = readProcurement(ctx.workspace().db, ctx.session.now(), input.periodId)
    const text = input.answer ? view[input.answer].text : view.text
    ctx.host.copyText(text)
    return { text }
  },

  'documents.openWritten': async (input, ctx) => {
    const file = writtenPath(input.openId)
    try {
      await ctx.host.openPath(file)
    } catch (error) {
      throw new ApiError('not-found', `Could not open ${file}: ${(error as Error).message}`)
    }
    return null
  },

  'documents.showWritten': (input, ctx) => {
    ctx.host.showItemInFolder(writtenPath(input.openId))
    return null
  },

  'documents.customizePolicy': (input, ctx) => customizePolicy(ctx, input.id)
}
