import type { Certainty } from '../shared/certainty'
import type { BreachObligation, JurisdictionCode, ObligationKind } from '../breach/contract'
import { addFullYears, addMonths, compareDates, daysBetween, laterOf, type IsoDate } from '../shared/dates'
import { loadCalendarDefinitions, type CalendarDefinitions } from './definitions'
import { baaReviewDueOn, DEFAULT_REVIEW_MONTHS } from '../baas/reads'

/**
 * The compliance calendar: recurring duties, business associate agreement
 * renewals and reviews, document retention ends and every breach obligation,
 * each with a due date and a status as of a day.
 */

export const DEFAULT_DUE_SOON_DAYS = 30
/** 164.316(b)(2)(i): documentation is kept 6 years from creation or last in effect, whichever is later. */
export const RETENTION_YEARS = 6

export type CalendarItemKind = string
/** 'proposed': a duty only the 2025 proposed rule would impose. It is not in force, so it is never overdue or due soon. */
export type CalendarItemStatus = 'overdue' | 'due-soon' | 'upcoming' | 'done' | 'done-late' | 'retention-ended' | 'proposed'

export interface CalendarItem {
  /** Stable across recomputations (per duty, not per occurrence), so exported events update in place. */
  uid: string
  kind: CalendarItemKind | ObligationKind
  title: string
  dueOn: IsoDate
  citation: string
  status: CalendarItemStatus
  basis: string
  certainty: Certainty
  /** From the 2025 proposed Security Rule, not in force. */
  proposed: boolean
  checkWithCounsel: boolean
  /** What the item belongs to; `type` is the deadline source's id (see deadline-sources.ts) or the record kind it links to. */
  source: { type: string; id: string; name?: string }
  jurisdiction?: JurisdictionCode
  doneOn?: IsoDate
  /** A recurring duty with no completion recorded: its date is only the workspace's start, not a real due date. */
  neverDone?: true
  /** The record the item is about, when its source is not that record (a retention end points at its incident or agreement). */
  recordLink?: RecordLink
}

/** The record a calendar item opens: its incident, agreement, recurring duty or risk. */
export interface RecordLink {
  kind: 'incident' | 'business-associate' | 'recurring-duty' | 'risk'
  id: string
}

export interface RecurringCompletion {
  definitionId: string
  doneOn: IsoDate
}

export interface CalendarBusinessAssociate {
  id: string
  name: string
  baaStatus: 'none' | 'requested' | 'signed' | 'expired' | 'terminated'
  effectiveOn?: IsoDate
  expiresOn?: IsoDate
  lastReviewOn?: IsoDate
  reviewEveryMonths?: number
}

export interface CalendarDocument {
  id: string
  title: string
  createdOn: IsoDate
  /** The last day the document was in effect (superseded or withdrawn); absent while still in effect, which means no end date yet. */
  lastInEffectOn?: IsoDate
  /** The retention rule, when not the Security Rule's own (e.g. breach records under 164.530(j) via 164.414). */
  citation?: string
  /** The record it is kept for. */
  link?: RecordLink
}

export interface CalendarIncident {
  id: string
  title: string
  obligations: readonly BreachObligation[]
}

export interface CalendarInput {
  asOf: IsoDate
  /** When a recurring duty has never been recorded as done, it is due from this day (e.g. the workspace's creation). */
  anchorOn: IsoDate
  dueSoonDays?: number
  /** Include duties that only the 2025 proposed rule would impose (default false: not in force; labelled when included). */
  includeProposed?: boolean
  completions?: readonly RecurringCompletion[]
  businessAssociates?: readonly CalendarBusinessAssociate[]
  documents?: readonly CalendarDocument[]
  incidents?: readonly CalendarIncident[]
  definitions?: CalendarDefinitions
}

/** Overdue, due within the window, or later: the status every dated item shares. */
export function timeStatus(dueOn: IsoDate, asOf: IsoDate, dueSoonDays: number): 'overdue' | 'due-soon' | 'upcoming' {
  const daysLeft = daysBetween(asOf, dueOn)
  if (daysLeft < 0) return 'overdue'
  return daysLeft <= dueSoonDays ? 'due-soon' : 'upcoming'
}

function latestCompletion(definitionId: string, completions: readonly RecurringCompletion[]): IsoDate | undefined {
  return completions
    .filter(completion => completion.definitionId === definitionId)
    .map(completion => completion.doneOn)
    .sort(compareDates)
    .at(-1)
}

/** The day after which a recurring duty is late: one interval after it was last done, or the anchor when never done. */
export function nextRecurringDueOn(everyMonths: number, lastDoneOn: IsoDate | undefined, anchorOn: IsoDate): IsoDate {
  return lastDoneOn === undefined ? anchorOn : addMonths(lastDoneOn, everyMonths)
}

/**
 * Retention ends 6 full years after creation or the last day in effect,
 * whichever is later. A document still in effect has no end yet (undefined):
 * its clock starts only when it is superseded or withdrawn.
 */
export function retentionEndsOn(document: Pick<CalendarDocument, 'createdOn' | 'lastInEffectOn'>): IsoDate | undefined {
  if (document.lastInEffectOn === undefined) return undefined
  return addFullYears(laterOf(document.createdOn, document.lastInEffectOn), RETENTION_YEARS)
}

/** "Each affected individual" reads as "each affected individual" mid-sentence; names (HHS, Texas…) keep their capitals. */
export function sentenceCase(recipient: string): string {
  return /^(Each|Affected|Prominent|The) /.test(recipient) ? recipient[0]!.toLowerCase() + recipient.slice(1) : recipient
}

/** Recurring duties: due one interval after last done, or from the anchor when never done. */
export function recurringItems(input: CalendarInput): CalendarItem[] {
  const definitions = input.definitions ?? loadCalendarDefinitions()
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS
  const items: CalendarItem[] = []
  const includeProposed = input.includeProposed ?? false
  const completions = input.completions ?? []
  for (const definition of definitions.recurring) {
    if (definition.proposed && !includeProposed) continue
    const lastDoneOn = latestCompletion(definition.id, completions)
    const dueOn = nextRecurringDueOn(definition.everyMonths, lastDoneOn, input.anchorOn)
    const history = lastDoneOn
      ? `Last done ${lastDoneOn}; due every ${definition.everyMonths} months.`
      : `No completion recorded yet, so it is due from ${input.anchorOn}.`
    items.push({
      uid: `recurring-${definition.id}`,
      kind: definition.id,
      title: definition.proposed ? `${definition.title} (proposed rule)` : definition.title,
      dueOn,
      citation: definition.citation,
      status: definition.proposed ? 'proposed' : timeStatus(dueOn, input.asOf, dueSoonDays),
      basis: `${definition.basis} ${history}`,
      certainty: definition.certainty,
      proposed: definition.proposed,
      checkWithCounsel: definition.proposed,
      source: { type: 'recurring', id: definition.id },
      ...(lastDoneOn === undefined ? { neverDone: true as const } : {})
    })
  }
  return items
}

/** Business associate agreements: renewal at expiry, periodic review of a signed agreement. */
export function agreementItems(input: CalendarInput): CalendarItem[] {
  const definitions = input.definitions ?? loadCalendarDefinitions()
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS
  const items: CalendarItem[] = []

  for (const associate of input.businessAssociates ?? []) {
    const source = { type: 'business-associate' as const, id: associate.id, name: associate.name }
    const active = associate.baaStatus === 'signed' || associate.baaStatus === 'expired'
    if (active && associate.expiresOn) {
      const renewal = definitions.derived['baa-renewal']
      items.push({
        uid: `baa-renewal-${associate.id}`,
        kind: 'baa-renewal',
        title: `${renewal.title}: ${associate.name}`,
        dueOn: associate.expiresOn,
        citation: renewal.citation,
        status: timeStatus(associate.expiresOn, input.asOf, dueSoonDays),
        basis: `${renewal.basis} The agreement expires on ${associate.expiresOn}.`,
        certainty: renewal.certainty,
        proposed: false,
        checkWithCounsel: false,
        source
      })
    }
    if (associate.baaStatus === 'signed') {
      const review = definitions.derived['baa-review']
      const months = associate.reviewEveryMonths ?? DEFAULT_REVIEW_MONTHS
      const since = associate.lastReviewOn ?? associate.effectiveOn
      const dueOn =
        baaReviewDueOn(
          {
            baaStatus: 'signed',
            lastReviewOn: associate.lastReviewOn ?? null,
            effectiveOn: associate.effectiveOn ?? null,
            reviewEveryMonths: associate.reviewEveryMonths ?? null
          },
          input.anchorOn
        ) ?? input.anchorOn
      items.push({
        uid: `baa-review-${associate.id}`,
        kind: 'baa-review',
        title: `${review.title}: ${associate.name}`,
        dueOn,
        citation: review.citation,
        status: timeStatus(dueOn, input.asOf, dueSoonDays),
        basis: `${review.basis} ${
          associate.lastReviewOn ? `Last reviewed ${associate.lastReviewOn}` : since ? `Effective ${since}, not reviewed since` : 'Never reviewed'
        }; review every ${months} months.`,
        certainty: review.certainty,
        proposed: false,
        checkWithCounsel: false,
        source
      })
    }
  }
  return items
}

/** Retention ends: the earliest day a record no longer in effect may be disposed of. */
export function retentionItems(input: CalendarInput): CalendarItem[] {
  const definitions = input.definitions ?? loadCalendarDefinitions()
  const items: CalendarItem[] = []

  for (const document of input.documents ?? []) {
    const retention = definitions.derived['retention-ends']
    const dueOn = retentionEndsOn(document)
    if (dueOn === undefined) continue
    items.push({
      uid: `retention-${document.id}`,
      kind: 'retention-ends',
      title: `${retention.title}: ${document.title}`,
      dueOn,
      citation: document.citation ?? retention.citation,
      // Not a deadline that can be missed: the earliest day disposal is allowed.
      status: compareDates(input.asOf, dueOn) >= 0 ? 'retention-ended' : 'upcoming',
      basis: `${retention.basis} Created ${document.createdOn}, last in effect ${document.lastInEffectOn}.`,
      certainty: retention.certainty,
      proposed: false,
      checkWithCounsel: false,
      source: { type: 'document', id: document.id, name: document.title },
      ...(document.link ? { recordLink: document.link } : {})
    })
  }
  return items
}

/** Every breach notice of every incident, with its own clock. */
export function incidentItems(input: CalendarInput): CalendarItem[] {
  const dueSoonDays = input.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS
  const items: CalendarItem[] = []

  for (const incident of input.incidents ?? []) {
    for (const obligation of incident.obligations) {
      items.push({
        uid: `incident-${incident.id}-${obligation.id}`,
        kind: obligation.kind,
        title: `${incident.title}: notify ${sentenceCase(obligation.recipient)}`,
        dueOn: obligation.dueOn,
        citation: obligation.citation,
        status:
          obligation.status === 'done' || obligation.status === 'done-late'
            ? obligation.status
            : timeStatus(obligation.dueOn, input.asOf, dueSoonDays),
        basis: obligation.basis,
        certainty: obligation.certainty,
        proposed: false,
        checkWithCounsel: obligation.checkWithCounsel,
        source: { type: 'incident', id: incident.id, name: incident.title },
        ...(obligation.jurisdiction ? { jurisdiction: obligation.jurisdiction } : {}),
        ...(obligation.doneOn ? { doneOn: obligation.doneOn } : {})
      })
    }
  }
  return items
}

/** Every item of the input, soonest first. */
export function buildCalendar(input: CalendarInput): CalendarItem[] {
  return sortCalendar([...recurringItems(input), ...agreementItems(input), ...retentionItems(input), ...incidentItems(input)])
}

/** Soonest first; ties in a stable order. */
export function sortCalendar(items: CalendarItem[]): CalendarItem[] {
  return items.sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.uid.localeCompare(b.uid))
}

/** What needs attention: overdue, or due within the window (the desktop notification when a workspace opens). */
export function needsAttention(items: readonly CalendarItem[]): CalendarItem[] {
  return items.filter(item => item.status === 'overdue' || item.status === 'due-soon')
}
