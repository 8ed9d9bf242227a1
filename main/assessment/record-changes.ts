// Validated, audited writes besides answers: decisions, risk ratings,
// sign-offs, the organisation profile and the cloud service inventory.
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import type { AssessmentCatalog } from './catalog'
import type { QuestionGroup } from './catalog.types'
import type { DecisionKind, DecisionView, Eligibility } from './contract'
import { recordChange } from './db/audit'
import { getService, listServices, upsertService, type ServiceRecord } from './db/cloud-services'
import { deleteDecision, getDecision, upsertDecision } from './db/decisions'
import { getProfileValues, setProfileValue } from './db/profile'
import { getRisk, upsertRisk, type RiskRecord } from './db/risks'
import { deleteSignOff, listSignOffs, upsertSignOff } from './db/signoffs'
import { customServiceId } from './inventory'

function auditFields<T extends object>(
  db: Db,
  where: { periodId: string; at: string; subject: string },
  before: T | undefined,
  after: T | undefined,
  fields: (keyof T & string)[]
): void {
  for (const field of fields) {
    recordChange(db, { ...where, field, oldValue: before?.[field] ?? null, newValue: after?.[field] ?? null })
  }
}

export interface DecisionChange {
  citation: string
  decision: DecisionKind | null
  explanation?: string
  decidedBy?: string
  decidedOn?: string
}

export function applyDecisionChange(
  catalog: AssessmentCatalog,
  db: Db,
  periodId: string,
  change: DecisionChange,
  today: string,
  now: string
): DecisionView | null {
  const entry = catalog.entry(change.citation)
  if (!entry) throw new ApiError('not-found', `There is no standard or specification "${change.citation}".`)
  if (entry.requirement !== 'addressable') {
    throw new ApiError('invalid-input', `${entry.citation} ${entry.title} is Required: it must be implemented, so there is no decision to record.`)
  }
  const before = getDecision(db, periodId, entry.citation)
  const where = { periodId, at: now, subject: `decision:${entry.citation}` }
  const fields = ['decision', 'explanation', 'decidedBy', 'decidedOn'] as const
  if (change.decision === null) {
    if (before) {
      deleteDecision(db, periodId, entry.citation)
      auditFields(db, where, before, undefined, [...fields])
    }
    return null
  }
  const explanation = (change.explanation ?? '').trim()
  if (change.decision === 'equivalent-alternative' && !explanation)
    throw new ApiError('invalid-input', `Describe the equivalent alternative you use instead of ${entry.title}.`)
  if (change.decision === 'not-reasonable' && !explanation)
    throw new ApiError('invalid-input', `Give the reason ${entry.title} is not reasonable and appropriate for your organisation.`)
  const after = {
    citation: entry.citation,
    decision: change.decision,
    explanation,
    decidedBy: (change.decidedBy ?? '').trim(),
    decidedOn: change.decidedOn ?? today
  }
  upsertDecision(db, periodId, after, now)
  auditFields(db, where, before, after, [...fields])
  return getDecision(db, periodId, entry.citation)!
}

export function applyRiskRating(db: Db, periodId: string, rating: Omit<RiskRecord, 'updatedAt'>, now: string): void {
  const before = getRisk(db, periodId, rating.questionId)
  upsertRisk(db, periodId, rating, now)
  auditFields(db, { periodId, at: now, subject: `risk:${rating.questionId}` }, before, rating, [
    'likelihood',
    'impact',
    'owner',
    'remediation',
    'dueOn',
    'status'
  ])
}

export function applySignOff(
  db: Db,
  periodId: string,
  group: QuestionGroup,
  signOff: { reviewer: string; signedOn: string } | null,
  now: string
): void {
  const before = listSignOffs(db, periodId).find(s => s.group === group)
  if (signOff) upsertSignOff(db, periodId, { group, ...signOff }, now)
  else deleteSignOff(db, periodId, group)
  auditFields(db, { periodId, at: now, subject: `signoff:${group}` }, before, signOff ?? undefined, ['reviewer', 'signedOn'])
}

export function applyProfileValue(catalog: AssessmentCatalog, db: Db, periodId: string, key: string, value: boolean | null, now: string): void {
  if (!catalog.data.profile.some(p => p.key === key)) {
    const keys = catalog.data.profile.map(p => p.key).join(', ')
    throw new ApiError('invalid-input', `There is no profile question "${key}". Known: ${keys}.`)
  }
  const before = getProfileValues(db, periodId)[key]
  setProfileValue(db, periodId, key, value, now)
  recordChange(db, { periodId, at: now, subject: `profile:${key}`, field: 'value', oldValue: before ?? null, newValue: value })
}

export interface ServiceChange {
  serviceId: string
  inUse?: boolean
  holdsPhi?: boolean
  notes?: string
}

export function applyServiceChange(catalog: AssessmentCatalog, db: Db, periodId: string, change: ServiceChange, now: string): void {
  const before = getService(db, periodId, change.serviceId)
  if (!catalog.service(change.serviceId) && !before) {
    throw new ApiError('not-found', `There is no service "${change.serviceId}" in the catalog or the inventory. Add it as a custom service first.`)
  }
  // A service no longer in use holds no health data; one that holds health data is in use.
  const holdsPhi = change.inUse === false ? false : (change.holdsPhi ?? before?.holdsPhi ?? false)
  const after: ServiceRecord = {
    serviceId: change.serviceId,
    customName: before?.customName ?? null,
    customEligibility: before?.customEligibility ?? null,
    inUse: holdsPhi || (change.inUse ?? before?.inUse ?? false),
    holdsPhi,
    notes: change.notes ?? before?.notes ?? ''
  }
  upsertService(db, periodId, after, now)
  auditFields(db, { periodId, at: now, subject: `service:${change.serviceId}` }, before, after, ['inUse', 'holdsPhi', 'notes'])
}

export function addCustomService(
  catalog: AssessmentCatalog,
  db: Db,
  periodId: string,
  values: { name: string; eligibility: Eligibility; holdsPhi: boolean; notes: string },
  now: string
): string {
  const serviceId = customServiceId(values.name)
  const clash = catalog.data.services.services.find(s => s.name.toLowerCase() === values.name.trim().toLowerCase())
  if (clash) throw new ApiError('already-exists', `"${clash.name}" is already in the catalog; mark it there instead.`)
  if (listServices(db, periodId).some(s => s.serviceId === serviceId))
    throw new ApiError('already-exists', `"${values.name}" is already in the inventory.`)
  const record: ServiceRecord = {
    serviceId,
    customName: values.name.trim(),
    customEligibility: values.eligibility,
    inUse: true,
    holdsPhi: values.holdsPhi,
    notes: values.notes
  }
  upsertService(db, periodId, record, now)
  auditFields(db, { periodId, at: now, subject: `service:${serviceId}` }, undefined, record, [
    'customName',
    'customEligibility',
    'inUse',
    'holdsPhi',
    'notes'
  ])
  return serviceId
}
