import type { Db } from '../db/driver'
import { listBusinessAssociates } from '../baas/db/business-associates'
import { listIncidents } from '../breach/db/incidents'
import { documentDatesOf } from '../breach/reads'
import { listAllNotices } from '../breach/db/notices'
import { laterOf } from '../shared/dates'
import type { CalendarDocument } from './calendar'
import { listCompletions } from './db/completions'
import { loadCalendarDefinitions } from './definitions'

/**
 * Records this workspace keeps whose 6-year retention can be dated: breach
 * documentation, agreements no longer in force, and the record of each
 * recurring duty done. (Policy versions belong to the documents feature and
 * can join here the same way.)
 */
export function retainedRecords(db: Db): CalendarDocument[] {
  const associates = listBusinessAssociates(db)
  const incidents = listIncidents(db)
  const notices = listAllNotices(db)
  const completions = listCompletions(db)
  const titles = new Map(loadCalendarDefinitions().recurring.map(definition => [definition.id, definition.title]))
  return [
    ...incidents.map(incident => ({
      id: `incident-${incident.id}`,
      title: `breach documentation for "${incident.title}"`,
      createdOn: incident.discoveredOn,
      // Six years from the newest of its documents (record update, assessment, statements, notices), as the archive and the export count.
      lastInEffectOn: documentDatesOf(incident, notices.get(incident.id) ?? [])
        .map(entry => entry.date)
        .reduce(laterOf, incident.discoveredOn),
      citation: '45 CFR 164.530(j)(2), applied by 164.414(a)',
      link: { kind: 'incident' as const, id: String(incident.id) }
    })),
    ...associates
      .filter(associate => (associate.baaStatus === 'expired' || associate.baaStatus === 'terminated') && associate.expiresOn !== null)
      .map(associate => ({
        id: `baa-${associate.id}`,
        title: `agreement with ${associate.name}`,
        createdOn: associate.effectiveOn ?? associate.expiresOn!,
        lastInEffectOn: associate.expiresOn!,
        link: { kind: 'business-associate' as const, id: String(associate.id) }
      })),
    ...completions.map(completion => ({
      id: `completion-${completion.definitionId}-${completion.doneOn}`,
      title: `record of ${titles.get(completion.definitionId)?.toLowerCase() ?? completion.definitionId} done ${completion.doneOn}`,
      createdOn: completion.doneOn,
      lastInEffectOn: completion.doneOn,
      link: { kind: 'recurring-duty' as const, id: completion.definitionId }
    }))
  ]
}
