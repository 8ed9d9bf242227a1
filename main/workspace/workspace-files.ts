import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { Db, WorkspaceKey } from '../db/driver'
import { createWorkspaceDb, openWorkspaceDb, schemaVersion, type OpenChoices } from '../db/open'
import type { OrganizationProfile, WorkspaceSummary } from './contract'
import { getWorkspaceProfile, insertWorkspaceProfile } from './db/workspace-profile'

export const WORKSPACE_EXTENSION = '.safeguard'

export function summarize(file: string, db: Db): WorkspaceSummary {
  const profile = getWorkspaceProfile(db)
  if (!profile) {
    throw new ApiError('workspace-corrupt', `"${file}" has no organisation profile; it may be damaged.`)
  }
  return { path: path.resolve(file), schemaVersion: schemaVersion(db), ...profile }
}

export function createWorkspace(
  file: string,
  organization: OrganizationProfile,
  options: OpenChoices & { now: string; profileComplete?: boolean; key?: WorkspaceKey | null }
): Db {
  return createWorkspaceDb(
    file,
    db =>
      insertWorkspaceProfile(db, {
        workspaceUid: randomUUID(),
        organization,
        profileComplete: options.profileComplete ?? true,
        now: options.now
      }),
    {
      keyProvider: options.keyProvider,
      nativeBinding: options.nativeBinding,
      ...(options.key !== undefined ? { key: options.key } : {})
    }
  )
}

export function openWorkspace(file: string, choices: OpenChoices = {}): Db {
  const db = openWorkspaceDb(file, choices)
  try {
    summarize(file, db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** A file name for a new workspace that does not collide with one in `folder`. */
export function freeWorkspacePath(folder: string, organizationName: string): string {
  const base =
    organizationName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .slice(0, 60) || 'Workspace'
  for (let n = 1; ; n += 1) {
    const candidate = path.join(folder, `${base}${n === 1 ? '' : `-${n}`}${WORKSPACE_EXTENSION}`)
    if (!fs.existsSync(candidate)) return candidate
  }
}
