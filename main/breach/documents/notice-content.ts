import type { Db } from '../../db/driver'
import { getBusinessAssociate } from '../../baas/db/business-associates'
import { getWorkspaceProfile } from '../../workspace/db/workspace-profile'
import type { IncidentDetail } from '../contract'
import type { ContentElement, IncidentNoticeContent, NoticeContentChecklist } from './contract'
import { INCIDENT_FACTS, type FactSources } from './incident-facts'
import { loadNoticeContent, type ContentElementTemplate, type ResolvedNotice } from './notice-content-template'

/** The sources a notice's content is filled from, for one incident as of a date. */
export function factSources(db: Db, detail: IncidentDetail): FactSources {
  const linkedId = detail.incident.businessAssociateId
  return {
    incident: detail.incident,
    assessment: detail.assessment,
    notices: detail.notices,
    organization: getWorkspaceProfile(db)?.organization ?? null,
    linkedParty: linkedId === null ? null : (getBusinessAssociate(db, linkedId)?.name ?? null)
  }
}

export function checkElement(element: ContentElementTemplate, sources: FactSources): ContentElement {
  const supplied = element.facts.flatMap(fact => {
    const value = INCIDENT_FACTS[fact].value(sources)
    return value === null ? [] : [{ fact, label: INCIDENT_FACTS[fact].label, value }]
  })
  const status = element.facts.length > 0 && supplied.length === element.facts.length ? 'supplied' : supplied.length > 0 ? 'partial' : 'to-add'
  return {
    id: element.id,
    citation: element.citation,
    label: element.label,
    requirement: element.requirement,
    status,
    supplied,
    toAdd: status === 'supplied' ? null : element.toAdd
  }
}

function checklist(notice: ResolvedNotice, sources: FactSources): NoticeContentChecklist {
  return {
    id: notice.id,
    title: notice.title,
    citation: notice.citation,
    intro: notice.intro,
    certainty: notice.certainty,
    source: notice.source,
    asAsked: notice.asAsked,
    obligationKinds: notice.obligationKinds,
    elements: notice.elements.map(element => checkElement(element, sources))
  }
}

/** The checklists of the notices this incident requires: those whose obligation kinds its assessment lists. */
export function noticeContentOf(sources: FactSources, asOf: string): IncidentNoticeContent {
  const { disclaimer, stateNotices, notices } = loadNoticeContent()
  const kinds = new Set(sources.assessment.obligations.map(o => o.kind))
  return {
    incidentId: sources.incident.id,
    asOf,
    disclaimer,
    notes: kinds.has('state-individuals') || kinds.has('state-regulator') ? [stateNotices] : [],
    notices: notices.filter(notice => notice.obligationKinds.some(kind => kinds.has(kind))).map(notice => checklist(notice, sources))
  }
}

/** One notice's checklist whether the incident requires it or not (a letter can be drafted before the decision). */
export function noticeChecklist(id: ResolvedNotice['id'], sources: FactSources): NoticeContentChecklist {
  return checklist(
    loadNoticeContent().notices.find(notice => notice.id === id)!,
    sources
  )
}

/** The portal's fields as text to paste: one field's supplied values, or every field as "label: value" lines. */
export function portalFieldsText(content: NoticeContentChecklist, field?: string): string {
  const elements = field === undefined ? content.elements : content.elements.filter(element => element.id === field)
  const valueOf = (element: ContentElement) =>
    element.supplied.map(s => (element.supplied.length > 1 ? `${s.label}: ${s.value}` : s.value)).join('\n')
  if (field !== undefined) return elements.map(valueOf).join('\n')
  return [
    content.asAsked ?? '',
    '',
    ...elements.map(element => {
      const values = valueOf(element).replace(/\n/g, '; ')
      const missing = element.toAdd === null ? '' : `[to complete: ${element.toAdd}]`
      return `${element.label}: ${[values, missing].filter(Boolean).join(' ')}`
    })
  ].join('\n')
}
