import { calendarToICalendar, type CalendarItem } from '../calendar/reads'

export interface ClientCalendar {
  organization: string
  workspaceUid: string
  /** The workspace file the calendar was read from. */
  path: string
  items: CalendarItem[]
}

/**
 * Every client's deadlines in one iCalendar file, each event named "<client>: <title>". Each event's UID carries its
 * workspace's id, so two clients' like duties never merge in a calendar program, and re-importing updates in place.
 */
export function portfolioToICalendar(clients: readonly ClientCalendar[], generatedAt: string): string {
  const items = clients.flatMap(client =>
    client.items.map(item => ({ ...item, uid: `${item.uid}.${client.workspaceUid}`, title: `${client.organization}: ${item.title}` }))
  )
  return calendarToICalendar(items, { generatedAt, workspaceId: 'portfolio', name: 'Safeguard: every client' })
}

/** How many events the combined file holds. */
export const eventCount = (clients: readonly ClientCalendar[]): number => clients.reduce((sum, client) => sum + client.items.length, 0)
