import path from 'node:path'
import type { HandlersFor } from '../api/handler-types'
import { localDateOf } from '../shared/today'
import type { portfolioCalls } from './contract'
import { readPortfolio } from './read-portfolio'

export const portfolioHandlers: HandlersFor<typeof portfolioCalls> = {
  'portfolio.summary': async (input, ctx) => {
    const folders = input.folders.map(folder => path.resolve(folder))
    if (input.chooseFolder) {
      const chosen = await ctx.host.pickDirectory({ title: 'Choose a folder of client workspaces' })
      if (!chosen) return null
      if (!folders.includes(path.resolve(chosen))) folders.push(path.resolve(chosen))
    }
    const recent = input.includeRecent ? (ctx.session.recent?.list() ?? []).map(entry => entry.path) : []
    const now = ctx.session.now()
    const asOf = input.asOf ?? localDateOf(now)
    const entries = await readPortfolio([...folders, ...recent], {
      today: asOf,
      now,
      keyProvider: ctx.session.keyProvider,
      program: ctx.session.programName,
      ...(ctx.session.nativeBinding ? { nativeBinding: ctx.session.nativeBinding } : {}),
      signal: ctx.signal,
      onProgress: (done, total) => ctx.progress({ phase: 'reading', done, total, unit: 'workspaces' })
    })
    return { asOf, folders, entries }
  }
}
