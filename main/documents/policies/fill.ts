import type { AddressableDecision, PolicyTemplate } from './template-schema'

/**
 * What the workspace supplies to fill a policy template. Values the assessment did not record
 * fall back to POLICY_VALUE_DEFAULTS, and the preview lists which defaults were used.
 */
export type PolicyValues = {
  sessionTimeoutMinutes: number
  backupRetentionYears: number
  documentRetentionYears: number
  encryptionAtRest: string
  encryptionInTransit: string
  passwordMinLength: number
  accessReviewFrequency: string
  auditLogRetentionDays: number
  incidentReportingHours: number
  businessAssociateReportingDays: number
  recoveryTimeObjectiveHours: number
  recoveryPointObjectiveHours: number
}

export const POLICY_VALUE_DEFAULTS: PolicyValues = {
  sessionTimeoutMinutes: 15,
  backupRetentionYears: 7,
  documentRetentionYears: 6,
  encryptionAtRest: 'AES-256, with keys held in the cloud provider’s key management service',
  encryptionInTransit: 'TLS 1.2 or later',
  passwordMinLength: 14,
  accessReviewFrequency: 'quarterly',
  auditLogRetentionDays: 365,
  incidentReportingHours: 24,
  businessAssociateReportingDays: 10,
  recoveryTimeObjectiveHours: 24,
  recoveryPointObjectiveHours: 24
}

export type PolicyFillData = {
  organization: { name: string; role: 'covered-entity' | 'business-associate' }
  securityOfficial: { name: string; title: string }
  privacyOfficial?: { name: string; title: string }
  values: Partial<PolicyValues>
  cloud: { provider: string; servicesInUse: string[]; phiServices: string[] }
  /** Decisions the assessment recorded for Addressable specifications, by citation. */
  decisions: Record<string, { decision: AddressableDecision; rationale: string }>
  control: {
    version: string
    owner: string
    approver: string
    /** 'YYYY-MM-DD' */
    effectiveDate: string
  }
}

/** Every placeholder a template may use. A template using anything else is rejected by the tests. */
export const KNOWN_PLACEHOLDERS = [
  'organization.name',
  'organization.role',
  'securityOfficial.name',
  'securityOfficial.title',
  'privacyOfficial.name',
  'privacyOfficial.title',
  'cloud.provider',
  'cloud.servicesInUse',
  'cloud.phiServices',
  ...Object.keys(POLICY_VALUE_DEFAULTS).map(key => `values.${key}`)
] as const

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g

export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map(m => m[1] as string)
}

function joinList(items: string[]): string {
  if (items.length === 0) return 'none recorded'
  if (items.length === 1) return items[0] as string
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function placeholderValues(data: PolicyFillData): Map<string, string> {
  const values = { ...POLICY_VALUE_DEFAULTS, ...data.values }
  const privacy = data.privacyOfficial ?? data.securityOfficial
  const map = new Map<string, string>([
    ['organization.name', data.organization.name],
    ['organization.role', data.organization.role === 'covered-entity' ? 'covered entity' : 'business associate'],
    ['securityOfficial.name', data.securityOfficial.name],
    ['securityOfficial.title', data.securityOfficial.title],
    ['privacyOfficial.name', privacy.name],
    ['privacyOfficial.title', privacy.title],
    ['cloud.provider', data.cloud.provider],
    ['cloud.servicesInUse', joinList(data.cloud.servicesInUse)],
    ['cloud.phiServices', joinList(data.cloud.phiServices)]
  ])
  for (const [key, value] of Object.entries(values)) map.set(`values.${key}`, String(value))
  return map
}

/** Which values fell back to defaults: the preview shows them so nobody signs a default unknowingly. */
export function defaultedValues(data: PolicyFillData): string[] {
  return Object.keys(POLICY_VALUE_DEFAULTS).filter(key => data.values[key as keyof PolicyValues] === undefined)
}

export class UnknownPlaceholderError extends Error {
  constructor(
    readonly placeholder: string,
    readonly where: string
  ) {
    super(`Unknown placeholder {{${placeholder}}} in ${where}`)
  }
}

export function fillText(text: string, values: Map<string, string>, where: string): string {
  return text.replace(PLACEHOLDER, (_match, key: string) => {
    const value = values.get(key)
    if (value === undefined) throw new UnknownPlaceholderError(key, where)
    return value
  })
}

export type FilledDecision = {
  citation: string
  decision: AddressableDecision
  rationale: string
  /** 'assessment' when the workspace recorded it, 'template' when it is the template's default. */
  source: 'assessment' | 'template'
}

export type FilledPolicy = Omit<PolicyTemplate, 'addressableDecisions'> & {
  addressableDecisions: FilledDecision[]
  control: PolicyFillData['control'] & { nextReview: string }
  organizationName: string
}

/** Adds whole months to a calendar date, clamping to the month's last day (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`)
  const total = Number(match[1]) * 12 + (Number(match[2]) - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const day = Math.min(Number(match[3]), lastDay)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Fills every text field of a template; throws UnknownPlaceholderError naming the field. */
export function fillPolicy(template: PolicyTemplate, data: PolicyFillData): FilledPolicy {
  const values = placeholderValues(data)
  const where = (field: string) => `${template.id}: ${field}`
  const fill = (text: string, field: string) => fillText(text, values, where(field))
  const fillAll = (texts: string[], field: string) => texts.map((t, i) => fill(t, `${field}[${i}]`))
  return {
    ...template,
    title: fill(template.title, 'title'),
    summary: fill(template.summary, 'summary'),
    purpose: fillAll(template.purpose, 'purpose'),
    scope: fillAll(template.scope, 'scope'),
    statements: fillAll(template.statements, 'statements'),
    procedures: template.procedures.map((p, i) => ({
      title: fill(p.title, `procedures[${i}].title`),
      steps: fillAll(p.steps, `procedures[${i}].steps`)
    })),
    roles: template.roles.map((r, i) => ({
      role: fill(r.role, `roles[${i}].role`),
      duties: fill(r.duties, `roles[${i}].duties`)
    })),
    addressableDecisions: template.addressableDecisions.map((d, i) => {
      const recorded = data.decisions[d.citation]
      return recorded
        ? { citation: d.citation, ...recorded, source: 'assessment' as const }
        : {
            citation: d.citation,
            decision: d.decision,
            rationale: fill(d.rationale, `addressableDecisions[${i}].rationale`),
            source: 'template' as const
          }
    }),
    enforcement: fillAll(template.enforcement, 'enforcement'),
    control: {
      ...data.control,
      nextReview: addMonths(data.control.effectiveDate, template.reviewCycleMonths)
    },
    organizationName: data.organization.name
  }
}
