import path from 'node:path'
import { Option, type Command } from 'commander'
import type { CalendarEntry } from '../../calendar/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'

/** One line of `deadlines --json`: incident obligations carry the incident, calendar items their own kinds. */
export interface DeadlineEntry {
  incident?: string
  incidentId?: number
  kind: string
  jurisdiction?: string
  title: string
  dueOn: string
  citation: string
  status: string
  certainty: string
  checkWithCounsel: boolean
  proposed?: boolean
  doneOn?: string
  /** Days from the as-of date to the due date, negative when past. */
  daysLeft: number
  /** The same words the app shows: "Due today", "Due in 3 days", "5 days overdue". */
  dueText: string
  /** A recurring duty with no completion recorded: its date is only the workspace's first day. */
  neverDone?: true
}

function toEntry(item: CalendarEntry): DeadlineEntry {
  const fromIncident = item.source.type === 'incident'
  return {
    ...(fromIncident ? { incident: item.source.name ?? '', incidentId: Number(item.source.id) } : {}),
    kind: item.kind,
    ...(item.jurisdiction ? { jurisdiction: item.jurisdiction } : {}),
    title: item.title,
    dueOn: item.dueOn,
    citation: item.citation,
    // Incident obligations keep the breach clock's own words: due, overdue, done, done-late.
    status: fromIncident && (item.status === 'due-soon' || item.status === 'upcoming') ? 'due' : item.status,
    certainty: item.certainty,
    checkWithCounsel: item.checkWithCounsel,
    ...(item.proposed ? { proposed: true } : {}),
    ...(item.doneOn ? { doneOn: item.doneOn } : {}),
    daysLeft: item.daysLeft,
    dueText: item.dueText,
    ...(item.neverDone ? { neverDone: true as const } : {})
  }
}

const OPEN = new Set(['overdue', 'due-soon', 'due', 'upcoming'])

const STATUS_WORDS: Record<string, string> = {
  overdue: 'OVERDUE',
  'due-soon': 'due soon',
  due: 'due',
  upcoming: 'upcoming',
  done: 'done',
  'done-late': 'done late',
  'retention-ended': 'ended',
  proposed: 'proposed — not in force'
}

export function registerDeadlines(program: Command, io: CliIo): void {
  program
    .command('deadlines')
    .description('Every deadline in a workspace: breach notices, agreement renewals and reviews, recurring duties')
    .argument('<workspace>', 'workspace file')
    .option('--as-of <date>', 'judge deadlines as of this date (YYYY-MM-DD); default today')
    .option('--within <days>', 'how many days ahead count as due soon', '30')
    .option('--proposed', 'also list duties only the proposed Security Rule (90 FR 898) would impose: not in force, labelled, never overdue')
    // Proposed duties are left out by default now; the old opt-out stays accepted (and does nothing) so scripts keep working.
    .addOption(new Option('--no-proposed').hideHelp())
    .option('--ics <file>', 'also write the deadlines to an iCalendar (.ics) file')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { asOf?: string; within: string; proposed?: boolean; ics?: string; json?: boolean }) => {
      const within = Number(options.within)
      if (!Number.isInteger(within) || within < 0) throw new Error(`--within: "${options.within}" is not a whole number of days.`)
      const asOf = options.asOf ? { asOf: options.asOf } : {}
      const includeProposed = options.proposed === true
      const { view, exported } = await withWorkspace(workspace, async call => {
        const view = await call('calendar.list', { ...asOf, dueSoonDays: within, includeProposed })
        const exported = options.ics ? await call('calendar.exportIcs', { ...asOf, includeProposed, path: path.resolve(options.ics) }) : null
        return { view, exported }
      })
      const entries = view.items.map(toEntry)
      if (options.json) return printJson(io, entries)
      printLines(io, [
        `Deadlines as of ${view.asOf} (due soon = within ${within} days):`,
        ...entries.map(
          e =>
            `  ${e.dueOn}  ${(STATUS_WORDS[e.status] ?? e.status).padEnd(9)}  ${e.title}  [${e.citation}]${OPEN.has(e.status) ? `  ${e.neverDone ? 'no completion recorded yet' : e.dueText}` : ''}${e.checkWithCounsel ? '  (check with counsel)' : ''}`
        ),
        ...(exported ? [`Wrote ${plural(exported.events, 'event')} to ${exported.path}.`] : []),
        view.disclaimer,
        view.proposedRuleText
      ])
    })
}
