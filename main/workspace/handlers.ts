import fs from 'node:fs'
import path from 'node:path'
import type { HandlersFor } from '../api/handler-types'
import { isApiError } from '../shared/errors'
import { createProtected } from '../security/new-workspace-key'
import { encryptClearBackups } from '../security/encrypt-workspace'
import { connectionKey } from '../db/driver'
import { ApiError } from '../shared/errors'
import type { Session } from './session'
import { type AppSettingsView, type workspaceCalls, type WorkspaceSummary } from './contract'
import { DEFAULT_APP_SETTINGS, readAppSettings, updateAppSettings, type AppSettings } from './app-settings'
import { updateWorkspaceProfile } from './db/workspace-profile'
import { homeArea, knownWorkspaces } from './home'
import { retireUntouchedDefault } from './unnamed-default'
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
  try {
    // A real workspace is open: an unnamed default made by an older version and never touched goes (see unnamed-default.ts).
    retireUntouchedDefault(session)
  } catch {
    // Tidying must not stop the person opening their workspace; the next open tries again.
  }
  return summary
}

/** The last workspace used, else an existing default one; null when neither can be opened. Nothing is created. */
function openAtStart(session: Session): WorkspaceSummary | null {
  const last = session.recent?.list().find(entry => fs.existsSync(entry.path))
  let lastFailure: unknown = null
  if (last) {
    try {
      return adoptAndRemember(session, last.path, () => openWorkspace(last.path, session.openChoices))
    } catch (error) {
      // Another program has it: say so, rather than open another workspace the person did not ask for.
      if (isApiError(error) && error.code === 'in-use') throw error
      // The last workspace could not be opened (moved, damaged, newer, locked): fall back to the default one.
      lastFailure = error
    }
  }
  const defaultPath = session.dataDir ? session.defaultWorkspacePath() : null
  if (defaultPath && fs.existsSync(defaultPath)) return adoptAndRemember(session, defaultPath, () => openWorkspace(defaultPath, session.openChoices))
  // No default to fall back to: the last workspace needs its passphrase, so the window asks for it.
  if (isApiError(lastFailure) && (lastFailure.details as { reason?: unknown } | undefined)?.reason === 'encrypted') throw lastFailure
  return null
}

function settingsOf(session: Session): AppSettings {
  return session.dataDir ? readAppSettings(session.dataDir) : DEFAULT_APP_SETTINGS
}

function defaultWorkspaceFolder(session: Session): string {
  return path.join(session.dataDir ?? process.cwd(), 'workspaces')
}

function settingsView(session: Session, settings: AppSettings): AppSettingsView {
  const defaultFolder = defaultWorkspaceFolder(session)
  return {
    usage: settings.usage,
    newWorkspaceFolder: settings.newWorkspaceFolder ?? defaultFolder,
    defaultWorkspaceFolder: defaultFolder,
    clientFolders: settings.clientFolders
  }
}

/** Where workspace.create puts a workspace it is not given a path for: the folder chosen at first start, else `<data>/workspaces`. */
function newWorkspaceFolder(session: Session): string {
  const chosen = settingsOf(session).newWorkspaceFolder
  if (!chosen) {
    // Our own default folder may not exist yet.
    fs.mkdirSync(defaultWorkspaceFolder(session), { recursive: true })
    return defaultWorkspaceFolder(session)
  }
  if (!fs.statSync(chosen, { throwIfNoEntry: false })?.isDirectory()) {
    throw new ApiError(
      'not-found',
      `The folder for new workspaces, "${chosen}", is not there (a drive not connected?). Connect it, or choose a location.`,
      {
        path: chosen
      }
    )
  }
  return chosen
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

  'workspace.startup': (_input, ctx) => {
    const { session } = ctx
    const workspace = session.current ? summarize(session.current.path, session.current.db) : openAtStart(session)
    const settings = settingsOf(session)
    const known = knownWorkspaces(
      (session.recent?.list() ?? []).map(entry => entry.path),
      settings.clientFolders
    )
    return { workspace, usage: settings.usage, home: homeArea(settings, known.size) }
  },

  'app.settings': (_input, ctx) => settingsView(ctx.session, settingsOf(ctx.session)),

  'app.chooseWorkspaceFolder': async (_input, ctx) => {
    const folder = await ctx.host.pickDirectory({ title: 'Where should client workspaces live?' })
    // Handed back for app.setUsage, which the window may then name (and no other folder).
    return folder ? ctx.outputPaths.grant(path.resolve(folder)) : null
  },

  'app.setUsage': (input, ctx) => {
    const { session } = ctx
    if (!session.dataDir) throw new ApiError('unsupported', 'There is no data folder to keep settings in here.')
    const defaultFolder = defaultWorkspaceFolder(session)
    const given = input.workspaceFolder === undefined ? defaultFolder : path.resolve(input.workspaceFolder)
    // The default folder is ours, and a folder already in the settings was chosen before (Settings switches back to it); any other must be the folder dialog's answer.
    const recorded = settingsOf(session)
    const known = given === defaultFolder || given === recorded.newWorkspaceFolder || recorded.clientFolders.includes(given)
    const folder = known ? given : path.resolve(ctx.outputPaths.check(given))
    // Confirmed: our own default folder is made now, so the Clients view reads an empty folder rather than a missing one.
    if (input.usage === 'consultant' && folder === defaultFolder) fs.mkdirSync(defaultFolder, { recursive: true })
    const settings = updateAppSettings(session.dataDir, current =>
      input.usage === 'consultant'
        ? {
            ...current,
            usage: 'consultant',
            newWorkspaceFolder: folder === defaultFolder ? null : folder,
            clientFolders: current.clientFolders.includes(folder) ? current.clientFolders : [...current.clientFolders, folder]
          }
        : { ...current, usage: input.usage }
    )
    return settingsView(session, settings)
  },

  'workspace.create': (input, ctx) => {
    const { session } = ctx
    const file = input.path
      ? path.resolve(ctx.outputPaths.check(input.path))
      : freeWorkspacePath(newWorkspaceFolder(session), input.organization.name)
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
