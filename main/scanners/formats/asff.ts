// AWS Security Finding Format: Security Hub's get-findings output, and Prowler's
// json-asff (a bare array of the same records).

import type { FindingStatus, NormalizedFinding } from '../finding.types'
import { configRuleCitations, prowlerCitations, securityhubControlCitations } from '../mapping/tables'
import { asArray, asObject, child, field, findingKey, isoTime, requireText, severityOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export function isAsff(o: JsonObject): boolean {
  return field(o, 'SchemaVersion') !== undefined && (field(o, 'GeneratorId') !== undefined || field(o, 'ProductArn') !== undefined)
}

export function isProwlerAsff(o: JsonObject): boolean {
  const generator = text(field(o, 'GeneratorId')) ?? ''
  const product = text(field(o, 'ProductArn')) ?? ''
  return generator.startsWith('prowler-') || product.includes('/prowler/')
}

const COMPLIANCE_STATUS: Record<string, FindingStatus> = {
  PASSED: 'passed',
  FAILED: 'failed',
  WARNING: 'info',
  NOT_AVAILABLE: 'info'
}

export function readAsff(o: JsonObject, sink: RecordSink, format: 'prowler-asff' | 'securityhub-asff'): void {
  const id = requireText(field(o, 'Id'), 'Id', format)
  if (text(field(o, 'RecordState')) === 'ARCHIVED') {
    sink.skip('archived in Security Hub (RecordState ARCHIVED)')
    return
  }
  const compliance = child(o, 'Compliance')
  const productFields = child(o, 'ProductFields')
  const fromProwler = isProwlerAsff(o)
  const generator = requireText(field(o, 'GeneratorId'), 'GeneratorId', format)
  const control = text(field(compliance, 'SecurityControlId')) ?? text(field(productFields, 'ControlId')) ?? text(field(productFields, 'RuleId'))
  const types = asArray(field(o, 'Types'))
  const checkId = fromProwler ? generator.replace(/^prowler-/, '') : (control ?? text(types[0]) ?? generator)
  // Detections (GuardDuty, Inspector) have no control: their own stable Id tells them apart.
  const keyCheck = fromProwler || control ? checkId : id

  const complianceStatus = text(field(compliance, 'Status'))
  let status: FindingStatus
  let muted = false
  if (complianceStatus) {
    status = COMPLIANCE_STATUS[complianceStatus.toUpperCase()] ?? 'info'
    // Prowler writes its muted findings as WARNING.
    if (fromProwler && complianceStatus.toUpperCase() === 'WARNING') {
      status = 'failed'
      muted = true
    }
  } else {
    // GuardDuty, Inspector and other detections have no compliance verdict: the finding is the problem.
    status = 'failed'
  }
  const workflow = text(field(child(o, 'Workflow'), 'Status')) ?? text(field(o, 'WorkflowState'))
  if (workflow === 'SUPPRESSED' || workflow === 'RESOLVED') muted = true

  // Prowler's RelatedRequirements strings are cut at 63 characters: never trusted, re-derived from the check.
  let citations: string[] = []
  if (fromProwler) citations = [...prowlerCitations(checkId, 'aws')]
  else if (control) citations = [...securityhubControlCitations(control)]
  if (!citations.length && !fromProwler) {
    const configRule = text(field(productFields, 'RelatedAWSResources:0/name'))
    if (configRule) citations = [...configRuleCitations(configRule)]
  }
  const citationSource: NormalizedFinding['citationSource'] = citations.length ? 'table' : 'none'

  const severity = severityOf(field(child(o, 'Severity'), 'Label') ?? field(child(o, 'Severity'), 'Original'))
  const recommendation = child(child(o, 'Remediation'), 'Recommendation')
  const account = text(field(o, 'AwsAccountId'))
  const resources = asArray(field(o, 'Resources'))
    .map(asObject)
    .filter((r): r is JsonObject => r !== null)
  if (resources.length === 0) resources.push({})
  const scanner = fromProwler ? 'prowler' : 'securityhub'
  const observedAt =
    isoTime(field(o, 'LastObservedAt')) ?? isoTime(field(o, 'UpdatedAt')) ?? isoTime(field(o, 'FirstObservedAt')) ?? isoTime(field(o, 'CreatedAt'))

  // One finding per affected resource: each is its own piece of evidence.
  for (const resource of resources) {
    const region = text(field(resource, 'Region')) ?? text(field(o, 'Region'))
    const resourceId = text(field(resource, 'Id')) ?? id
    sink.add({
      format,
      scanner,
      scannerVersion: text(field(productFields, 'ProviderVersion')),
      checkId,
      title: text(field(o, 'Title')) ?? checkId,
      status,
      muted,
      severity,
      statusDetail: text(field(o, 'Description')),
      resourceId,
      resourceName: text(field(productFields, 'ProwlerResourceName')) ?? null,
      resourceType: text(field(resource, 'Type')),
      account,
      region,
      remediationText: text(field(recommendation, 'Text')),
      remediationUrl: text(field(recommendation, 'Url')),
      observedAt,
      itemCount: 1,
      findingKey: findingKey(scanner, account, region, keyCheck, resourceId),
      citations,
      citationSource
    })
  }
}
