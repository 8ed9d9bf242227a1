import type { HandlersFor } from '../api/handler-types'
import type { oscalCalls } from './contract'
import { exportOscal } from './export-oscal'

export const oscalHandlers: HandlersFor<typeof oscalCalls> = {
  'documents.exportOscal': async (input, ctx) => {
    const dir = await ctx.saveFolder(input.dir, { title: 'Choose a folder for the OSCAL documents' })
    if (!dir) return null
    return exportOscal(ctx.workspace().db, { dir, now: ctx.session.now(), periodId: input.periodId, signal: ctx.signal, progress: ctx.progress })
  }
}
