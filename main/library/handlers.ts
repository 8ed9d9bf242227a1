import path from 'node:path'
import type { CallContext, HandlersFor } from '../api/handler-types'
import { connectionKey } from '../db/driver'
import { typedKey } from '../db/workspace-key'
import { createProtected } from '../security/new-workspace-key'
import { LIBRARY_ITEM_KINDS, type libraryCalls, type LibraryItemKind } from './contract'
import { listLibraryApplications } from './db/library-applications'
import { LIBRARY_ITEM_KIND_DEFINITIONS } from './item-kinds'
import { createLibraryDb, LIBRARY_EXTENSION } from './library-file'
import {
  applyFromLibrary,
  applyPreview,
  libraryCandidates,
  libraryItemHistory,
  librarySummary,
  pushToLibrary,
  workspaceForLibrary
} from './library-operations'
import { adoptLibrary, closeLibrary, hasLibrary, libraryLocation, withLibraryDb } from './library-session'

const LIBRARY_FILTERS = [{ name: 'Safeguard practice library', extensions: [LIBRARY_EXTENSION.slice(1)] }]

const workspaceOf = (ctx: CallContext) => workspaceForLibrary(ctx.workspace(), ctx.session.now())
const summaryOf = (ctx: CallContext) => withLibraryDb(ctx.session, (db, info) => librarySummary(db, info))
const kindLabel = (kind: string) =>
  (LIBRARY_ITEM_KINDS as readonly string[]).includes(kind) ? LIBRARY_ITEM_KIND_DEFINITIONS[kind as LibraryItemKind].label : kind

export const libraryHandlers: HandlersFor<typeof libraryCalls> = {
  'library.current': (_input, ctx) => libraryLocation(ctx.session),

  'library.create': async (input, ctx) => {
    const { session } = ctx
    const chosen = await ctx.savePath(input.path, {
      title: 'Where should the practice library be saved?',
      defaultName: `${input.name}${LIBRARY_EXTENSION}`,
      filters: LIBRARY_FILTERS
    })
    if (!chosen) return null
    const file = path.resolve(chosen.endsWith(LIBRARY_EXTENSION) || input.path ? chosen : chosen + LIBRARY_EXTENSION)
    const db = createProtected(file, input.protection, session.deviceKeyStore, key =>
      createLibraryDb(file, input.name, { ...session.openChoices, now: session.now(), ...(key !== undefined ? { key } : {}) })
    )
    const key = connectionKey(db)
    db.close()
    adoptLibrary(session, file, key)
    return summaryOf(ctx)
  },

  'library.open': (input, ctx) => {
    adoptLibrary(ctx.session, input.path, input.passphrase ? typedKey(input.passphrase) : undefined)
    return summaryOf(ctx)
  },

  'library.openFromDisk': async (input, ctx) => {
    const file = await ctx.host.pickOpenPath({ title: 'Open a practice library', filters: LIBRARY_FILTERS })
    if (!file) return null
    adoptLibrary(ctx.session, file, input.passphrase ? typedKey(input.passphrase) : undefined)
    return summaryOf(ctx)
  },

  'library.close': (_input, ctx) => {
    closeLibrary(ctx.session)
    return null
  },

  'library.summary': (_input, ctx) => summaryOf(ctx),

  'library.itemHistory': (input, ctx) => withLibraryDb(ctx.session, (db, info) => libraryItemHistory(db, info, input.id)),

  'library.candidates': (_input, ctx) => {
    const workspace = workspaceOf(ctx)
    if (!hasLibrary(ctx.session)) return libraryCandidates(workspace, null)
    return withLibraryDb(ctx.session, (db, info) => libraryCandidates(workspace, { db, name: info.name }))
  },

  'library.push': (input, ctx) => {
    const workspace = workspaceOf(ctx)
    return withLibraryDb(ctx.session, (db, info) => pushToLibrary(workspace, { db, info }, input.items))
  },

  'library.applyPreview': (_input, ctx) => {
    const workspace = workspaceOf(ctx)
    return withLibraryDb(ctx.session, (db, info) => applyPreview(workspace, { db, info }))
  },

  'library.apply': (input, ctx) => {
    const workspace = workspaceOf(ctx)
    return withLibraryDb(ctx.session, (db, info) => applyFromLibrary(workspace, { db, info }, input.itemIds))
  },

  'library.applications': (_input, ctx) =>
    listLibraryApplications(ctx.workspace().db).map(({ libraryUid: _uid, ...record }) => ({ ...record, kindLabel: kindLabel(record.kind) }))
}
