import { z } from 'zod'
import noticeContentJson from '../../../templates/breach/notice-content.json'
import { certaintySchema } from '../../shared/certainty'
import { obligationKindSchema } from '../incident-schema'
import { NOTICE_CONTENT_IDS } from './contract'
import { INCIDENT_FACT_IDS } from './incident-facts'

/**
 * templates/breach/notice-content.json, validated on load: what each notice must contain, each
 * element with its citation and the incident facts that fill it. A bad edit fails loudly.
 */

const text = z.string().trim().min(1)
/** A citation into the Breach Notification Rule: '45 CFR 164.404(c)(1)(A)', '45 CFR 164.408(b)–(c)'. */
const citation = z.string().regex(/^45 CFR 164\.4(0[0-9]|1[0-4])(\([0-9A-Za-z]+\))*(–\([0-9A-Za-z]+\))?$/, 'a 45 CFR 164.400–414 citation')

export const contentElementSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z-]*$/),
  citation,
  label: text,
  requirement: text,
  facts: z.array(z.enum(INCIDENT_FACT_IDS)),
  toAdd: text,
  /** The heading of the letter paragraph that carries this element (letters only). */
  letterHeading: text.optional()
})
export type ContentElementTemplate = z.infer<typeof contentElementSchema>

const noticeBase = {
  id: z.enum(NOTICE_CONTENT_IDS),
  title: text,
  citation,
  obligationKinds: z.array(obligationKindSchema).min(1),
  intro: text,
  certainty: certaintySchema,
  source: text,
  /** The portal's fields: when and from what they were read, with "check the portal". */
  asAsked: text.optional()
}

// One object with either its own elements or another notice's (164.406(c): the media notice meets 164.404(c)),
// not a union, so a bad edit is reported at the field that is wrong.
const noticeSchema = z
  .strictObject({ ...noticeBase, elements: z.array(contentElementSchema).min(1).optional(), elementsOf: z.enum(NOTICE_CONTENT_IDS).optional() })
  .superRefine((notice, ctx) => {
    if ((notice.elements === undefined) === (notice.elementsOf === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['elements'], message: 'give either elements or elementsOf (another notice whose elements it takes)' })
    }
  })

export const noticeContentTemplateSchema = z
  .strictObject({ disclaimer: text, stateNotices: text, notices: z.array(noticeSchema).min(1) })
  .superRefine((template, ctx) => {
    const ids = template.notices.map(n => n.id)
    template.notices.forEach((notice, index) => {
      if (ids.indexOf(notice.id) !== index) ctx.addIssue({ code: 'custom', path: ['notices', index, 'id'], message: `"${notice.id}" appears twice` })
      if (notice.elementsOf !== undefined) {
        const other = template.notices.find(n => n.id === notice.elementsOf)
        if (!other?.elements) {
          ctx.addIssue({
            code: 'custom',
            path: ['notices', index, 'elementsOf'],
            message: `"${notice.elementsOf}" is not a notice with its own elements`
          })
        }
      } else {
        const elementIds = (notice.elements ?? []).map(e => e.id)
        notice.elements?.forEach((element, at) => {
          if (elementIds.indexOf(element.id) !== at) {
            ctx.addIssue({ code: 'custom', path: ['notices', index, 'elements', at, 'id'], message: `"${element.id}" appears twice` })
          }
        })
      }
    })
    for (const id of NOTICE_CONTENT_IDS) {
      if (!ids.includes(id)) ctx.addIssue({ code: 'custom', path: ['notices'], message: `the notice "${id}" is missing` })
    }
  })

export type NoticeContentTemplate = z.infer<typeof noticeContentTemplateSchema>

/** A notice with its elements resolved (a notice that takes another's elements cites its own rule first). */
export interface ResolvedNotice {
  id: (typeof NOTICE_CONTENT_IDS)[number]
  title: string
  citation: string
  obligationKinds: z.infer<typeof obligationKindSchema>[]
  intro: string
  certainty: z.infer<typeof certaintySchema>
  source: string
  asAsked: string | null
  elements: ContentElementTemplate[]
}

export function resolveNotices(template: NoticeContentTemplate): ResolvedNotice[] {
  return template.notices.map(notice => {
    const elements =
      notice.elements ??
      template.notices
        .find(n => n.id === notice.elementsOf)!
        .elements!.map(element => ({ ...element, citation: `${notice.citation}, as ${element.citation}` }))
    return {
      id: notice.id,
      title: notice.title,
      citation: notice.citation,
      obligationKinds: notice.obligationKinds,
      intro: notice.intro,
      certainty: notice.certainty,
      source: notice.source,
      asAsked: notice.asAsked ?? null,
      elements
    }
  })
}

let loaded: { disclaimer: string; stateNotices: string; notices: ResolvedNotice[] } | null = null

/** The built-in template, validated once. */
export function loadNoticeContent(): { disclaimer: string; stateNotices: string; notices: ResolvedNotice[] } {
  if (!loaded) {
    const parsed = noticeContentTemplateSchema.safeParse(noticeContentJson)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      throw new Error(`templates/breach/notice-content.json: ${issue.path.join('.')}: ${issue.message}`)
    }
    loaded = { disclaimer: parsed.data.disclaimer, stateNotices: parsed.data.stateNotices, notices: resolveNotices(parsed.data) }
  }
  return loaded
}
