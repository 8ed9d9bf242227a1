import { ApiError } from '../shared/errors'
import type { CallContext, HandlersFor } from '../api/handler-types'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { needsAttention, type CalendarItem } from './calendar'
import { calendarToICalendar } from './calendar-ics'
import type { calendarCalls, CalendarDefinitionView, UpcomingView } from './contract'
import { insertCompletion, listCompletions } from './db/completions'
import { loadCalendarDefinitions } from './definitions'
import { localDateOf } from '../shared/today'
import { workspaceCalendar } from './workspace-calendar'
import { writeExportFile } from '../shared/export-file'
import { riskIdsByKey, toCalendarEntry } from './calendar-entries'
import { readDashboard } from './dashboard/read-dashboard'
import { formatCount } from '../shared/count-text'

const today = (ctx: CallContext, asOf: string | undefined) => asOf ?? localDateOf(ctx.session.now())

function upcoming(ctx: CallContext, input: { asOf?: string | undefined; includeProposed: boolean; withinDays: number }): UpcomingView {
  const asOf = today(ctx, input.asOf)
  const items = needsAttention(workspaceCalendar(ctx.workspace().db, { asOf, dueSoonDays: input.withinDays, includeProposed: input.includeProposed }))
  return {
    asOf,
    withinDays: input.withinDays,
    overdue: items.filter(item => item.status === 'overdue'),
    dueSoon: items.filter(item => item.status === 'due-soon')
  }
}

function definitionViews(ctx: CallContext): CalendarDefinitionView[] {
  const completions = listCompletions(ctx.workspace().db)
  return loadCalendarDefinitions().recurring.map(definition => ({
    ...definition,
    lastDoneOn:
      completions
        .filter(c => c.definitionId === definition.id)
        .map(c => c.doneOn)
        .sort()
        .at(-1) ?? null
  }))
}

const describe = (item: CalendarItem) => `${item.title} (${item.dueOn})`

export const calendarHandlers: HandlersFor<typeof calendarCalls> = {
  'calendar.list': (input, ctx) => {
    const asOf = today(ctx, input.asOf)
    const { db } = ctx.workspace()
    const riskIds = riskIdsByKey(db)
    return {
      asOf,
      dueSoonDays: input.dueSoonDays,
      items: workspaceCalendar(db, { asOf, dueSoonDays: input.dueSoonDays, includeProposed: input.includeProposed }).map(item =>
        toCalendarEntry(item, asOf, riskIds)
      ),
      disclaimer: loadCalendarDefinitions().disclaimer
    }
  },

  'calendar.upcoming': (input, ctx) => upcoming(ctx, input),

  'calendar.dashboard': (input, ctx) =>
    readDashboard(ctx.workspace().db, {
      asOf: today(ctx, input.asOf),
      now: ctx.session.now(),
      withinDays: input.withinDays,
      includeProposed: input.includeProposed
    }),

  'calendar.definitions': (_input, ctx) => definitionViews(ctx),

  'calendar.recordCompletion': (input, ctx) => {
    if (!loadCalendarDefinitions().recurring.some(definition => definition.id === input.definitionId)) {
      throw new ApiError('invalid-input', `definitionId: "${input.definitionId}" is not a recurring duty of the calendar.`)
    }
    insertCompletion(ctx.workspace().db, input, ctx.session.now())
    return definitionViews(ctx).find(definition => definition.id === input.definitionId)!
  },

  'calendar.notifyDue': (input, ctx) => {
    const view = upcoming(ctx, input)
    const count = view.overdue.length + view.dueSoon.length
    if (count === 0) return { ...view, notified: false }
    const parts = [
      view.overdue.length > 0 ? `${formatCount(view.overdue.length)} overdue` : '',
      view.dueSoon.length > 0 ? `${formatCount(view.dueSoon.length)} due within ${view.withinDays} days` : ''
    ].filter(Boolean)
    const first = [...view.overdue, ...view.dueSoon].slice(0, 3).map(describe)
    ctx.host.notify(`Compliance deadlines: ${parts.join(', ')}`, first.join('\n') + (count > 3 ? `\n…and ${formatCount(count - 3)} more` : ''))
    return { ...view, notified: true }
  },

  'calendar.exportIcs': async (input, ctx) => {
    const { db } = ctx.workspace()
    const asOf = today(ctx, input.asOf)
    const target = await ctx.savePath(input.path, {
      title: 'Export the compliance calendar',
      defaultName: 'safeguard-deadlines.ics',
      filters: [{ name: 'iCalendar', extensions: ['ics'] }]
    })
    if (!target) return null
    const items = workspaceCalendar(db, { asOf, dueSoonDays: 30, includeProposed: input.includeProposed })
    const profile = getWorkspaceProfile(db)
    const ics = calendarToICalendar(items, {
      generatedAt: ctx.session.now(),
      workspaceId: profile?.workspaceUid ?? 'workspace',
      name: `Safeguard: ${profile?.organization.name ?? 'compliance deadlines'}`,
      ...(input.reminderDaysBefore !== undefined ? { reminderDaysBefore: input.reminderDaysBefore } : {})
    })
    return { path: writeExportFile(target, ics), events: items.length }
  }
}
