import { ApiError } from '../shared/errors'
import type { CallContext, HandlersFor } from '../api/handler-types'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { needsAttention } from './calendar'
import { calendarToICalendar } from './calendar-ics'
import type { calendarCalls, CalendarDefinitionView, UpcomingView } from './contract'
import { insertCompletion, listCompletions } from './db/completions'
import { loadCalendarDefinitions } from './definitions'
import { localDateOf } from '../shared/today'
import { workspaceCalendar } from './workspace-calendar'
import { writeExportFile } from '../shared/export-file'
import { riskIdsByKey, toCalendarEntry, type CalendarEntry } from './calendar-entries'
import { readDashboard } from './dashboard/read-dashboard'
import { nextSteps } from './dashboard/next-steps'
import { dueNotificationText } from './due-notification'
import { proposedRuleStatusText, readProposedRuleStatus } from '../proposed-rule/reads'

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

/** The calendar as screens show it: each item with its days left, due wording and the record it opens. */
function calendarEntries(ctx: CallContext, options: { asOf: string; dueSoonDays: number; includeProposed: boolean }): CalendarEntry[] {
  const { db } = ctx.workspace()
  const riskIds = riskIdsByKey(db)
  return workspaceCalendar(db, options).map(item => toCalendarEntry(item, options.asOf, riskIds))
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

export const calendarHandlers: HandlersFor<typeof calendarCalls> = {
  'calendar.list': (input, ctx) => {
    const asOf = today(ctx, input.asOf)
    return {
      asOf,
      dueSoonDays: input.dueSoonDays,
      items: calendarEntries(ctx, { asOf, dueSoonDays: input.dueSoonDays, includeProposed: input.includeProposed }),
      disclaimer: loadCalendarDefinitions().disclaimer,
      proposedRule: readProposedRuleStatus(),
      proposedRuleText: proposedRuleStatusText()
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

  // What the Dashboard lists to do next, read the way it reads it, so the two never disagree.
  'calendar.notifyDue': (input, ctx) => {
    const asOf = today(ctx, input.asOf)
    const entries = calendarEntries(ctx, { asOf, dueSoonDays: input.withinDays, includeProposed: input.includeProposed })
    const { next } = nextSteps(entries, input.withinDays)
    const text = dueNotificationText(next, input.withinDays)
    if (text) ctx.host.notify(text.title, text.body)
    return { asOf, withinDays: input.withinDays, items: next, notified: text !== null }
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
