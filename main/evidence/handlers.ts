import path from 'node:path'
import type { HandlersFor } from '../api/handler-types'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { localDateOf } from '../shared/today'
import type { evidenceCalls, EvidenceItem } from './contract'
import { getContent } from './db/evidence-content'
import { insertEvidence } from './db/evidence-items'
import { archiveEvidenceItem, changeEvidence, checkDates, defaultAuthor, requireEvidence, targetPeriod } from './edit-evidence'
import { readEvidence, readEvidenceBySpecification, toEvidenceItem } from './reads'
import { saveEvidenceCopy } from './save-copy'
import { storeEvidenceFile } from './store-file'
import { requireTarget, specificationCache } from './target-lookup'

// Storing a file holds a transaction across file reads: a second one on the same workspace must wait its turn.
const storing = new WeakSet<Db>()

const itemOf = (db: Db, id: number, today: string): EvidenceItem => toEvidenceItem(requireEvidence(db, id), today, specificationCache(db))

export const evidenceHandlers: HandlersFor<typeof evidenceCalls> = {
  'evidence.list': (input, ctx) => readEvidence(ctx.workspace().db, localDateOf(ctx.session.now()), input),

  'evidence.addFile': async (input, ctx) => {
    const { db } = ctx.workspace()
    const now = ctx.session.now()
    const today = localDateOf(now)
    const dates = { effectiveAsOf: input.effectiveAsOf, expiresOn: input.expiresOn ?? null }
    checkDates(dates, today)
    requireTarget(db, input.target.kind, input.target.id)
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Attach an evidence file' }))
    if (!file) return null
    if (storing.has(db)) throw new ApiError('conflict', 'Another evidence file is still being stored in this workspace; wait for it to finish.')
    storing.add(db)
    try {
      const addedBy = defaultAuthor(db, input.by)
      const { itemId } = await storeEvidenceFile(db, path.resolve(file), {
        now,
        signal: ctx.signal,
        onProgress: update => ctx.progress({ ...update, message: file }),
        record: stored =>
          insertEvidence(
            db,
            {
              targetKind: input.target.kind,
              targetId: input.target.id,
              periodId: targetPeriod(db, input.target.kind, now),
              kind: 'file',
              title: input.title ?? stored.name,
              note: input.note,
              fileName: stored.name,
              contentId: stored.contentId,
              url: null,
              ...dates,
              addedBy
            },
            now
          )
      })
      return itemOf(db, itemId, today)
    } finally {
      storing.delete(db)
    }
  },

  'evidence.addLink': (input, ctx) => {
    const { db } = ctx.workspace()
    const now = ctx.session.now()
    const today = localDateOf(now)
    const dates = { effectiveAsOf: input.effectiveAsOf, expiresOn: input.expiresOn ?? null }
    checkDates(dates, today)
    requireTarget(db, input.target.kind, input.target.id)
    const id = db.transaction(() =>
      insertEvidence(
        db,
        {
          targetKind: input.target.kind,
          targetId: input.target.id,
          periodId: targetPeriod(db, input.target.kind, now),
          kind: 'link',
          title: input.title,
          note: input.note,
          fileName: null,
          contentId: null,
          url: input.url,
          ...dates,
          addedBy: defaultAuthor(db, input.by)
        },
        now
      )
    )()
    return itemOf(db, id, today)
  },

  'evidence.update': (input, ctx) => {
    const { db } = ctx.workspace()
    const now = ctx.session.now()
    const { id, ...changes } = input
    changeEvidence(db, id, changes, now, localDateOf(now))
    return itemOf(db, id, localDateOf(now))
  },

  'evidence.archive': (input, ctx) => {
    const { db } = ctx.workspace()
    const now = ctx.session.now()
    archiveEvidenceItem(db, input.id, { by: defaultAuthor(db, input.by), reason: input.reason || null }, now)
    return itemOf(db, input.id, localDateOf(now))
  },

  'evidence.saveCopy': async (input, ctx) => {
    const { db } = ctx.workspace()
    // A path the window names is refused before anything else is looked at, as for every export.
    if (input.path !== undefined) ctx.outputPaths.check(input.path)
    const record = requireEvidence(db, input.id)
    const content = record.contentId === null ? undefined : getContent(db, record.contentId)
    if (!content || !record.fileName)
      throw new ApiError('invalid-input', `Evidence item ${input.id} is a link, not a stored file; there is nothing to save.`)
    const target = await ctx.savePath(input.path, { title: 'Save a copy of the evidence file', defaultName: record.fileName })
    if (!target) return null
    const written = await saveEvidenceCopy(db, content, target, { signal: ctx.signal, onProgress: update => ctx.progress(update) })
    return { path: written, sha256: content.sha256, size: content.size }
  },

  'evidence.bySpecification': (input, ctx) => readEvidenceBySpecification(ctx.workspace().db, localDateOf(ctx.session.now()), input.periodId)
}
