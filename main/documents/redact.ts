import type { EvidencePackData } from './evidence-pack/pack-data'
import { redactDataFlowMapSection } from './workspace-data/data-flow-map'
import { redactRiskReport } from './risk-analysis/redact-risk-report'

/**
 * Redaction for sharing a pack outside the organisation: cloud account ids and resource names are
 * replaced everywhere they appear, including inside free text such as finding titles and file
 * names, by their own value and by pattern (12-digit AWS account ids, ARNs).
 */

export const REDACTED_ACCOUNT = '[account redacted]'
export const REDACTED_RESOURCE = '[resource redacted]'

const ACCOUNT_ID = /(?<!\d)\d{12}(?!\d)/g
const ARN = /\barn:aws[a-z-]*:[^\s,;"')]+/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function makeRedactor(known: { accountIds: string[]; resources: string[] }): (text: string) => string {
  const resources = [...new Set(known.resources.filter(r => r.length >= 4))].sort((a, b) => b.length - a.length)
  const accounts = [...new Set(known.accountIds.filter(a => a.length >= 4))]
  const resourcePattern = resources.length ? new RegExp(resources.map(escapeRegExp).join('|'), 'g') : null
  const accountPattern = accounts.length ? new RegExp(accounts.map(escapeRegExp).join('|'), 'g') : null
  return (text: string) => {
    let out = text.replace(ARN, REDACTED_RESOURCE)
    if (resourcePattern) out = out.replace(resourcePattern, REDACTED_RESOURCE)
    if (accountPattern) out = out.replace(accountPattern, REDACTED_ACCOUNT)
    return out.replace(ACCOUNT_ID, REDACTED_ACCOUNT)
  }
}

/** A copy of the data with account ids and resource names removed. The input is not changed. */
export function redactPackData(data: EvidencePackData): EvidencePackData {
  const findings = data.findings
  const scans = data.scans ?? []
  const redact = makeRedactor({
    accountIds: [
      ...data.cloud.accountIds,
      ...scans.flatMap(s => (s.accountId ? [s.accountId] : [])),
      ...(findings?.worst.map(f => f.accountId) ?? [])
    ],
    resources: findings?.worst.map(f => f.resource) ?? []
  })
  return {
    ...data,
    cloud: { ...data.cloud, accountIds: data.cloud.accountIds.map(() => REDACTED_ACCOUNT) },
    scans:
      data.scans?.map(s => ({
        ...s,
        fileName: redact(s.fileName),
        ...(s.accountId ? { accountId: REDACTED_ACCOUNT } : {})
      })) ?? null,
    findings: findings
      ? {
          ...findings,
          worst: findings.worst.map(f => ({
            ...f,
            title: redact(f.title),
            resource: REDACTED_RESOURCE,
            accountId: REDACTED_ACCOUNT
          }))
        }
      : null,
    cloudServices: data.cloudServices?.map(s => ({ ...s, notes: s.notes ? redact(s.notes) : s.notes })) ?? null,
    technicalControls: data.technicalControls?.map(c => ({ ...c, note: c.note ? redact(c.note) : c.note })) ?? null,
    controls: data.controls?.map(c => ({ ...c, evidence: c.evidence.map(redact) })) ?? null,
    // Free text written by people can name an account or a resource too.
    procurement: {
      ...data.procurement,
      minimumNecessary: data.procurement.minimumNecessary
        ? { summary: redact(data.procurement.minimumNecessary.summary), measures: data.procurement.minimumNecessary.measures.map(redact) }
        : null,
      ...(data.procurement.statements
        ? {
            statements: Object.fromEntries(
              Object.entries(data.procurement.statements).map(([key, statement]) => [
                key,
                statement && { ...statement, answer: redact(statement.answer) }
              ])
            )
          }
        : {})
    },
    businessAssociates: data.businessAssociates?.map(b => ({ ...b, services: redact(b.services) })) ?? null,
    incidents: data.incidents?.map(i => ({ ...i, category: redact(i.category) })) ?? null,
    remediation: data.remediation?.map(r => ({ ...r, title: redact(r.title) })) ?? null,
    dataFlowMap: data.dataFlowMap ? redactDataFlowMapSection(data.dataFlowMap, redact) : null,
    evidenceFiles: data.evidenceFiles?.map(f => ({ ...f, name: redact(f.name) })) ?? null,
    riskAnalysis: data.riskAnalysis ? redactRiskReport(data.riskAnalysis, redact) : data.riskAnalysis
  }
}
