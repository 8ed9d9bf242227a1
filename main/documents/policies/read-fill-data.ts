import type { DecisionKind } from '../../assessment/contract'
import type { PolicyFillData, PolicyValues } from './fill'
import type { AddressableDecision } from './template-schema'
import { fieldValues, PROVIDER_NAMES, type WorkspaceFacts } from '../workspace-data/workspace-facts'

const DECISION: Record<DecisionKind, AddressableDecision> = {
  'implemented-as-specified': 'as-specified',
  'equivalent-alternative': 'alternative',
  'not-reasonable': 'not-reasonable'
}

/** The assessment's value fields that the policies quote, by the policies' names. */
function policyValues(values: Map<string, number | string>): Partial<PolicyValues> {
  const out: Partial<PolicyValues> = {}
  const num = (key: string) => {
    const v = values.get(key)
    return typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined
  }
  const assign = <K extends keyof PolicyValues>(key: K, value: PolicyValues[K] | undefined) => {
    if (value !== undefined) out[key] = value
  }
  assign('sessionTimeoutMinutes', num('sessionTimeoutMinutes'))
  assign('backupRetentionYears', num('backupRetentionYears'))
  assign('documentRetentionYears', num('documentationRetentionYears'))
  assign('passwordMinLength', num('passwordMinLength'))
  assign('auditLogRetentionDays', num('auditLogRetentionDays'))
  const atRest = values.get('encryptionAtRest')
  if (typeof atRest === 'string' && atRest) out.encryptionAtRest = atRest
  const tls = values.get('tlsMinimumVersion')
  if (tls !== undefined && tls !== '') out.encryptionInTransit = `TLS ${tls} or later`
  return out
}

/** Fill data for the policy set, from the workspace profile and the assessment of the period. */
export function policyFillData(facts: WorkspaceFacts, options: { version?: string; approver?: string } = {}): PolicyFillData {
  const organization = facts.workspace.organization
  const official = organization.contactName || 'the Security Official'
  const decisions: PolicyFillData['decisions'] = {}
  for (const d of facts.questionnaire.decisions) {
    decisions[d.citation] = { decision: DECISION[d.decision], rationale: d.explanation || 'Recorded in the assessment without further explanation.' }
  }
  const inUse = facts.inventory.items.filter(s => s.inUse)
  return {
    organization: { name: organization.name, role: organization.role },
    securityOfficial: { name: official, title: 'Security Official' },
    values: policyValues(fieldValues(facts.questionnaire)),
    cloud: {
      provider: PROVIDER_NAMES[organization.cloudProvider] ?? 'Cloud provider',
      servicesInUse: inUse.map(s => s.name),
      phiServices: inUse.filter(s => s.holdsPhi).map(s => s.name)
    },
    decisions,
    control: {
      version: options.version ?? '1.0',
      owner: `${official}, Security Official`,
      approver: options.approver ?? 'Senior management',
      effectiveDate: facts.today
    }
  }
}
