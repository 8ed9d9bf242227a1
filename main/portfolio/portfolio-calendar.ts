import { nextSteps, toCalendarEntry, type CalendarEntry } from '../calendar/reads'
import type { ClientCalendar } from './portfolio-ics'

/** One open deadline of one client, as the Clients view's calendar lists it. */
export interface PortfolioCalendarEntry {
  client: string
  path: string
  /** Unique across clients (the duty's id and its workspace's). */
  uid: string
  title: string
  dueOn: string
  status: CalendarEntry['status']
  daysLeft: number
  dueText: string
  citation: string
  /** A breach notice (a clock set by law): listed first, whatever its date. */
  breachNotice: boolean
  checkWithCounsel: boolean
}

/**
 * Every client's open deadlines in one list, in the Dashboard's order of consequence across clients: breach notices
 * first, then whatever is overdue, then by days left (each client's own Dashboard is unchanged). Done items, retention
 * ends and recurring duties never yet recorded are left out, as on the Dashboard.
 */
export function combinedCalendar(clients: readonly ClientCalendar[], asOf: string): PortfolioCalendarEntry[] {
  const entries = clients.flatMap(client =>
    client.items.map(item => ({ client, entry: toCalendarEntry({ ...item, uid: `${item.uid}.${client.workspaceUid}` }, asOf) }))
  )
  const clientOf = new Map(entries.map(({ client, entry }) => [entry.uid, client]))
  return nextSteps(
    entries.map(({ entry }) => entry),
    Number.POSITIVE_INFINITY
  ).next.map(entry => {
    const client = clientOf.get(entry.uid)!
    return {
      client: client.organization,
      path: client.path,
      uid: entry.uid,
      title: entry.title,
      dueOn: entry.dueOn,
      status: entry.status,
      daysLeft: entry.daysLeft,
      dueText: entry.dueText,
      citation: entry.citation,
      breachNotice: entry.source.type === 'incident',
      checkWithCounsel: entry.checkWithCounsel
    }
  })
}
