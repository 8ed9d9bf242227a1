import type { HandlersFor } from '../api/handler-types'
import type { verifyCalls } from './contract'
import { verifyPack } from './verify-pack'

const PDF = [{ name: 'PDF document', extensions: ['pdf'] }]

export const verifyHandlers: HandlersFor<typeof verifyCalls> = {
  'verify.pack': async (input, ctx) => {
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Verify a pack', filters: PDF }))
    if (!file) return null
    return verifyPack(file, input.evidenceDir ? { evidenceDir: input.evidenceDir } : {})
  },
  'verify.chooseEvidenceFolder': async (_input, ctx) => ctx.host.pickDirectory({ title: 'The evidence folder exported beside the pack' })
}
