// AWS Config CLI outputs. They carry no severity, account or region: those depend on
// where the command ran. Keys are read in the documented PascalCase or in camelCase.

import type { FindingStatus, FormatId } from '../finding.types'
import { configRuleCitations } from '../mapping/tables'
import { field, findingKey, isoTime, MissingFieldError, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export const CONFIG_COLLECTIONS: Record<string, FormatId> = {
  compliancebyconfigrules: 'awsconfig-rule-compliance',
  evaluationresults: 'awsconfig-evaluation-results',
  conformancepackruleevaluationresults: 'awsconfig-conformance-pack'
}

function pick(o: JsonObject | null, name: string): unknown {
  const v = field(o, name)
  return v !== undefined ? v : field(o, name.charAt(0).toLowerCase() + name.slice(1))
}

function pickObject(o: JsonObject | null, name: string): JsonObject | null {
  const v = pick(o, name)
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null
}

function statusOf(complianceType: string, sink: RecordSink): FindingStatus | null {
  switch (complianceType) {
    case 'COMPLIANT':
      return 'passed'
    case 'NON_COMPLIANT':
      return 'failed'
    case 'NOT_APPLICABLE':
      sink.skip('rule not applicable to the resource (NOT_APPLICABLE)')
      return null
    case 'INSUFFICIENT_DATA':
      sink.skip('AWS Config had too little data to evaluate (INSUFFICIENT_DATA)')
      return null
    default:
      sink.skip(`unknown compliance type ${complianceType}`)
      return null
  }
}

/** `describe-compliance-by-config-rule`: one verdict per rule, with a count of non-compliant resources. */
export function readConfigRuleCompliance(o: JsonObject, sink: RecordSink): void {
  const format = 'awsconfig-rule-compliance'
  const rule = text(pick(o, 'ConfigRuleName'))
  if (!rule) throw new MissingFieldError('ConfigRuleName', format)
  const compliance = pickObject(o, 'Compliance')
  const type = text(pick(compliance, 'ComplianceType'))
  if (!type) throw new MissingFieldError('Compliance.ComplianceType', format)
  const status = statusOf(type, sink)
  if (!status) return
  const capped = pick(pickObject(compliance, 'ComplianceContributorCount'), 'CappedCount')
  const citations = [...configRuleCitations(rule)]
  sink.add({
    format,
    scanner: 'awsconfig',
    scannerVersion: null,
    checkId: rule,
    title: rule,
    status,
    muted: false,
    severity: 'unknown',
    statusDetail: typeof capped === 'number' && status === 'failed' ? `${capped} non-compliant resources` : null,
    resourceId: null,
    resourceName: null,
    resourceType: null,
    account: null,
    region: null,
    remediationText: null,
    remediationUrl: null,
    observedAt: null,
    itemCount: typeof capped === 'number' && capped > 0 && status === 'failed' ? capped : 1,
    findingKey: findingKey('awsconfig', null, null, rule, null),
    citations,
    citationSource: citations.length ? 'table' : 'none'
  })
}

/** One evaluation of one resource: `get-compliance-details-by-config-rule` and conformance-pack details. */
export function readConfigEvaluation(
  o: JsonObject,
  sink: RecordSink,
  format: 'awsconfig-evaluation-results' | 'awsconfig-conformance-pack',
  pack: string | null
): void {
  const identifier = pickObject(o, 'EvaluationResultIdentifier')
  const qualifier = pickObject(identifier, 'EvaluationResultQualifier')
  const rule = text(pick(qualifier, 'ConfigRuleName'))
  if (!rule) throw new MissingFieldError('EvaluationResultIdentifier.EvaluationResultQualifier.ConfigRuleName', format)
  const type = text(pick(o, 'ComplianceType'))
  if (!type) throw new MissingFieldError('ComplianceType', format)
  const status = statusOf(type, sink)
  if (!status) return
  const resourceId = text(pick(qualifier, 'ResourceId'))
  const citations = [...configRuleCitations(rule)]
  sink.add({
    format,
    scanner: 'awsconfig',
    scannerVersion: null,
    checkId: rule,
    title: pack ? `${rule} (${pack})` : rule,
    status,
    muted: false,
    severity: 'unknown',
    statusDetail: text(pick(o, 'Annotation')),
    resourceId,
    resourceName: null,
    resourceType: text(pick(qualifier, 'ResourceType')),
    account: null,
    region: null,
    remediationText: null,
    remediationUrl: null,
    observedAt: isoTime(pick(o, 'ResultRecordedTime')) ?? isoTime(pick(identifier, 'OrderingTimestamp')) ?? isoTime(pick(o, 'ConfigRuleInvokedTime')),
    itemCount: 1,
    findingKey: findingKey('awsconfig', null, null, rule, resourceId),
    citations,
    citationSource: citations.length ? 'table' : 'none'
  })
}
