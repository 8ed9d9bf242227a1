import type { CallContext, HandlersFor } from '../api/handler-types'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import type { documentsCalls } from './contract'
import { customizePolicy, generatePack, generatePolicies, generateReview, previewDocuments } from './generate'

const PDF = [{ name: 'PDF document', extensions: ['pdf'] }]

/** A default file name from the organisation's name. */
function suggestedName(ctx: CallContext, suffix: string): string {
  const name = getWorkspaceProfile(ctx.workspace().db)?.organization.name ?? 'Workspace'
  return `${name.replace(/[\\/:*?"<>|]/g, '-').trim()} ${suffix}.pdf`
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

  'documents.customizePolicy': (input, ctx) => customizePolicy(ctx, input.id)
}
