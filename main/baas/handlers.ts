import path from 'node:path'
import type { HandlersFor } from '../api/handler-types'
import { ApiError } from '../shared/errors'
import type { CallContext } from '../api/handler-types'
import { localDateOf } from '../shared/today'
import { agreementCopyName, checkedAgreementContent, readAgreementFile } from './agreement-file'
import type { baasCalls } from './contract'
import { deleteAgreementFile, getAgreementFileContent, putAgreementFile } from './db/agreement-files'
import {
  archiveBusinessAssociate,
  countAllChildren,
  deleteArchivedBusinessAssociate,
  insertBusinessAssociate,
  listLiveChildren,
  restoreBusinessAssociate,
  setLastReview,
  updateBusinessAssociate
} from './db/business-associates'
import { clearTerm, setTerm } from './db/terms'
import type { FlagOptions } from './flags'
import { importBusinessAssociates } from './import'
import { REGISTER_FILTERS } from '../shared/tabular-file'
import {
  archivedAssociates,
  chainOf,
  checkParent,
  detailOf,
  listSummaries,
  requireAssociate,
  requireLiveAssociate,
  workspaceAnchorOn
} from './register'
import { loadRequiredTerms } from './required-terms'
import { writeExportFile } from '../shared/export-file'
import { plural } from '../shared/count-text'

function flagOptions(ctx: CallContext, input: { asOf?: string | undefined; expiringWithinDays?: number }): FlagOptions {
  const { db } = ctx.workspace()
  return {
    asOf: input.asOf ?? localDateOf(ctx.session.now()),
    expiringWithinDays: input.expiringWithinDays ?? 60,
    anchorOn: workspaceAnchorOn(db)
  }
}

const AGREEMENT_FILTERS = [{ name: 'Agreements', extensions: ['pdf', 'docx', 'doc', 'odt', 'txt', 'png', 'jpg', 'jpeg', 'tif', 'tiff'] }]

export const baasHandlers: HandlersFor<typeof baasCalls> = {
  'baas.list': (input, ctx) => listSummaries(ctx.workspace().db, flagOptions(ctx, input)),

  'baas.get': (input, ctx) => detailOf(ctx.workspace().db, input.id, flagOptions(ctx, input)),

  'baas.create': (input, ctx) => {
    const { db } = ctx.workspace()
    checkParent(db, null, input.associate.parentId)
    const id = insertBusinessAssociate(db, input.associate, ctx.session.now())
    return detailOf(db, id, flagOptions(ctx, {}))
  },

  'baas.update': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveAssociate(db, input.id)
    checkParent(db, input.id, input.associate.parentId)
    updateBusinessAssociate(db, input.id, input.associate, ctx.session.now())
    return detailOf(db, input.id, flagOptions(ctx, {}))
  },

  'baas.archive': (input, ctx) => {
    const { db } = ctx.workspace()
    const associate = requireLiveAssociate(db, input.id)
    const children = listLiveChildren(db, input.id)
    if (children.length > 0) {
      const names = children.map(child => `"${child.name}"`).join(', ')
      throw new ApiError(
        'conflict',
        `"${associate.name}" still has ${plural(children.length, 'subcontractor')} below it in the chain (${names}); archive them or move them under another party first.`,
        { children }
      )
    }
    archiveBusinessAssociate(db, input.id, ctx.session.now(), input.reason || null)
    return null
  },

  'baas.restore': (input, ctx) => {
    const { db } = ctx.workspace()
    const associate = requireAssociate(db, input.id)
    if (!restoreBusinessAssociate(db, input.id)) throw new ApiError('conflict', `"${associate.name}" is not archived.`)
    return detailOf(db, input.id, flagOptions(ctx, {}))
  },

  'baas.listArchived': (_input, ctx) => archivedAssociates(ctx.workspace().db, localDateOf(ctx.session.now())),

  'baas.deletePermanently': (input, ctx) => {
    const { db } = ctx.workspace()
    const associate = requireAssociate(db, input.id)
    const archived = archivedAssociates(db, localDateOf(ctx.session.now())).find(entry => entry.id === input.id)
    if (!archived) throw new ApiError('conflict', `"${associate.name}" is not archived; archive it first.`)
    if (!archived.retention.over) {
      throw new ApiError(
        'conflict',
        `"${associate.name}" must be kept until ${archived.retention.keptUntil} (six years from its last document date, ${archived.retention.citation}); it cannot be deleted before then.`
      )
    }
    const children = countAllChildren(db, input.id)
    if (children > 0) {
      throw new ApiError(
        'conflict',
        `"${associate.name}" still has ${plural(children, 'party', 'parties')} below it in the chain; delete or move them first.`
      )
    }
    if (input.confirmName.trim() !== associate.name)
      throw new ApiError('invalid-input', `confirmName: type the name, "${associate.name}", to delete it.`)
    deleteArchivedBusinessAssociate(db, input.id)
    return null
  },

  'baas.markReviewed': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveAssociate(db, input.id)
    setLastReview(db, input.id, input.reviewedOn, ctx.session.now())
    return detailOf(db, input.id, flagOptions(ctx, {}))
  },

  'baas.setTerm': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveAssociate(db, input.id)
    if (!loadRequiredTerms().terms.some(term => term.id === input.termId)) {
      throw new ApiError('invalid-input', `termId: "${input.termId}" is not a term of the BAA checklist.`)
    }
    if (input.state === 'unchecked') clearTerm(db, input.id, input.termId)
    else setTerm(db, input.id, { termId: input.termId, state: input.state, note: input.note }, ctx.session.now())
    return detailOf(db, input.id, flagOptions(ctx, {}))
  },

  'baas.chain': (input, ctx) => chainOf(listSummaries(ctx.workspace().db, flagOptions(ctx, input))),

  'baas.attachAgreement': async (input, ctx) => {
    const { db } = ctx.workspace()
    const associate = requireLiveAssociate(db, input.id)
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: `Signed agreement for ${associate.name}`, filters: AGREEMENT_FILTERS }))
    if (!file) return null
    const stored = readAgreementFile(path.resolve(file), ctx.session.now())
    putAgreementFile(db, input.id, stored)
    const { content: _content, ...meta } = stored
    return meta
  },

  'baas.saveAgreementCopy': async (input, ctx) => {
    const { db } = ctx.workspace()
    requireAssociate(db, input.id)
    const stored = getAgreementFileContent(db, input.id)
    if (!stored) throw new ApiError('not-found', 'No signed agreement is stored for this business associate.')
    const content = checkedAgreementContent(stored)
    const target = await ctx.savePath(input.path, { title: 'Save a copy of the agreement', defaultName: agreementCopyName(stored) })
    if (!target) return null
    return { path: writeExportFile(target, content) }
  },

  'baas.removeAgreement': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveAssociate(db, input.id)
    deleteAgreementFile(db, input.id)
    return null
  },

  'baas.importFile': async (input, ctx) => {
    const { db } = ctx.workspace()
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Import a register of business associates', filters: REGISTER_FILTERS }))
    return file
      ? importBusinessAssociates(db, path.resolve(file), { now: ctx.session.now(), signal: ctx.signal, onProgress: update => ctx.progress(update) })
      : null
  }
}
