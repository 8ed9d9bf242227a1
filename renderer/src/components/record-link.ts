import type { RecordLink } from '../../../main/calendar/contract'
import type { AreaId } from '../areas'

/**
 * Opening one record from another area: the link names the record, the target area takes it once when its
 * page mounts (as its selection) and the app navigates there. Kept here, not in the URL: the app has no routes.
 */
const AREA_OF: Record<RecordLink['kind'], AreaId> = {
  incident: 'incidents',
  'business-associate': 'business-associates',
  'recurring-duty': 'calendar',
  risk: 'risks'
}

const waiting = new Map<AreaId, string>()

export function openRecord(navigate: (area: AreaId) => void, link: RecordLink): void {
  const area = AREA_OF[link.kind]
  waiting.set(area, link.id)
  navigate(area)
}

/**
 * Opening an area at a place that is not a record: the assessment at the question on a specification, the Findings
 * view filtered to one. The target is the citation; the area reads it with takeRecordTarget as a record's id.
 */
export function openAreaAt(navigate: (area: AreaId) => void, area: 'assessment' | 'findings', citation: string): void {
  waiting.set(area, citation)
  navigate(area)
}

/** The record the area was opened for, once: later mounts of the page start without it. */
export function takeRecordTarget(area: AreaId): string | null {
  const id = waiting.get(area) ?? null
  waiting.delete(area)
  return id
}

/** What the link opens, for its accessible description. */
export const RECORD_NOUN: Record<RecordLink['kind'], string> = {
  incident: 'incident',
  'business-associate': 'business associate',
  'recurring-duty': 'duty in the calendar',
  risk: 'risk analysis'
}
