import type { CatalogData, QuestionGroup, QuestionItem } from '../../../../main/assessment/contract'

/**
 * A section of the questionnaire walk: one standard of the Security Rule with its implementation specifications
 * (e.g. 164.308(a)(3) Workforce security), within its family. The rule itself is organised that way and the HHS
 * SRA Tool walks it in the same units; each holds 2 to 12 questions, a screenful or two. The cloud controls are
 * one section: each control has only one or two questions, so one section per control would be mostly clicking.
 */
export interface QuestionSection {
  key: string
  group: QuestionGroup
  title: string
  /** The standard's citation, e.g. '164.308(a)(3)(i)'; null for the cloud controls. */
  citation: string | null
  items: QuestionItem[]
}

/** The citation of the standard each specification belongs to, from the catalog (a standard maps to itself). */
export function standardOfCitation(entries: CatalogData['entries']): Map<string, { citation: string; title: string }> {
  const byCitation = new Map(entries.map(entry => [entry.citation, entry]))
  const result = new Map<string, { citation: string; title: string }>()
  for (const entry of entries) {
    const standard = entry.kind === 'standard' ? entry : byCitation.get(entry.standard ?? '')
    if (standard) result.set(entry.citation, { citation: standard.citation, title: standard.title })
  }
  return result
}

/** The key of the section a question belongs to: its family and standard, or the whole cloud group. */
export function sectionKeyOf(item: QuestionItem, standards: Map<string, { citation: string; title: string }>): string {
  const standard = item.group === 'cloud' ? undefined : standards.get(item.citations[0] ?? '')
  return standard ? `${item.group}:${standard.citation}` : item.group
}

/** Splits the items (already in catalog order) into sections, in the order their first question appears. */
export function buildSections(
  items: QuestionItem[],
  standards: Map<string, { citation: string; title: string }>,
  cloudTitle: string
): QuestionSection[] {
  const sections = new Map<string, QuestionSection>()
  for (const item of items) {
    const key = sectionKeyOf(item, standards)
    let section = sections.get(key)
    if (!section) {
      const standard = item.group === 'cloud' ? undefined : standards.get(item.citations[0] ?? '')
      const title = standard?.title ?? (item.group === 'cloud' ? cloudTitle : item.topic)
      section = { key, group: item.group, title, citation: standard?.citation ?? null, items: [] }
      sections.set(key, section)
    }
    section.items.push(item)
  }
  return [...sections.values()]
}

/** Answered as the progress counts it (main/assessment/questionnaire.ts isAnswered): 'Not assessed' and copied answers still to confirm are not. */
export function isAnswered(item: QuestionItem): boolean {
  return item.answer !== null && item.answer.value !== 'not-assessed' && !item.answer.toConfirm
}

/** Why a question is an area for review (answered No or Partly, or not answered yet), or null when it is not one. */
export function reviewReason(item: QuestionItem): string | null {
  if (item.answer?.value === 'no') return 'Answered No'
  if (item.answer?.value === 'partly') return 'Answered Partly'
  if (item.answer?.toConfirm) return 'Copied from last period, to confirm'
  if (item.answer?.value === 'not-assessed') return 'Not assessed yet'
  if (!isAnswered(item)) return 'Not answered yet'
  return null
}

/**
 * The next unanswered question after `fromId` (or from the start of section `fromSection` when no question is given),
 * across sections and wrapping round to the beginning; null when every question is answered.
 */
export function nextUnanswered(
  sections: QuestionSection[],
  fromSection: number,
  fromId: string | null
): { section: number; item: QuestionItem } | null {
  const order = sections.flatMap((section, index) => section.items.map(item => ({ section: index, item })))
  if (order.length === 0) return null
  const current = fromId === null ? -1 : order.findIndex(entry => entry.item.id === fromId)
  const start =
    current >= 0
      ? current + 1
      : Math.max(
          0,
          order.findIndex(entry => entry.section === fromSection)
        )
  for (let step = 0; step < order.length; step++) {
    const entry = order[(start + step) % order.length]!
    if (!isAnswered(entry.item)) return entry
  }
  return null
}

/** The element id of a question's card, which links and focus moves point at. */
export const questionElementId = (questionId: string) => `question-${questionId}`

/**
 * The question on a specification (a review flag names only the citation): the first that cites it, else the first
 * citing one of its paragraphs (a flag on a standard), else null.
 */
export function questionOn(items: QuestionItem[], citation: string): QuestionItem | null {
  return items.find(item => item.citations.includes(citation)) ?? items.find(item => item.citations.some(c => c.startsWith(`${citation}(`))) ?? null
}
