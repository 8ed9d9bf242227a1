import fs from 'node:fs'
import path from 'node:path'
import type { HandlersFor } from '../api/handler-types'
import { isApiError } from '../shared/errors'
import { createProtected } from '../security/new-workspace-key'
import { encryptClearBackups } from '../security/encrypt-workspace'
import { connectionKey } from '../db/driver'
import type { Session } from './session'
import { type workspaceCalls, type OrganizationProfile, type WorkspaceSummary } from './contract'
import { updateWorkspaceProfile } from './db/workspace-profile'
import { createWorkspace, freeWorkspacePath, openWorkspace, summarize, WORKSPACE_EXTENSION } from './workspace-files'

const WORKSPACE_FILTERS = [{ name: 'Safeguard workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }]

function adoptAndRemember(session: Session, file: string, open: () => ReturnType<typeof openWorkspace>): WorkspaceSummary {
  const workspace = session.openWith(file, () => {
    const db = open()
    const key = connectionKey(db)
    try {
      if (key) encryptClearBackups(file, key, session.openChoices)
    } catch {
      // Finishing an interrupted encryption must not stop the person opening their workspace; the next open tries again.
    }
    return db
  })
  const summary = summarize(workspace.path, workspace.db)
  session.recent?.remember({
    path: summary.path,
    organizationName: summary.organization.name,
    lastOpenedAt: session.now()
  })
  return summary
}

/** The profile a new default workspace starts with, until the user describes their organisation. */
const UNNAMED_ORGANIZATION: OrganizationProfile = {
  name: 'My organisation',
  role: 'covered-entity',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  cloudProvider: 'aws'
}

export const workspaceHandlers: HandlersFor<typeof workspaceCalls> = {
  'app.info': (_input, ctx) => ({
    name: 'Safeguard',
    version: ctx.session.appVersion,
    dataDir: ctx.session.dataDir,
    platform: process.platform
  }),

  'workspace.current': (_input, ctx) => {
    const current = ctx.session.current
    return current ? summarize(current.path, current.db) : null
  },

  'workspace.startup': (input, ctx) => {
    const { session } = ctx
    if (session.current) return summarize(session.current.path, session.current.db)
    const last = session.recent?.list().find(entry => fs.existsSync(entry.path))
    if (last) {
      try {
        return adoptAndRemember(session, last.path, () => openWorkspace(last.path, session.openChoices))
      } catch (error) {
        // Another program has it: say so, rather than open another workspace the person did not ask for.
        if (isApiError(error) && error.code === 'in-use') throw error
        // The last workspace could not be opened (moved, damaged, newer): fall back to the default one.
      }
    }
    const defaultPath = session.defaultWorkspacePath()
    if (fs.existsSync(defaultPath)) return adoptAndRemember(session, defaultPath, () => openWorkspace(defaultPath, session.openChoices))
    fs.mkdirSync(path.dirname(defaultPath), { recursive: true })
    return adoptAndRemember(session, defaultPath, () =>
      createProtected(defaultPath, input.protection, session.deviceKeyStore, key =>
        createWorkspace(defaultPath, UNNAMED_ORGANIZATION, {
          ...session.openChoices,
          now: session.now(),
          profileComplete: false,
          ...(key !== undefined ? { key } : {})
        })
      )
    )
  },

  'workspace.create': (input, ctx) => {
    const { session } = ctx
    const file = input.path
      ? path.resolve(ctx.outputPaths.check(input.path))
      : freeWorkspacePath(path.join(session.dataDir ?? process.cwd(), 'workspaces'), input.organization.name)
    // Our own default folder may not exist yet; a folder the user named must already exist.
    if (!input.path) fs.mkdirSync(path.dirname(file), { recursive: true })
    return adoptAndRemember(session, file, () =>
      createProtected(file, input.protection, session.deviceKeyStore, key =>
        createWorkspace(file, input.organization, { ...session.openChoices, now: session.now(), ...(key !== undefined ? { key } : {}) })
      )
    )
  },

  'workspace.open': (input, ctx) => {
    const file = path.resolve(input.path)
    return adoptAndRemember(ctx.session, file, () => openWorkspace(file, ctx.session.openChoices))
  },

  'workspace.openFromDisk': async (_input, ctx) => {
    const file = await ctx.host.pickOpenPath({ title: 'Open a workspace', filters: WORKSPACE_FILTERS })
    if (!file) return null
    return adoptAndRemember(ctx.session, file, () => openWorkspace(file, ctx.session.openChoices))
  },

  'workspace.chooseNewPath': async (input, ctx) => {
    const file = await ctx.host.pickSavePath({
      title: 'Where should the new workspace be saved?',
      defaultName: path.basename(freeWorkspacePath(ctx.session.dataDir ?? process.cwd(), input.suggestedName)),
      filters: WORKSPACE_FILTERS
    })
    if (!file) return null
    // Handed back for workspace.create, which the window may then name (and no other new file).
    return ctx.outputPaths.grant(file.endsWith(WORKSPACE_EXTENSION) ? file : file + WORKSPACE_EXTENSION)
  },

  'workspace.listRecent': (_input, ctx) => (ctx.session.recent?.list() ?? []).map(entry => ({ ...entry, available: fs.existsSync(entry.path) })),

  'workspace.forgetRecent': (input, ctx) => {
    ctx.session.recent?.forget(path.resolve(input.path))
    return (ctx.session.recent?.list() ?? []).map(entry => ({ ...entry, available: fs.existsSync(entry.path) }))
  },

  'workspace.updateProfile': (input, ctx) => {
    const workspace = ctx.workspace()
    updateWorkspaceProfile(workspace.db, input.organization, ctx.session.now())
    const summary = summarize(workspace.path, workspace.db)
    ctx.session.recent?.remember({
      path: summary.path,
      organizationName: summary.organization.name,
      lastOpenedAt: ctx.session.now()
    })
    return summary
  },

  'workspace.close': (_input, ctx) => {
    ctx.session.close()
    return null
  }
}
