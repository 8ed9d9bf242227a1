// The threat catalog and the scale of templates/risks/, validated on load.
import { z } from 'zod'
import threatsJson from '../../templates/risks/threats.json'
import scaleJson from '../../templates/risks/scale.json'
import { RISK_LEVELS, type RiskLevel } from '../assessment/contract'
import { MAP_ASSET_KINDS } from '../map/contract'
import { certaintySchema } from '../shared/certainty'
import { SCALE_STEPS, THREAT_CATEGORIES, type RiskCatalogView, type RiskScale, type ScaleStep, type Threat } from './contract'

const text = z.string().trim().min(1)
const citation = z.string().regex(/^164\.3\d\d(\([a-zA-Z0-9]+\))*$/, 'must be a Security Rule citation such as 164.312(a)(1)')

export const threatsFileSchema = z
  .strictObject({
    title: text,
    note: text,
    sources: z.record(z.string().regex(/^[a-z0-9-]+$/), z.strictObject({ title: text, url: z.url() })),
    threats: z
      .array(
        z.strictObject({
          id: z.string().regex(/^[a-z0-9-]+$/),
          name: text,
          description: text,
          category: z.enum(THREAT_CATEGORIES),
          sources: z.array(z.strictObject({ source: text, ref: text })).min(1, 'every threat needs a source'),
          sraSection: z.enum([
            'security-policies',
            'security-and-workforce',
            'security-and-data',
            'security-and-the-practice',
            'security-and-vendors',
            'contingency-planning'
          ]),
          appliesTo: z.array(z.enum(MAP_ASSET_KINDS)).min(1),
          counteredBy: z.array(citation).min(1)
        })
      )
      .min(1)
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    file.threats.forEach((threat, index) => {
      if (ids.has(threat.id)) ctx.addIssue({ code: 'custom', path: ['threats', index, 'id'], message: `duplicate id ${threat.id}` })
      ids.add(threat.id)
      threat.sources.forEach((ref, refIndex) => {
        if (!Object.hasOwn(file.sources, ref.source))
          ctx.addIssue({ code: 'custom', path: ['threats', index, 'sources', refIndex, 'source'], message: `unknown source ${ref.source}` })
      })
      const kinds = new Set(threat.appliesTo)
      if (kinds.size !== threat.appliesTo.length)
        ctx.addIssue({ code: 'custom', path: ['threats', index, 'appliesTo'], message: 'a kind is listed twice' })
    })
  })

const step = z.enum(SCALE_STEPS)
const level = z.enum(RISK_LEVELS)
const stepList = z
  .array(z.strictObject({ id: step, label: text, description: text }))
  .refine(list => list.map(s => s.id).join() === SCALE_STEPS.join(), `must list ${SCALE_STEPS.join(', ')} in that order`)

export const scaleFileSchema = z.strictObject({
  id: text,
  title: text,
  source: text,
  certainty: certaintySchema,
  likelihood: stepList,
  impact: stepList,
  levels: z
    .array(z.strictObject({ id: level, label: text }))
    .refine(list => list.map(l => l.id).join() === RISK_LEVELS.join(), `must list ${RISK_LEVELS.join(', ')} in that order`),
  matrix: z.strictObject({
    low: z.strictObject({ low: level, medium: level, high: level }),
    medium: z.strictObject({ low: level, medium: level, high: level }),
    high: z.strictObject({ low: level, medium: level, high: level })
  }),
  earlierRegister: z.strictObject({
    note: text,
    fivePointToLevel: z.strictObject({ '1': step, '2': step, '3': step, '4': step, '5': step })
  })
})

function parseOrThrow<T>(schema: z.ZodType<T>, data: unknown, file: string): T {
  const result = schema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`${file} is invalid:\n${problems.join('\n')}`)
  }
  return result.data
}

export function parseThreats(data: unknown): z.output<typeof threatsFileSchema> {
  return parseOrThrow(threatsFileSchema, data, 'templates/risks/threats.json')
}

export function parseScale(data: unknown): RiskScale {
  return parseOrThrow(scaleFileSchema, data, 'templates/risks/scale.json')
}

export interface RiskCatalog {
  view: RiskCatalogView
  threat(id: string): Threat | undefined
  level(likelihood: ScaleStep | null, impact: ScaleStep | null): RiskLevel | null
}

let cached: RiskCatalog | undefined

export function getRiskCatalog(): RiskCatalog {
  if (cached) return cached
  const threats = parseThreats(threatsJson)
  const scale = parseScale(scaleJson)
  const byId = new Map<string, Threat>(threats.threats.map(threat => [threat.id, threat]))
  cached = {
    view: { title: threats.title, note: threats.note, sources: threats.sources, threats: threats.threats, scale },
    threat: id => byId.get(id),
    level: (likelihood, impact) => (likelihood === null || impact === null ? null : scale.matrix[likelihood][impact])
  }
  return cached
}

/** A 1-5 rating of the earlier gap register on the three-step scale (templates/risks/scale.json says how). */
export function stepOfFivePoint(value: number): ScaleStep {
  const step = getRiskCatalog().view.scale.earlierRegister.fivePointToLevel[String(value) as '1']
  if (!step) throw new Error(`A 1-5 rating was expected, not ${value}.`)
  return step
}

/** For the earlier register's view: a step as a 1-5 number whose product bands agree with the matrix. */
export const FIVE_POINT_OF_STEP: Record<ScaleStep, number> = { low: 1, medium: 3, high: 5 }
