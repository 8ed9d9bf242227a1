import { z } from 'zod'
import type { ObligationKind } from './incident-schema'

/**
 * How a notice was given: the one list the schema, the database check, the CLI and the dialog derive from.
 * Zod and data only, so the renderer can show the labels. Individual notices follow 45 CFR 164.404(d).
 */
export interface NoticeMethodEntry {
  id: string
  /** Plain words, shown wherever the method is. */
  label: string
  /** When it applies, in plain words with its citation. */
  when: string
  /** The obligations it can answer. */
  kinds: readonly ObligationKind[]
  /** False when the method is given in addition to another and never completes the obligation alone. */
  completesAlone: boolean
  /** Substitute notice for people whose contact details are missing or out of date: who it is for. */
  substituteFor?: 'fewer-than-10' | '10-or-more'
}

const TO_PEOPLE = ['individuals', 'state-individuals'] as const satisfies readonly ObligationKind[]

export const NOTICE_METHODS = [
  {
    id: 'written',
    label: 'Written notice by first-class mail',
    when: 'The default: a letter by first-class mail to the last known address (164.404(d)(1)(i)).',
    kinds: [...TO_PEOPLE, 'covered-entity'],
    completesAlone: true
  },
  {
    id: 'email',
    label: 'Email (the person agreed to electronic notice)',
    when: 'Only for people who agreed to electronic notice and have not withdrawn that agreement (164.404(d)(1)(i)).',
    kinds: [...TO_PEOPLE, 'covered-entity', 'state-regulator'],
    completesAlone: true
  },
  {
    id: 'substitute-web',
    label: 'Substitute notice: website posting for 90 days',
    when: 'When 10 or more people have missing or out-of-date contact details: a conspicuous posting on the home page of your website for 90 days, with a toll-free number active for at least 90 days (164.404(d)(2)(ii)).',
    kinds: TO_PEOPLE,
    completesAlone: true,
    substituteFor: '10-or-more'
  },
  {
    id: 'substitute-media',
    label: 'Substitute notice: major print or broadcast media',
    when: 'When 10 or more people have missing or out-of-date contact details: conspicuous notice in major print or broadcast media where they likely live, with a toll-free number active for at least 90 days (164.404(d)(2)(ii)).',
    kinds: TO_PEOPLE,
    completesAlone: true,
    substituteFor: '10-or-more'
  },
  {
    id: 'substitute-other',
    label: 'Substitute notice: another written form, telephone or other means',
    when: 'When fewer than 10 people have missing or out-of-date contact details (164.404(d)(2)(i)).',
    kinds: TO_PEOPLE,
    completesAlone: true,
    substituteFor: 'fewer-than-10'
  },
  {
    id: 'urgent-telephone',
    label: 'Urgent telephone notice (in addition to written notice)',
    when: 'When misuse of the information may be imminent: a call in addition to the written notice, never instead of it (164.404(d)(3); the wording of this paragraph is not confirmed here, so check with counsel).',
    kinds: TO_PEOPLE,
    completesAlone: false
  },
  {
    id: 'next-of-kin',
    label: 'Letter to next of kin or personal representative',
    when: 'For a person known to have died, by first-class mail when the address of the next of kin or personal representative is known (164.404(d)(1)(ii)).',
    kinds: TO_PEOPLE,
    completesAlone: true
  },
  {
    id: 'hhs-portal',
    label: 'HHS breach portal',
    when: 'The form on the HHS website, for a breach of 500 or more or for the annual log (164.408).',
    kinds: ['hhs', 'hhs-annual-log'],
    completesAlone: true
  },
  {
    id: 'press-release',
    label: 'Press release to prominent media',
    when: 'To prominent media outlets serving a state with more than 500 affected residents (164.406).',
    kinds: ['media'],
    completesAlone: true
  },
  {
    id: 'letter-to-regulator',
    label: 'Letter or form to the state regulator',
    when: "A state attorney general's or regulator's form, letter or portal, as the state law asks.",
    kinds: ['state-regulator'],
    completesAlone: true
  },
  {
    id: 'other',
    label: 'Other (say how in the evidence)',
    when: 'Anything the list does not name; describe it in the evidence.',
    kinds: ['individuals', 'hhs', 'hhs-annual-log', 'media', 'covered-entity', 'state-individuals', 'state-regulator'],
    completesAlone: true
  }
] as const satisfies readonly NoticeMethodEntry[]

export type NoticeMethod = (typeof NOTICE_METHODS)[number]['id']

export const NOTICE_METHOD_IDS = NOTICE_METHODS.map(method => method.id) as [NoticeMethod, ...NoticeMethod[]]

export const noticeMethodSchema = z.enum(NOTICE_METHOD_IDS, {
  error: issue => `"${String(issue.input)}" is not a notice method; use one of ${NOTICE_METHOD_IDS.join(', ')}`
})

/** The registry as the API gives it to the window, which cannot import it. */
export interface NoticeMethodsView {
  methods: (Omit<NoticeMethodEntry, 'id'> & { id: NoticeMethod })[]
  substituteNoticeDays: number
  substituteWideMinMissing: number
}

export const noticeMethodEntry = (id: NoticeMethod): NoticeMethodEntry => NOTICE_METHODS.find(method => method.id === id)!

/** 164.404(d)(2)(ii): the website posting (and the toll-free number) stay up at least 90 days. */
export const SUBSTITUTE_NOTICE_DAYS = 90
/** 164.404(d)(2): from this many people without usable contact details, substitute notice is by website or media. */
export const SUBSTITUTE_WIDE_MIN_MISSING = 10
