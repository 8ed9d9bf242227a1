import path from 'node:path'
import { ApiError, isApiError } from '../shared/errors'
import { connectionKey, type Db, type WorkspaceKey } from '../db/driver'
import type { Session } from '../workspace/session'
import { readAppSettingsWithProblem, updateAppSettings } from '../workspace/app-settings'
import { openLibraryDb, readLibraryInfo, type LibraryInfo } from './library-file'

/** The library a program has open: its path and the key that opened it (the file itself is opened per call and closed again). */
interface OpenLibrary {
  path: string
  key: WorkspaceKey | null
}

const openLibraries = new WeakMap<Session, OpenLibrary>()

/** The library the app's settings remember (a path only, never content); none without a data folder. */
function rememberedLibraryPath(dataDir: string | null): string | null {
  return dataDir ? (readAppSettingsWithProblem(dataDir).settings.practiceLibrary ?? null) : null
}

/** Remembers `file` (or forgets, with null) in the app's settings; settings a newer version wrote are left alone, as remembering is a convenience. */
function rememberLibraryPath(dataDir: string | null, file: string | null): void {
  if (!dataDir || readAppSettingsWithProblem(dataDir).problem === 'newer') return
  if (rememberedLibraryPath(dataDir) === file) return
  updateAppSettings(dataDir, ({ practiceLibrary: _previous, ...settings }) => (file === null ? settings : { ...settings, practiceLibrary: file }))
}

/** Opens `file` as this session's library (checking it opens), remembers it in the app's settings, and returns its identity. */
export function adoptLibrary(session: Session, file: string, key: WorkspaceKey | null | undefined): LibraryInfo {
  const resolved = path.resolve(file)
  const db = openLibraryDb(resolved, { ...session.openChoices, ...(key !== undefined ? { key } : {}) })
  try {
    const info = readLibraryInfo(db, resolved)
    openLibraries.set(session, { path: resolved, key: connectionKey(db) })
    rememberLibraryPath(session.dataDir, resolved)
    return info
  } finally {
    db.close()
  }
}

export function closeLibrary(session: Session): void {
  openLibraries.delete(session)
  rememberLibraryPath(session.dataDir, null)
}

/** The library this session has open, else the remembered one if it opens with this program's keys; null when neither. */
function currentLibrary(session: Session): OpenLibrary | null {
  const open = openLibraries.get(session)
  if (open) return open
  const remembered = rememberedLibraryPath(session.dataDir)
  if (!remembered) return null
  adoptLibrary(session, remembered, undefined)
  return openLibraries.get(session) ?? null
}

/** Where the library is and whether it opens, for the screen; never throws for a library that cannot open. */
export function libraryLocation(session: Session): { path: string; name: string | null; reason: string | null } | null {
  const known = openLibraries.get(session)?.path ?? rememberedLibraryPath(session.dataDir)
  if (!known) return null
  try {
    const library = currentLibrary(session)
    if (!library) return null
    return { path: library.path, name: withLibraryDb(session, (_db, info) => info.name), reason: null }
  } catch (error) {
    return { path: known, name: null, reason: isApiError(error) ? error.message : (error as Error).message }
  }
}

/** Runs `work` on the open library's connection, closed again afterwards. */
export function withLibraryDb<T>(session: Session, work: (db: Db, info: LibraryInfo & { path: string; encrypted: boolean }) => T): T {
  const library = currentLibrary(session)
  if (!library) throw new ApiError('not-found', 'No practice library is open. Create a library or open one first.', { reason: 'no-library' })
  const db = openLibraryDb(library.path, { ...session.openChoices, key: library.key })
  try {
    return work(db, { ...readLibraryInfo(db, library.path), path: library.path, encrypted: library.key !== null })
  } finally {
    db.close()
  }
}

/** Whether a library is open (or remembered and opening), without throwing. */
export function hasLibrary(session: Session): boolean {
  try {
    return currentLibrary(session) !== null
  } catch {
    return false
  }
}
