import { formatCount, formatLongDate } from '../format'
import type { IncidentDocumentData } from './incident-document-data'
import { LETTER_KINDS, type LetterKind } from './letter-kinds'

/**
 * The words of each letter draft, filled from the incident, with a marked gap ("[to complete: …]")
 * wherever the incident does not say. Pure: (kind, data) → blocks of runs, which render-letter.ts
 * writes as Word. The sections follow the notice's required elements (templates/breach/notice-content.json).
 */

/** A run of text, or a gap the person must fill. */
export type Run = string | { toComplete: string }
export type LetterParagraph = Run[]

export interface LetterText {
  title: string
  /** Lines above the salutation: sender, date, addressee. */
  head: LetterParagraph[]
  opening: LetterParagraph[]
  sections: { heading: string; citation: string; paragraphs: LetterParagraph[] }[]
  closing: LetterParagraph[]
}

const gap = (what: string): Run => ({ toComplete: what })
const orGap = (value: string | null | undefined, what: string): Run => (value && value.trim() !== '' ? value.trim() : gap(what))

/** Whom the media notice goes to: one obligation per state with more than 500 affected residents (164.406). */
export function mediaRecipients(data: IncidentDocumentData): string[] {
  return data.detail.assessment.obligations.filter(o => o.kind === 'media').map(o => o.recipient)
}

function whatHappened(data: IncidentDocumentData): LetterParagraph[] {
  const { incident } = data.detail
  return [
    [orGap(incident.description, 'a brief, plain description of what happened')],
    [
      'The breach happened ',
      incident.breachOn ? `on ${formatLongDate(incident.breachOn)}` : gap('on the date of the breach, or say that the date is not known'),
      ` and was discovered on ${formatLongDate(incident.discoveredOn)}.`
    ]
  ]
}

function phiTypes(data: IncidentDocumentData, who: string): LetterParagraph[] {
  const categories = data.detail.incident.phiCategories
  return [
    categories.length > 0
      ? [`The information involved ${who}: ${categories.join(', ')}.`]
      : [`The information involved ${who}: `, gap('the types of information involved, such as name, date of birth, diagnosis'), '.']
  ]
}

function whatWeAreDoing(data: IncidentDocumentData): LetterParagraph[] {
  const mitigation = data.detail.incident.assessment.factors?.mitigation
  return [
    [orGap(mitigation, 'what is being done to investigate the breach and limit harm')],
    [gap('what is being done to protect against further breaches')]
  ]
}

function contact(data: IncidentDocumentData, who: string): LetterParagraph[] {
  const org = data.organization
  return [
    [
      `${who} can call us toll-free at `,
      gap('a toll-free telephone number'),
      org?.contactEmail ? `, email ${org.contactEmail}` : '',
      ', or write to us at ',
      gap('a postal address or website'),
      '.'
    ]
  ]
}

/** Who to reach, from the workspace profile: name, email, telephone, as far as recorded. */
function contactLine(data: IncidentDocumentData): string | null {
  const org = data.organization
  const parts = [org?.contactName, org?.contactEmail, org?.contactPhone].filter(part => part && part.trim() !== '')
  return parts.length > 0 ? parts.join(', ') : null
}

function signature(data: IncidentDocumentData): LetterParagraph[] {
  const org = data.organization
  return [['Sincerely,'], [orGap(org?.contactName, 'the name and title of the person signing')], [orGap(org?.name, 'the organisation')]]
}

function individualLetter(data: IncidentDocumentData): LetterText {
  const org = data.organization
  return {
    title: 'Notice of a data breach',
    head: [[orGap(org?.name, 'the organisation')], [gap('the date of mailing')], [gap("the individual's name and last known address")]],
    opening: [
      ['Dear ', gap("the individual's name"), ','],
      [
        `We are writing to tell you about a breach of protected health information at ${org?.name ?? 'our organisation'} that involved your information, what we are doing about it and what you can do.`
      ]
    ],
    sections: [
      { heading: 'What happened', citation: '164.404(c)(1)(A)', paragraphs: whatHappened(data) },
      { heading: 'What information was involved', citation: '164.404(c)(1)(B)', paragraphs: phiTypes(data, 'was') },
      {
        heading: 'What you can do',
        citation: '164.404(c)(1)(C)',
        paragraphs: [[gap('the steps people should take to protect themselves from harm resulting from this breach')]]
      },
      { heading: 'What we are doing', citation: '164.404(c)(1)(D)', paragraphs: whatWeAreDoing(data) },
      { heading: 'For more information', citation: '164.404(c)(1)(E)', paragraphs: contact(data, 'If you have questions, you') }
    ],
    closing: signature(data)
  }
}

function mediaNotice(data: IncidentDocumentData): LetterText {
  const org = data.organization
  const recipients = mediaRecipients(data)
  return {
    title: 'Media notice of a data breach',
    head: [
      ['For release on ', gap('the date of release')],
      ['To: ', orGap(recipients.join('; '), 'prominent media outlets serving each state with more than 500 affected residents')],
      [`From: `, orGap(org?.name, 'the organisation')]
    ],
    opening: [
      [
        `${org?.name ?? 'The organisation'} is notifying ${formatCount(data.detail.assessment.totalAffected)} people of a breach of their protected health information.`
      ]
    ],
    sections: [
      { heading: 'What happened', citation: '164.404(c)(1)(A)', paragraphs: whatHappened(data) },
      { heading: 'What information was involved', citation: '164.404(c)(1)(B)', paragraphs: phiTypes(data, 'was') },
      {
        heading: 'What people can do',
        citation: '164.404(c)(1)(C)',
        paragraphs: [[gap('the steps affected people should take to protect themselves from harm resulting from this breach')]]
      },
      { heading: 'What we are doing', citation: '164.404(c)(1)(D)', paragraphs: whatWeAreDoing(data) },
      { heading: 'For more information', citation: '164.404(c)(1)(E)', paragraphs: contact(data, 'People with questions') }
    ],
    closing: [['Media contact: ', orGap(org?.contactName, 'the media contact'), org?.contactEmail ? `, ${org.contactEmail}` : '']]
  }
}

function coveredEntityNotice(data: IncidentDocumentData): LetterText {
  const org = data.organization
  const { incident, assessment } = data.detail
  const states = Object.entries(incident.affectedByState).map(([code, count]) => `${code} ${formatCount(count ?? 0)}`)
  return {
    title: 'Notice of a breach of unsecured protected health information',
    head: [
      ['To: ', orGap(data.sources.linkedParty, 'the covered entity and its contact')],
      ['From: ', orGap(org?.name, 'the organisation'), ', business associate'],
      ['Date: ', gap('the date this notice is sent')]
    ],
    opening: [
      [
        `As your business associate we are telling you of a breach of unsecured protected health information we discovered on ${formatLongDate(incident.discoveredOn)}, with the information you need for your own notices (45 CFR 164.410).`
      ]
    ],
    sections: [
      {
        heading: 'Individuals affected',
        citation: '164.410(c)(1)',
        paragraphs: [
          [
            assessment.totalAffected > 0
              ? `The breach affects ${formatCount(assessment.totalAffected)} individuals (${states.join(', ')}). `
              : gap('the number of individuals affected'),
            'The identification of each individual is in the attached list: ',
            gap('attach the list identifying each individual, from your own records (Safeguard keeps no names)')
          ]
        ]
      },
      {
        heading: 'What happened and what was involved',
        citation: '164.410(c)(2)',
        paragraphs: [...whatHappened(data), ...phiTypes(data, 'was'), ...whatWeAreDoing(data)]
      },
      {
        heading: 'Further information',
        citation: '164.410(c)(2)',
        paragraphs: [
          ['We will send any further information you need for your notices promptly as it becomes available.'],
          ['Our contact for this breach: ', orGap(contactLine(data), 'the name, email and telephone number of your contact here')]
        ]
      }
    ],
    closing: signature(data)
  }
}

const WRITERS: Record<LetterKind, (data: IncidentDocumentData) => LetterText> = {
  individual: individualLetter,
  media: mediaNotice,
  'covered-entity': coveredEntityNotice
}

export function letterText(kind: LetterKind, data: IncidentDocumentData): LetterText {
  return WRITERS[kind](data)
}

/** The gaps of a letter, in reading order. */
export function gapsOf(letter: LetterText): string[] {
  const paragraphs = [...letter.head, ...letter.opening, ...letter.sections.flatMap(s => s.paragraphs), ...letter.closing]
  return paragraphs.flatMap(runs => runs.flatMap(run => (typeof run === 'string' ? [] : [run.toComplete])))
}

export const letterLabel = (kind: LetterKind): string => LETTER_KINDS[kind].label
