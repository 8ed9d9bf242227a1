// Loads the assessment content from templates/assessment/, validates every
// file, assembles one CatalogData and offers typed look-ups over it.
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { findCatalogProblems } from './catalog-integrity'
import { catalogFileSchema, cloudControlsFileSchema, cloudServicesFileSchema, profileFileSchema, ruleQuestionFileSchema } from './catalog.schema'
import { compareCitations } from '../shared/citation'
import {
  FAMILIES,
  type CatalogData,
  type CatalogQuestion,
  type CloudControl,
  type CloudServiceInfo,
  type Family,
  type FamilyInfo,
  type RuleEntry
} from './catalog.types'

export const TEMPLATE_FILES = {
  catalog: 'catalog.json',
  profile: 'profile.json',
  cloudControls: 'cloud-controls.json',
  cloudServices: 'cloud-services.json',
  questions: (family: Family) => `questions/${family}.json`
} as const

/** Content that fails validation; the message names the file and the place in it. */
export class CatalogError extends Error {
  override name = 'CatalogError'
}

export interface AssessmentCatalog {
  data: CatalogData
  family(id: Family): FamilyInfo
  entry(citation: string): RuleEntry | undefined
  /** Specifications of a standard, in rule order. */
  specificationsOf(standardCitation: string): RuleEntry[]
  question(id: string): CatalogQuestion | undefined
  /** Rule questions on this citation, then cloud questions supporting it. */
  questionsFor(citation: string): CatalogQuestion[]
  controlsSupporting(citation: string): CloudControl[]
  service(id: string): CloudServiceInfo | undefined
}

/** Reads and validates every template file in `dir`; throws CatalogError on the first bad file. */
export function loadCatalogData(dir: string): CatalogData {
  const catalog = readJson(dir, TEMPLATE_FILES.catalog, catalogFileSchema)
  const profile = readJson(dir, TEMPLATE_FILES.profile, profileFileSchema)
  const cloud = readJson(dir, TEMPLATE_FILES.cloudControls, cloudControlsFileSchema)
  const services = readJson(dir, TEMPLATE_FILES.cloudServices, cloudServicesFileSchema)

  const ruleQuestions: CatalogQuestion[] = []
  for (const family of FAMILIES) {
    for (const q of readJson(dir, TEMPLATE_FILES.questions(family), ruleQuestionFileSchema)) {
      const { citation, ...question } = q
      ruleQuestions.push({ ...question, group: family, source: { kind: 'rule', citation }, citations: [citation] })
    }
  }
  // Rule order, keeping file order among questions on the same citation.
  const order = new Map(catalog.entries.map((e, i) => [e.citation, i]))
  const position = (q: CatalogQuestion) => order.get(q.citations[0]!) ?? Number.MAX_SAFE_INTEGER
  ruleQuestions.sort((a, b) => position(a) - position(b))

  const cloudQuestions: CatalogQuestion[] = cloud.controls.flatMap(control =>
    control.questions.map(question => ({
      ...question,
      // The whole cloud section only applies to organisations running their own cloud systems.
      appliesWhen: question.appliesWhen ? { all: [cloud.appliesWhen, question.appliesWhen] } : cloud.appliesWhen,
      group: 'cloud' as const,
      source: { kind: 'cloud' as const, controlId: control.id },
      citations: control.supports
    }))
  )

  const data: CatalogData = {
    rule: catalog.rule,
    families: catalog.families,
    entries: catalog.entries,
    profile: profile.questions,
    questions: [...ruleQuestions, ...cloudQuestions],
    cloud,
    services
  }
  const problems = findCatalogProblems(data)
  if (problems.length > 0) {
    throw new CatalogError(`Assessment content in ${dir} is inconsistent:\n- ${problems.join('\n- ')}`)
  }
  return data
}

export function indexCatalog(data: CatalogData): AssessmentCatalog {
  const families = new Map(data.families.map(f => [f.id, f]))
  const entries = new Map(data.entries.map(e => [e.citation, e]))
  const questions = new Map(data.questions.map(q => [q.id, q]))
  const services = new Map(data.services.services.map(s => [s.id, s]))
  return {
    data,
    family: id => families.get(id)!,
    entry: citation => entries.get(citation),
    specificationsOf: citation => data.entries.filter(e => e.standard === citation).sort((a, b) => compareCitations(a.citation, b.citation)),
    question: id => questions.get(id),
    questionsFor: citation => data.questions.filter(q => q.citations.includes(citation)),
    controlsSupporting: citation => data.cloud.controls.filter(c => c.supports.includes(citation)),
    service: id => services.get(id)
  }
}

/**
 * Finds templates/assessment by walking up from the working directory and
 * from this file's folder, so it works from the repo, from tests and from
 * the CLI. Packaged builds pass the folder explicitly.
 */
export function findTemplatesDir(): string {
  const starts = [process.cwd()]
  if (typeof __dirname !== 'undefined') starts.push(__dirname)
  for (const start of starts) {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
      const candidate = path.join(dir, 'templates', 'assessment')
      if (fs.existsSync(path.join(candidate, TEMPLATE_FILES.catalog))) return candidate
      if (path.dirname(dir) === dir) break
    }
  }
  throw new CatalogError(`Could not find templates/assessment/${TEMPLATE_FILES.catalog} above ${starts.join(' or ')}`)
}

const cache = new Map<string, AssessmentCatalog>()

/** The validated catalog, loaded once per folder (the content never changes while running). */
export function getCatalog(dir: string = findTemplatesDir()): AssessmentCatalog {
  const key = path.resolve(dir)
  let catalog = cache.get(key)
  if (!catalog) {
    catalog = indexCatalog(loadCatalogData(key))
    cache.set(key, catalog)
  }
  return catalog
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T>): T {
  const fullPath = path.join(dir, file)
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(fullPath, 'utf8'))
  } catch (error) {
    throw new CatalogError(`${fullPath}: cannot be read as JSON: ${(error as Error).message}`)
  }
  const result = schema.safeParse(raw)
  if (!result.success) throw new CatalogError(`${fullPath} is not valid:\n${z.prettifyError(result.error)}`)
  return result.data
}
