// How each kind of evidence target is found and which specifications it bears on, typed over the registry's kinds
// (evidence-targets.ts): a kind added there without a lookup here does not compile.
import { readCatalog } from '../assessment/reads'
import { getIncident } from '../breach/db/incidents'
import type { Db } from '../db/driver'
import { getMapAsset } from '../map/db/assets'
import { getScenario } from '../risks/db/scenarios'
import { getTask } from '../risks/db/tasks'
import { listVulnerabilities } from '../risks/db/vulnerabilities'
import { readCheckCitations } from '../scanners/db/check-citations'
import { ApiError } from '../shared/errors'
import { EVIDENCE_TARGETS, type EvidenceTargetKind } from './evidence-targets'

interface TargetLookup {
  /** A short name of the record for messages and lists, or null when there is no such record. */
  describe(db: Db, id: string): string | null
  /** The specifications (citations) the record bears on, where the data says so. */
  specifications(db: Db, id: string): string[]
}

const recordNumber = (id: string): number | null => (/^[1-9][0-9]{0,15}$/.test(id) ? Number(id) : null)

/** `scanner:check-id`, split at the first colon (check ids may contain colons, scanner ids do not). */
export function splitCheckRef(id: string): { scanner: string; checkId: string } | null {
  const at = id.indexOf(':')
  if (at <= 0 || at === id.length - 1) return null
  return { scanner: id.slice(0, at), checkId: id.slice(at + 1) }
}

const sorted = (citations: Iterable<string>): string[] => [...new Set(citations)].sort()

const scenarioCitations = (db: Db, scenarioId: number): string[] => sorted(listVulnerabilities(db, scenarioId).flatMap(v => v.citations))

export const TARGET_LOOKUPS: { [K in EvidenceTargetKind]: TargetLookup } = {
  answer: {
    describe: (_db, id) => {
      const question = readCatalog().questions.find(q => q.id === id)
      return question ? `question ${id}` : null
    },
    specifications: (_db, id) => sorted(readCatalog().questions.find(q => q.id === id)?.citations ?? [])
  },
  decision: {
    describe: (_db, id) => (readCatalog().entries.some(e => e.citation === id) ? `the decision on ${id}` : null),
    specifications: (_db, id) => [id]
  },
  'cloud-control': {
    describe: (db, id) => {
      const ref = splitCheckRef(id)
      return ref && readCheckCitations(db, ref.scanner, ref.checkId).known ? `check ${ref.checkId} (${ref.scanner})` : null
    },
    specifications: (db, id) => {
      const ref = splitCheckRef(id)
      return ref ? readCheckCitations(db, ref.scanner, ref.checkId).citations : []
    }
  },
  risk: {
    describe: (db, id) => {
      const n = recordNumber(id)
      const scenario = n === null ? undefined : getScenario(db, n)
      return scenario ? `risk ${n}${scenario.title ? ` (${scenario.title})` : ''}` : null
    },
    specifications: (db, id) => {
      const n = recordNumber(id)
      return n === null ? [] : scenarioCitations(db, n)
    }
  },
  task: {
    describe: (db, id) => {
      const n = recordNumber(id)
      const task = n === null ? undefined : getTask(db, n)
      return task ? `task ${n} (${task.title})` : null
    },
    specifications: (db, id) => {
      const n = recordNumber(id)
      const task = n === null ? undefined : getTask(db, n)
      return task ? scenarioCitations(db, task.scenarioId) : []
    }
  },
  // The map does not say which specifications an asset bears on; its evidence is listed under the asset only.
  asset: {
    describe: (db, id) => {
      const n = recordNumber(id)
      const asset = n === null ? undefined : getMapAsset(db, n)
      return asset ? `asset ${n} (${asset.name})` : null
    },
    specifications: () => []
  },
  incident: {
    describe: (db, id) => {
      const n = recordNumber(id)
      const incident = n === null ? undefined : getIncident(db, n)
      return incident ? `incident ${n} (${incident.title})` : null
    },
    specifications: () => []
  }
}

/** Refuses a target that does not exist, naming what the id should be. */
export function requireTarget(db: Db, kind: EvidenceTargetKind, id: string): string {
  const described = TARGET_LOOKUPS[kind].describe(db, id)
  if (described !== null) return described
  const means = EVIDENCE_TARGETS.find(target => target.kind === kind)?.idMeans ?? 'an id'
  throw new ApiError('not-found', `There is no ${kind} "${id}" to attach evidence to (for a ${kind}, give ${means}).`)
}

/** Specifications per target, looked up once per target within one read (a check's citations scan its findings). */
export function specificationCache(db: Db): (kind: EvidenceTargetKind, id: string) => string[] {
  const cache = new Map<string, string[]>()
  return (kind, id) => {
    const key = `${kind}\u0000${id}`
    let found = cache.get(key)
    if (!found) cache.set(key, (found = TARGET_LOOKUPS[kind].specifications(db, id)))
    return found
  }
}
