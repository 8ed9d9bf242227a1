import fs from 'node:fs'
import path from 'node:path'
import { ApiError, isApiError } from '../shared/errors'
import { renameDurably } from '../shared/fsync'
import type { Db } from '../db/driver'
import { readPeriods } from '../assessment/reads'
import type {
  LibraryApplyPreview,
  LibraryApplyResult,
  LibraryCandidates,
  LibraryItemHistoryView,
  LibraryItemKind,
  LibraryItemView,
  LibraryKindInfo,
  LibraryPushResult,
  LibrarySummary
} from './contract'
import { LIBRARY_ITEM_KINDS } from './contract'
import {
  countLibraryItemHistory,
  getLibraryItem,
  getLibraryItemsById,
  listLibraryItemHistory,
  listLibraryItems,
  putLibraryItem,
  type StoredLibraryItem
} from './db/library-items'
import { recordLibraryApplication } from './db/library-applications'
import { identifyingTerms, identifyingWarnings } from './identifying-text'
import { copiedFields, LIBRARY_ITEM_KIND_DEFINITIONS } from './item-kinds'
import type { LibraryInfo } from './library-file'
import { schemaVersion } from '../db/migrate'
import type { ApplyTarget, WorkspaceForLibrary } from './kinds/kind-definition'

export interface OpenedWorkspace {
  db: Db
  path: string
}

export type LibraryIdentity = LibraryInfo & { path: string; encrypted: boolean }

export function kindInfo(kind: LibraryItemKind): LibraryKindInfo {
  const definition = LIBRARY_ITEM_KIND_DEFINITIONS[kind]
  return { kind, label: definition.label, description: definition.description, copies: copiedFields(kind), neverCopied: [...definition.neverCopied] }
}

const isKind = (kind: string): kind is LibraryItemKind => (LIBRARY_ITEM_KINDS as readonly string[]).includes(kind)

/** The workspace as the kinds read it: the current assessment period (started if the year has turned) and the clock. */
export function workspaceForLibrary(workspace: OpenedWorkspace, now: string): WorkspaceForLibrary {
  const period = readPeriods(workspace.db, now).find(p => p.status === 'current')
  if (!period) throw new ApiError('internal', 'The workspace has no current assessment period.')
  return { db: workspace.db, path: workspace.path, periodId: period.id, now, today: now.slice(0, 10) }
}

/** An item's content checked against its kind: only the copied fields, each valid (a damaged or foreign item is refused by name). */
function parseContent(kind: string, item: { key: string; content: unknown }, where: string): unknown {
  if (!isKind(kind))
    throw new ApiError('invalid-input', `${where}: the item "${item.key}" is of kind "${kind}", which this version of Safeguard does not know.`)
  const parsed = LIBRARY_ITEM_KIND_DEFINITIONS[kind].content.safeParse(item.content)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const at = issue?.path.length ? issue.path.join('.') : '(content)'
    throw new ApiError('invalid-input', `${where}: the ${kind} item "${item.key}" is not valid (${at}: ${issue?.message ?? 'invalid'}).`)
  }
  return parsed.data
}

function itemView(item: StoredLibraryItem, history: Map<number, number>): LibraryItemView {
  const kind = item.kind as LibraryItemKind
  let preview = ''
  try {
    preview = LIBRARY_ITEM_KIND_DEFINITIONS[kind].preview(parseContent(item.kind, item, 'The library') as never)
  } catch (error) {
    preview = isApiError(error) ? error.message : 'This item cannot be read.'
  }
  return {
    id: item.id,
    kind,
    key: item.key,
    title: item.title,
    preview,
    version: item.version,
    updatedAt: item.updatedAt,
    earlierVersions: history.get(item.id) ?? 0
  }
}

export function librarySummary(db: Db, library: LibraryIdentity): LibrarySummary {
  const items = listLibraryItems(db)
  const history = countLibraryItemHistory(db)
  return {
    path: library.path,
    name: library.name,
    libraryUid: library.libraryUid,
    encrypted: library.encrypted,
    schemaVersion: schemaVersion(db),
    kinds: LIBRARY_ITEM_KINDS.map(kind => ({ ...kindInfo(kind), items: items.filter(i => i.kind === kind).map(i => itemView(i, history)) }))
  }
}

/** One item with its earlier texts, newest first. */
export function libraryItemHistory(db: Db, library: LibraryIdentity, id: number): LibraryItemHistoryView {
  const [item] = getLibraryItemsById(db, [id])
  if (!item) throw new ApiError('not-found', `The library "${library.name}" has no item ${id}.`)
  const earlier = listLibraryItemHistory(db, id)
  return {
    item: itemView(item, new Map([[id, earlier.length]])),
    earlier: earlier.map(entry => ({
      version: entry.version,
      title: entry.title,
      preview: itemView({ ...item, title: entry.title, content: entry.content }, new Map()).preview,
      replacedAt: entry.replacedAt
    }))
  }
}

/** What the workspace could push, compared with the library (null: none open, everything is new). Writes nothing. */
export function libraryCandidates(workspace: WorkspaceForLibrary, library: { db: Db; name: string } | null): LibraryCandidates {
  const terms = identifyingTerms(workspace.db)
  return {
    libraryName: library?.name ?? null,
    kinds: LIBRARY_ITEM_KINDS.map(kind => {
      const definition = LIBRARY_ITEM_KIND_DEFINITIONS[kind]
      return {
        ...kindInfo(kind),
        candidates: definition.candidates(workspace).map(candidate => {
          const stored = library ? getLibraryItem(library.db, kind, candidate.key) : undefined
          const same = stored && JSON.stringify(stored.content) === JSON.stringify(candidate.content) && stored.title === candidate.title
          return {
            kind,
            key: candidate.key,
            title: candidate.title,
            preview: definition.preview(candidate.content),
            inLibrary: !stored ? ('new' as const) : same ? ('same' as const) : ('changed' as const),
            warnings: identifyingWarnings(definition.freeText(candidate.content), terms)
          }
        })
      }
    })
  }
}

/**
 * Pushes the picked candidates to the library (one library transaction) and records each push in the
 * workspace. Only picked items move; each is parsed through its kind's strict schema first.
 */
export function pushToLibrary(
  workspace: WorkspaceForLibrary,
  library: { db: Db; info: LibraryIdentity },
  picked: readonly { kind: LibraryItemKind; key: string }[]
): LibraryPushResult {
  const chosen = picked.map(ref => {
    const candidate = LIBRARY_ITEM_KIND_DEFINITIONS[ref.kind].candidates(workspace).find(c => c.key === ref.key)
    if (!candidate)
      throw new ApiError(
        'not-found',
        `This workspace has no ${kindInfo(ref.kind).label.toLowerCase()} item "${ref.key}" to push. Nothing was pushed.`
      )
    return { kind: ref.kind, key: candidate.key, title: candidate.title, content: parseContent(ref.kind, candidate, 'This workspace') }
  })
  const results = library.db.transaction(() =>
    chosen.map(item => {
      const { outcome, version } = putLibraryItem(library.db, item, workspace.now)
      return { kind: item.kind, key: item.key, title: item.title, version, outcome }
    })
  )()
  workspace.db.transaction(() => {
    for (const r of results) {
      recordLibraryApplication(workspace.db, {
        direction: 'pushed',
        libraryUid: library.info.libraryUid,
        libraryName: library.info.name,
        kind: r.kind,
        key: r.key,
        title: r.title,
        version: r.version,
        outcome: r.outcome,
        at: workspace.now
      })
    }
  })()
  return { items: results }
}

/** What each library item would do in the workspace; an item that cannot apply here says why. Writes nothing. */
export function applyPreview(workspace: WorkspaceForLibrary, library: { db: Db; info: LibraryIdentity }): LibraryApplyPreview {
  const summary = librarySummary(library.db, library.info)
  const stored = new Map(listLibraryItems(library.db).map(i => [i.id, i]))
  return {
    libraryName: library.info.name,
    kinds: summary.kinds.map(kind => ({
      ...kind,
      items: kind.items.map(view => {
        const item = stored.get(view.id)!
        try {
          const content = parseContent(item.kind, item, `The library "${library.info.name}"`)
          return { ...view, effect: LIBRARY_ITEM_KIND_DEFINITIONS[kind.kind].effect(workspace, item.key, content as never), problem: null }
        } catch (error) {
          return { ...view, effect: null, problem: isApiError(error) ? error.message : (error as Error).message }
        }
      })
    }))
  }
}

/** Files a kind writes beside the workspace (edited policies), written beside their place and renamed in only after the database commits. */
class StagedFiles {
  private readonly staged: { temporary: string; target: string }[] = []
  private readonly madeFolders: string[] = []

  stage(target: string, data: Buffer): void {
    const folder = path.dirname(target)
    if (!fs.existsSync(folder)) {
      fs.mkdirSync(folder, { recursive: true })
      this.madeFolders.push(folder)
    }
    const temporary = path.join(folder, `.${path.basename(target)}.${process.pid}.library-partial`)
    fs.writeFileSync(temporary, data, { mode: 0o600 })
    this.staged.push({ temporary, target })
  }

  discard(): void {
    for (const { temporary } of this.staged) fs.rmSync(temporary, { force: true })
    for (const folder of this.madeFolders.reverse()) fs.rmSync(folder, { recursive: true, force: true })
  }

  commit(): void {
    for (const { temporary, target } of this.staged) renameDurably(temporary, target)
  }
}

/**
 * Applies the picked library items to the workspace, all or nothing: every item is checked and applied inside one
 * transaction with its record in library_application; a failure rolls the transaction back and removes any file
 * staged, so the workspace is exactly as before. Files (edited policies) are renamed into place once it commits.
 */
export function applyFromLibrary(
  workspace: WorkspaceForLibrary,
  library: { db: Db; info: LibraryIdentity },
  itemIds: readonly number[]
): LibraryApplyResult {
  const items = getLibraryItemsById(library.db, itemIds)
  const missing = itemIds.filter(id => !items.some(i => i.id === id))
  if (missing.length > 0)
    throw new ApiError('not-found', `The library "${library.info.name}" has no item ${missing.join(', ')}. Nothing was applied.`)
  const staged = new StagedFiles()
  const target: ApplyTarget = {
    ...workspace,
    stageFile: (file, data) => staged.stage(file, data),
    appliedBy: `Practice library “${library.info.name}”`
  }
  let results: LibraryApplyResult['items']
  try {
    results = workspace.db.transaction(() =>
      items.map(item => {
        const where = `The library "${library.info.name}"`
        const content = parseContent(item.kind, item, where)
        const kind = item.kind as LibraryItemKind
        let effect
        try {
          effect = LIBRARY_ITEM_KIND_DEFINITIONS[kind].apply(target, item.key, content as never)
        } catch (error) {
          if (isApiError(error)) throw new ApiError(error.code, `${error.message} (item "${item.title}"). Nothing was applied.`, error.details)
          throw error
        }
        recordLibraryApplication(workspace.db, {
          direction: 'applied',
          libraryUid: library.info.libraryUid,
          libraryName: library.info.name,
          kind,
          key: item.key,
          title: item.title,
          version: item.version,
          outcome: effect,
          at: workspace.now
        })
        return { id: item.id, kind, key: item.key, title: item.title, version: item.version, effect }
      })
    )()
  } catch (error) {
    staged.discard()
    throw error
  }
  staged.commit()
  return { libraryName: library.info.name, items: results }
}
