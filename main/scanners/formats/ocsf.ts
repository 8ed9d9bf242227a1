// OCSF findings: Prowler json-ocsf (v3 class 2001, v4/v5 class 2004) and the
// Security Hub OCSF export (one object per line).

import type { FindingStatus, NormalizedFinding } from '../finding.types'
import { citationsFromIds, citationsInText } from '../mapping/citation'
import { prowlerCitations, securityhubControlCitations } from '../mapping/tables'
import { asArray, child, field, findingKey, firstUrl, isoTime, MissingFieldError, severityOf, statusOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export function isOcsf(o: JsonObject): boolean {
  return (
    field(o, 'class_uid') !== undefined ||
    child(o, 'finding_info') !== null ||
    (child(o, 'metadata') !== null && field(o, 'status_code') !== undefined)
  )
}

export function isProwlerOcsf(o: JsonObject): boolean {
  const product = child(child(o, 'metadata'), 'product')
  const name = text(field(product, 'name')) ?? text(field(product, 'vendor_name')) ?? ''
  if (/prowler/i.test(name)) return true
  const uid = text(field(child(o, 'finding_info'), 'uid')) ?? text(field(child(o, 'finding'), 'uid')) ?? ''
  return uid.startsWith('prowler-')
}

export function readProwlerOcsf(o: JsonObject, sink: RecordSink): void {
  const format = 'prowler-ocsf'
  const metadata = child(o, 'metadata')
  const info = child(o, 'finding_info') ?? child(o, 'finding')
  const checkId =
    text(field(metadata, 'event_code')) ?? text(field(child(child(metadata, 'product'), 'feature'), 'uid')) ?? checkFromUid(text(field(info, 'uid')))
  if (!checkId) throw new MissingFieldError('metadata.event_code', format)
  const compliance = child(o, 'compliance')
  const status = statusOf(field(o, 'status_code')) ?? statusOf(field(compliance, 'status')) ?? statusOf(field(o, 'status'))
  if (!status) throw new MissingFieldError('status_code', format)
  const cloud = child(o, 'cloud')
  const account = text(field(child(cloud, 'account'), 'uid')) ?? text(field(cloud, 'account_uid'))
  const resource = asObject0(field(o, 'resources'))
  const region = text(field(cloud, 'region')) ?? text(field(resource, 'region'))
  const provider = text(field(cloud, 'provider')) ?? text(field(child(o, 'unmapped'), 'provider'))
  const resourceId = text(field(resource, 'uid')) ?? text(field(resource, 'name'))
  const remediation = child(o, 'remediation') ?? child(info, 'remediation')
  const unmapped = child(o, 'unmapped')

  // Citations the file carries: v4/v5 unmapped.compliance.HIPAA; v3 compliance.requirements strings.
  let citations = citationsFromIds(asArray(field(child(unmapped, 'compliance'), 'HIPAA')))
  if (citations.length === 0) {
    for (const req of asArray(field(compliance, 'requirements'))) {
      if (typeof req === 'string' && /^HIPAA\b/i.test(req)) citations.push(...citationsInText(req))
    }
  }
  let citationSource: NormalizedFinding['citationSource'] = citations.length ? 'file' : 'none'
  if (!citations.length) {
    citations = [...prowlerCitations(checkId, provider)]
    if (citations.length) citationSource = 'table'
  }

  sink.add({
    format,
    scanner: 'prowler',
    scannerVersion: text(field(child(metadata, 'product'), 'version')),
    checkId,
    title: text(field(info, 'title')) ?? checkId,
    status,
    muted: text(field(o, 'status')) === 'Suppressed',
    severity: severityOf(field(o, 'severity')),
    statusDetail: text(field(o, 'status_detail')) ?? text(field(o, 'message')),
    resourceId,
    resourceName: text(field(resource, 'name')),
    resourceType: text(field(resource, 'type')),
    account,
    region,
    remediationText: text(field(remediation, 'desc')),
    remediationUrl: firstUrl(field(remediation, 'references')) ?? firstUrl(field(remediation, 'kb_articles')) ?? text(field(unmapped, 'related_url')),
    observedAt: observedAt(o, info),
    itemCount: 1,
    findingKey: findingKey('prowler', account, region, checkId, resourceId),
    citations,
    citationSource
  })
}

/** Security Hub's OCSF export: compliance findings carry the control id; detections do not. */
export function readSecurityhubOcsf(o: JsonObject, sink: RecordSink): void {
  const format = 'securityhub-ocsf'
  const info = child(o, 'finding_info')
  const compliance = child(o, 'compliance')
  const control = text(field(compliance, 'control'))
  const checkId = control ?? text(field(child(o, 'metadata'), 'event_code')) ?? text(asArray(field(info, 'types'))[0]) ?? text(field(info, 'title'))
  if (!checkId) throw new MissingFieldError('compliance.control or finding_info.title', format)
  const recordStatus = text(field(o, 'status'))
  if (recordStatus === 'Resolved' || recordStatus === 'Archived') {
    sink.skip('resolved or archived in Security Hub')
    return
  }
  let status: FindingStatus | null = statusOf(field(compliance, 'status'))
  // A detection (GuardDuty, Inspector) without a compliance verdict is itself a problem.
  if (!status) status = compliance ? 'info' : 'failed'
  const cloud = child(o, 'cloud')
  const account = text(field(child(cloud, 'account'), 'uid'))
  const resource = asObject0(field(o, 'resources'))
  const region = text(field(cloud, 'region')) ?? text(field(resource, 'region'))
  const resourceId = text(field(resource, 'uid')) ?? text(field(resource, 'name'))
  const remediation = child(o, 'remediation')
  const citations = control ? [...securityhubControlCitations(control)] : []
  sink.add({
    format,
    scanner: 'securityhub',
    scannerVersion: text(field(child(child(o, 'metadata'), 'product'), 'version')),
    checkId,
    title: text(field(info, 'title')) ?? checkId,
    status,
    muted: recordStatus === 'Suppressed',
    severity: severityOf(field(o, 'severity')),
    statusDetail: text(field(info, 'desc')) ?? text(field(o, 'status_detail')),
    resourceId,
    resourceName: text(field(resource, 'name')),
    resourceType: text(field(resource, 'type')),
    account,
    region,
    remediationText: text(field(remediation, 'desc')),
    remediationUrl: firstUrl(field(remediation, 'references')),
    observedAt: observedAt(o, info),
    itemCount: 1,
    findingKey: findingKey('securityhub', account, region, checkId, resourceId),
    citations,
    citationSource: citations.length ? 'table' : 'none'
  })
}

function asObject0(v: unknown): JsonObject | null {
  const first = Array.isArray(v) ? v[0] : undefined
  return first !== null && typeof first === 'object' && !Array.isArray(first) ? (first as JsonObject) : null
}

// Prowler v4+ writes `time` (epoch) and `time_dt`; 4.2 wrote `event_time`; v3 and
// some hand-edited files have only finding_info.created_time (epoch or ISO).
function observedAt(o: JsonObject, info: JsonObject | null): string | null {
  return (
    isoTime(field(o, 'time')) ??
    isoTime(field(o, 'time_dt')) ??
    isoTime(field(o, 'event_time')) ??
    isoTime(field(info, 'created_time')) ??
    isoTime(field(info, 'created_time_dt')) ??
    isoTime(field(child(o, 'metadata'), 'original_time'))
  )
}

// "prowler-aws-<check>-<account>-<region>-<resource>": the check is the part with underscores.
function checkFromUid(uid: string | null): string | null {
  if (!uid?.startsWith('prowler-')) return null
  const parts = uid.split('-')
  return parts.find((p, i) => i >= 2 && p.includes('_')) ?? null
}
