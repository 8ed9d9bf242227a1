import { z } from 'zod'
import { certaintySchema } from '../shared/certainty'
import { CalendarDate } from '../shared/schemas'

/**
 * The schema of templates/proposed-rule/nprm-2025.json: the 2025 proposed Security Rule (90 FR 898) as data.
 * The current status of each specification (required or addressable) is not in the file: it comes from the
 * assessment catalog, so the two cannot disagree.
 */

const text = z.string().trim().min(1)
const citation = z.string().regex(/^164\.3\d\d(\([0-9A-Za-z]+\))+$/, 'must be a Security Rule citation such as 164.312(d)')
/** The pages of 90 FR 898 (the notice runs to page 1022). */
const FR_PAGES = { first: 898, last: 1022 }

/**
 * Where the proposed regulatory text would put a change, and where we read that; or, explicitly, that we did not find it.
 * A number is 'confirmed' only when read in the proposed regulatory text itself, so that needs its Federal Register page.
 */
const proposedSectionSchema = z.discriminatedUnion('found', [
  z.strictObject({
    found: z.literal(true),
    /** As the proposed text numbers it: 164.308(a)(1). */
    section: z.string().regex(/^164\.3\d\d(\([0-9A-Za-z]+\))*$/, 'must be a Security Rule section such as 164.308(a)(1)'),
    /** A key of `sources`: where the number was read. */
    readIn: text,
    /** The Federal Register page it was read on; null when read in a reproduction that gives no page. */
    frPage: z.number().int().min(FR_PAGES.first).max(FR_PAGES.last).nullable(),
    certainty: certaintySchema
  }),
  z.strictObject({ found: z.literal(false) })
])

const changeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** What the proposal would ask, in plain words. */
  text,
  certainty: certaintySchema,
  /** Keys of `sources`. */
  sources: z.array(text).min(1),
  /** Why the change is listed under this specification when the proposal makes it a requirement of its own. */
  placement: text.optional(),
  proposedSection: proposedSectionSchema
})

const evidenceSchema = z.strictObject({
  /** A year-month or a day: the evidence is dated only as precisely as its source. */
  on: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
  event: text,
  source: text,
  certainty: certaintySchema
})

export const nprmFileSchema = z
  .strictObject({
    title: text,
    citation: z.literal('90 FR 898'),
    pages: text,
    publishedOn: CalendarDate,
    frDocument: text,
    rin: z.string().regex(/^\d{4}-[A-Z]{2}\d{2}$/),
    commentsClosedOn: CalendarDate,
    identity: z.strictObject({ certainty: certaintySchema, source: text }),
    status: z.strictObject({
      /** The day the status was last checked against every source we hold. */
      statusAsOf: CalendarDate,
      // Only a proposal is modelled: a final rule would move its duties into force, which needs code, not only data.
      stage: z.literal('proposed'),
      summary: text,
      certainty: certaintySchema,
      checkWithCounsel: z.literal(true),
      evidence: z.array(evidenceSchema).min(1)
    }),
    timingIfFinalised: z.strictObject({ text, certainty: certaintySchema, sources: z.array(text).min(1) }),
    /** What the per-change section numbers rest on, said once for the whole view. */
    proposedSections: z.strictObject({ checkedOn: CalendarDate, note: text }),
    sources: z.record(z.string(), text),
    addressableBecomesRequired: changeSchema.omit({ id: true, placement: true }),
    specifications: z.array(
      z.strictObject({
        citation,
        changes: z.array(changeSchema).min(1)
      })
    )
  })
  .superRefine((file, ctx) => {
    const cited = (sources: string[], path: (string | number)[]) =>
      sources.forEach((key, index) => {
        if (!(key in file.sources)) ctx.addIssue({ code: 'custom', path: [...path, index], message: `source "${key}" is not listed in sources` })
      })
    cited(file.timingIfFinalised.sources, ['timingIfFinalised', 'sources'])
    cited(file.addressableBecomesRequired.sources, ['addressableBecomesRequired', 'sources'])
    const sectionRead = (section: ProposedSection, path: (string | number)[]) => {
      if (!section.found) return
      if (!(section.readIn in file.sources))
        ctx.addIssue({ code: 'custom', path: [...path, 'readIn'], message: `source "${section.readIn}" is not listed in sources` })
      if (section.certainty === 'confirmed' && section.frPage === null)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'frPage'],
          message: 'a confirmed section number must give the Federal Register page of the proposed text it was read on'
        })
    }
    sectionRead(file.addressableBecomesRequired.proposedSection, ['addressableBecomesRequired', 'proposedSection'])
    const citations = new Set<string>()
    const ids = new Set<string>()
    file.specifications.forEach((specification, index) => {
      if (citations.has(specification.citation))
        ctx.addIssue({ code: 'custom', path: ['specifications', index, 'citation'], message: `${specification.citation} is listed twice` })
      citations.add(specification.citation)
      specification.changes.forEach((change, changeIndex) => {
        if (ids.has(change.id))
          ctx.addIssue({ code: 'custom', path: ['specifications', index, 'changes', changeIndex, 'id'], message: `duplicate id ${change.id}` })
        ids.add(change.id)
        cited(change.sources, ['specifications', index, 'changes', changeIndex, 'sources'])
        sectionRead(change.proposedSection, ['specifications', index, 'changes', changeIndex, 'proposedSection'])
      })
    })
    // 'YYYY-MM' and 'YYYY-MM-DD' compare as text in date order.
    if (file.status.evidence.some(evidence => evidence.on > file.status.statusAsOf))
      ctx.addIssue({ code: 'custom', path: ['status', 'evidence'], message: 'no evidence may be dated after statusAsOf' })
  })

export type NprmFile = z.infer<typeof nprmFileSchema>
export type ProposedChange = z.infer<typeof changeSchema>
export type ProposedSection = z.infer<typeof proposedSectionSchema>

/** The file, validated; the error names the file and every place that is wrong. */
export function parseNprmFile(data: unknown, file = 'templates/proposed-rule/nprm-2025.json'): NprmFile {
  const result = nprmFileSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${file} is invalid:\n${problems.join('\n')}`)
  }
  return result.data
}
