import path from 'node:path'
import type { CallContext, HandlersFor } from '../api/handler-types'
import { ApiError } from '../shared/errors'
import { writeExportFile } from '../shared/export-file'
import { localDateOf } from '../shared/today'
import { readAppSettings, updateAppSettings } from '../workspace/app-settings'
import { freeWorkspacePath, WORKSPACE_EXTENSION } from '../workspace/workspace-files'
import type { PortfolioView, portfolioCalls } from './contract'
import { combinedCalendar } from './portfolio-calendar'
import { eventCount, portfolioToICalendar } from './portfolio-ics'
import { readPortfolio, readPortfolioWithCalendars } from './read-portfolio'
import { readWorkspaceSummary, type SummaryOptions } from './read-workspace-summary'
import { SummaryCache } from './summary-cache'
import { isReadEntry, type PortfolioEntry } from './summary'

/** The folders kept in the app's settings (none for a program without a data folder). */
const keptFolders = (ctx: CallContext): string[] => (ctx.session.dataDir ? readAppSettings(ctx.session.dataDir).clientFolders : [])

function keepFolders(dataDir: string, folders: readonly string[]): string[] {
  return updateAppSettings(dataDir, settings => ({ ...settings, clientFolders: [...new Set(folders)] })).clientFolders
}

function summaryOptions(ctx: CallContext, asOf: string | undefined): SummaryOptions & { signal: AbortSignal } {
  const now = ctx.session.now()
  return {
    today: asOf ?? localDateOf(now),
    now,
    keyProvider: ctx.session.keyProvider,
    program: ctx.session.programName,
    ...(ctx.session.nativeBinding ? { nativeBinding: ctx.session.nativeBinding } : {}),
    signal: ctx.signal
  }
}

/** The files to read: the folders given or kept, and the recent list's workspaces. */
function sourcePaths(
  ctx: CallContext,
  input: { folders?: string[] | undefined; includeRecent: boolean },
  folders = input.folders ?? keptFolders(ctx)
): string[] {
  const recent = input.includeRecent ? (ctx.session.recent?.list() ?? []).map(entry => entry.path) : []
  return [...folders.map(folder => path.resolve(folder)), ...recent]
}

/** Locked entries with their saved summaries; and why the saved ones could not be used, if so. */
function withCachedSummaries(ctx: CallContext, entries: PortfolioEntry[], asOf: string): { entries: PortfolioEntry[]; cacheProblem: string | null } {
  if (!ctx.session.dataDir || !entries.some(entry => entry.locked)) return { entries, cacheProblem: null }
  const cache = new SummaryCache(ctx.session.dataDir, ctx.session.deviceKeyStore)
  const contents = cache.read()
  const unavailable = cache.unavailableReason()
  return {
    entries: entries.map(entry => {
      const cached = entry.locked ? cache.lookup(contents, entry.path, asOf) : undefined
      return cached ? { ...entry, cached } : entry
    }),
    cacheProblem: contents.problem ?? (unavailable ? `Summaries of locked clients are not saved on this computer (${unavailable}).` : null)
  }
}

export const portfolioHandlers: HandlersFor<typeof portfolioCalls> = {
  'portfolio.summary': async (input, ctx) => {
    const folders = (input.folders ?? keptFolders(ctx)).map(folder => path.resolve(folder))
    if (input.chooseFolder) {
      const chosen = await ctx.host.pickDirectory({ title: 'Choose a folder of client workspaces' })
      if (!chosen) return null
      if (!folders.includes(path.resolve(chosen))) folders.push(path.resolve(chosen))
      if (ctx.session.dataDir) keepFolders(ctx.session.dataDir, folders)
    }
    const options = summaryOptions(ctx, input.asOf)
    const entries = await readPortfolio(sourcePaths(ctx, input, folders), {
      ...options,
      onProgress: (done, total) => ctx.progress({ phase: 'reading', done, total, unit: 'workspaces' })
    })
    return { asOf: options.today, folders, ...withCachedSummaries(ctx, entries, options.today) } satisfies PortfolioView
  },

  'portfolio.removeFolder': (input, ctx) => {
    if (!ctx.session.dataDir) throw new ApiError('unsupported', 'This program keeps no list of client folders.')
    const folder = path.resolve(input.folder)
    const remaining = keepFolders(
      ctx.session.dataDir,
      keptFolders(ctx).filter(kept => path.resolve(kept) !== folder)
    )
    // The saved summaries of that folder's clients go with it, unless the recent list still shows them.
    const recent = new Set((ctx.session.recent?.list() ?? []).map(entry => path.resolve(entry.path)))
    new SummaryCache(ctx.session.dataDir, ctx.session.deviceKeyStore).forgetUnless(file => path.dirname(file) !== folder || recent.has(file))
    return remaining
  },

  'portfolio.unlock': (input, ctx) => {
    const options = summaryOptions(ctx, input.asOf)
    const file = path.resolve(input.path)
    const entry = readWorkspaceSummary(file, { ...options, keyProvider: null, passphrase: input.passphrase })
    if (entry.locked) throw new ApiError('invalid-input', `That passphrase or recovery key does not open "${file}".`, { reason: 'wrong-passphrase' })
    if (!isReadEntry(entry)) throw new ApiError('invalid-input', entry.message, { reason: entry.error })
    let notSavedReason: string | null = null
    if (!ctx.session.dataDir) notSavedReason = 'this program keeps no data folder'
    else {
      try {
        new SummaryCache(ctx.session.dataDir, ctx.session.deviceKeyStore).remember(entry, options.now, options.today)
      } catch (error) {
        notSavedReason = (error as Error).message
      }
    }
    return { summary: entry, readAt: options.now, asOf: options.today, notSavedReason }
  },

  'portfolio.calendar': async (input, ctx) => {
    const options = summaryOptions(ctx, input.asOf)
    const read = await readPortfolioWithCalendars(sourcePaths(ctx, input), options)
    const { entries } = withCachedSummaries(ctx, read.entries, options.today)
    return {
      asOf: options.today,
      entries: combinedCalendar(read.calendars, options.today),
      leftOut: entries.flatMap(entry =>
        entry.locked
          ? [{ path: entry.path, why: entry.reason, ...(entry.cached ? { saved: entry.cached } : {}) }]
          : 'error' in entry
            ? [{ path: entry.path, why: entry.message }]
            : []
      )
    }
  },

  'portfolio.exportCalendar': async (input, ctx) => {
    const target = await ctx.savePath(input.path, {
      title: "Export every client's deadlines",
      defaultName: 'safeguard-clients.ics',
      filters: [{ name: 'iCalendar', extensions: ['ics'] }]
    })
    if (!target) return null
    const options = summaryOptions(ctx, input.asOf)
    const { calendars } = await readPortfolioWithCalendars(sourcePaths(ctx, input), options)
    return { path: writeExportFile(path.resolve(target), portfolioToICalendar(calendars, options.now)), events: eventCount(calendars) }
  },

  'portfolio.chooseNewClientPath': async (input, ctx) => {
    const file = await ctx.host.pickSavePath({
      title: "Where should the new client's workspace be saved?",
      defaultName: freeWorkspacePath(path.resolve(input.folder), input.suggestedName || 'Client'),
      filters: [{ name: 'Safeguard workspace', extensions: [WORKSPACE_EXTENSION.slice(1)] }]
    })
    if (!file) return null
    // Handed back for workspace.create, which the window may then name (and no other new file).
    return ctx.outputPaths.grant(file.endsWith(WORKSPACE_EXTENSION) ? file : file + WORKSPACE_EXTENSION)
  }
}
