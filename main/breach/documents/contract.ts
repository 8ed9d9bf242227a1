import { z } from 'zod'
import { defineCall } from '../../api/define-call'
import type { Certainty } from '../../shared/certainty'
import { CalendarDate } from '../../shared/schemas'
import type { ObligationKind } from '../incident-schema'

/**
 * What each notice of an incident must contain (164.404(c), 164.406(c), 164.410(c)) and the HHS
 * portal's fields, checked against what the incident already records. Zod and types only.
 */

export const NOTICE_CONTENT_IDS = ['individuals', 'media', 'covered-entity', 'hhs-portal'] as const
export type NoticeContentId = (typeof NOTICE_CONTENT_IDS)[number]

/** Supplied: the incident records everything the element names; partial: some of it; to-add: the person writes it. */
export type ElementStatus = 'supplied' | 'partial' | 'to-add'

export interface ContentElement {
  id: string
  citation: string
  label: string
  requirement: string
  status: ElementStatus
  /** What the incident and the workspace profile already give, each with its label ("Date of discovery": "10 March 2026"). */
  supplied: { fact: string; label: string; value: string }[]
  /** What the person must add or check; null when everything is supplied. */
  toAdd: string | null
}

export interface NoticeContentChecklist {
  id: NoticeContentId
  title: string
  citation: string
  intro: string
  certainty: Certainty
  source: string
  /** The portal's fields only: when and from what they were read, and to check the portal. */
  asAsked: string | null
  /** The incident's obligations this content serves. */
  obligationKinds: ObligationKind[]
  elements: ContentElement[]
}

export interface IncidentNoticeContent {
  incidentId: number
  asOf: string
  disclaimer: string
  /** What the checklists leave out for this incident (the state notices' own content rules). */
  notes: string[]
  /** One checklist per kind of notice this incident requires, in the template's order. */
  notices: NoticeContentChecklist[]
}

const id = z.int().positive()

export const breachDocumentCalls = {
  /** The content checklists of every notice the incident requires, with what it already supplies and what to add. */
  'incidents.noticeContent': defineCall<IncidentNoticeContent>()(z.strictObject({ id, asOf: CalendarDate.optional() })),
  /** Puts the HHS portal's fields (or one of them) on the clipboard as plain text; answers with that text. */
  'incidents.copyPortalFields': defineCall<{ text: string }>()(
    z.strictObject({ id, field: z.string().trim().min(1).max(60).optional(), asOf: CalendarDate.optional() })
  )
}
