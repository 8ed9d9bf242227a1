// Prowler's own non-OCSF outputs: v2 NDJSON, the v2 ',' CSV, v3 JSON and the v3+ ';' CSV.

import type { NormalizedFinding } from '../finding.types'
import { citationsFromIds, citationsInText } from '../mapping/citation'
import { prowlerCitations } from '../mapping/tables'
import { asArray, child, field, findingKey, isoTime, MissingFieldError, requireText, severityOf, statusOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export function isProwlerV3(o: JsonObject): boolean {
  return field(o, 'CheckID') !== undefined && (field(o, 'FindingUniqueId') !== undefined || field(o, 'AssessmentStartTime') !== undefined)
}

export function isProwlerV2(o: JsonObject): boolean {
  return field(o, 'Control ID') !== undefined || field(o, 'Account Number') !== undefined
}

function withCitations(fromFile: string[], checkId: string, provider: string | null): Pick<NormalizedFinding, 'citations' | 'citationSource'> {
  if (fromFile.length) return { citations: fromFile, citationSource: 'file' }
  const table = [...prowlerCitations(checkId, provider)]
  return { citations: table, citationSource: table.length ? 'table' : 'none' }
}

export function readProwlerV3(o: JsonObject, sink: RecordSink): void {
  const format = 'prowler-v3-json'
  const checkId = requireText(field(o, 'CheckID'), 'CheckID', format)
  const status = statusOf(field(o, 'Status'))
  if (!status) throw new MissingFieldError('Status', format)
  const provider = text(field(o, 'Provider'))
  const account = text(field(o, 'AccountId')) ?? text(field(o, 'Subscription')) ?? text(field(o, 'ProjectId'))
  const region = text(field(o, 'Region')) ?? text(field(o, 'Location'))
  const resourceId = text(field(o, 'ResourceArn')) ?? text(field(o, 'ResourceId'))
  const recommendation = child(child(o, 'Remediation'), 'Recommendation')
  sink.add({
    format,
    scanner: 'prowler',
    scannerVersion: null,
    checkId,
    title: text(field(o, 'CheckTitle')) ?? checkId,
    status,
    muted: field(o, 'Muted') === true,
    severity: severityOf(field(o, 'Severity')),
    statusDetail: text(field(o, 'StatusExtended')),
    resourceId,
    resourceName: text(field(o, 'ResourceName')) ?? text(field(o, 'ResourceId')),
    resourceType: text(field(o, 'ResourceType')),
    account,
    region,
    remediationText: text(field(recommendation, 'Text')),
    remediationUrl: text(field(recommendation, 'Url')) ?? text(field(o, 'RelatedUrl')),
    observedAt: isoTime(field(o, 'AssessmentStartTime')),
    itemCount: 1,
    findingKey: findingKey('prowler', account, region, checkId, resourceId),
    ...withCitations(citationsFromIds(asArray(field(child(o, 'Compliance'), 'HIPAA'))), checkId, provider)
  })
}

// Prowler v2 (bash) check ids (check11, extra72) predate the v3 ids our table uses,
// so only what the record itself says about HIPAA is used.
export function readProwlerV2(o: JsonObject, sink: RecordSink): void {
  const format = 'prowler-v2-ndjson'
  const checkId = requireText(field(o, 'Control ID'), 'Control ID', format)
  const status = statusOf(field(o, 'Status'))
  if (!status) throw new MissingFieldError('Status', format)
  const account = text(field(o, 'Account Number'))
  const region = text(field(o, 'Region'))
  const resourceId = text(field(o, 'Resource ID'))
  const compliance = text(field(o, 'Compliance'))
  const citations = compliance ? citationsInText(compliance) : []
  sink.add({
    format,
    scanner: 'prowler',
    scannerVersion: null,
    checkId,
    title: text(field(o, 'Control')) ?? checkId,
    status,
    muted: false,
    severity: severityOf(field(o, 'Severity')),
    statusDetail: text(field(o, 'Message')),
    resourceId,
    resourceName: null,
    resourceType: null,
    account,
    region,
    remediationText: text(field(o, 'Remediation')),
    remediationUrl: text(field(o, 'Doc link')),
    observedAt: isoTime(field(o, 'Timestamp')),
    itemCount: 1,
    findingKey: findingKey('prowler', account, region, checkId, resourceId),
    citations,
    citationSource: citations.length ? 'file' : 'none'
  })
}

/** Columns a CSV must have to be read as a Prowler findings CSV. */
export const PROWLER_CSV_REQUIRED = ['CHECK_ID', 'STATUS'] as const

/** Columns a ','-separated CSV must have to be read as Prowler 2 (shell) output. */
export const PROWLER_V2_CSV_REQUIRED = ['TITLE_ID', 'CHECK_RESULT'] as const

/** The first non-empty value among a row's columns (csv-parse gives own properties only). */
function csvColumns(row: Record<string, string>): (...names: string[]) => string | null {
  return (...names) => {
    for (const n of names) {
      const v = Object.prototype.hasOwnProperty.call(row, n) ? row[n] : undefined
      if (v !== undefined && v !== '') return v
    }
    return null
  }
}

// Prowler 2's CSV is the record of its JSON lines under its shell variables' names
// (TITLE_ID is the JSON's "Control ID"), so check ids, finding keys and citations
// match readProwlerV2 and the two compare across scans.
export function readProwlerV2CsvRow(row: Record<string, string>, sink: RecordSink): void {
  const format = 'prowler-v2-csv'
  const col = csvColumns(row)
  const checkId = requireText(col('TITLE_ID'), 'TITLE_ID', format)
  const status = statusOf(col('CHECK_RESULT'))
  if (!status) throw new MissingFieldError('CHECK_RESULT', format)
  const account = col('ACCOUNT_NUM')
  const region = col('REGION')
  const resourceId = col('CHECK_RESOURCE_ID')
  const citations = citationsInText(col('CHECK_ASFF_COMPLIANCE_TYPE') ?? '')
  sink.add({
    format,
    scanner: 'prowler',
    scannerVersion: null,
    checkId,
    title: col('TITLE_TEXT') ?? checkId,
    status,
    muted: false,
    severity: severityOf(col('CHECK_SEVERITY')),
    statusDetail: col('CHECK_RESULT_EXTENDED'),
    resourceId,
    resourceName: null,
    resourceType: col('CHECK_ASFF_RESOURCE_TYPE'),
    account,
    region,
    remediationText: col('CHECK_REMEDIATION'),
    remediationUrl: col('CHECK_DOC'),
    observedAt: isoTime(col('PROWLER_START_TIME')),
    itemCount: 1,
    findingKey: findingKey('prowler', account, region, checkId, resourceId),
    citations,
    citationSource: citations.length ? 'file' : 'none'
  })
}

export function readProwlerCsvRow(row: Record<string, string>, sink: RecordSink): void {
  const format = 'prowler-csv'
  const col = csvColumns(row)
  const checkId = requireText(col('CHECK_ID'), 'CHECK_ID', format)
  const status = statusOf(col('STATUS'))
  if (!status) throw new MissingFieldError('STATUS', format)
  const account = col('ACCOUNT_UID', 'ACCOUNT_ID', 'SUBSCRIPTION', 'PROJECT_ID')
  const region = col('REGION', 'LOCATION')
  const resourceId = col('RESOURCE_UID', 'RESOURCE_ARN', 'RESOURCE_ID')
  // COMPLIANCE looks like "CIS-1.4: 1.20 | HIPAA: 164_308_a_1_ii_b, 164_312_b".
  const hipaa = (col('COMPLIANCE') ?? '')
    .split('|')
    .filter(part => /^\s*HIPAA\s*:/i.test(part))
    .flatMap(part => citationsInText(part))
  sink.add({
    format,
    scanner: 'prowler',
    scannerVersion: col('PROWLER_VERSION'),
    checkId,
    title: col('CHECK_TITLE') ?? checkId,
    status,
    muted: (col('MUTED') ?? '').toLowerCase() === 'true',
    severity: severityOf(col('SEVERITY')),
    statusDetail: col('STATUS_EXTENDED'),
    resourceId,
    resourceName: col('RESOURCE_NAME'),
    resourceType: col('RESOURCE_TYPE'),
    account,
    region,
    remediationText: col('REMEDIATION_RECOMMENDATION_TEXT'),
    remediationUrl: col('REMEDIATION_RECOMMENDATION_URL', 'RELATED_URL'),
    observedAt: isoTime(col('TIMESTAMP', 'ASSESSMENT_START_TIME')),
    itemCount: 1,
    findingKey: findingKey('prowler', account, region, checkId, resourceId),
    ...withCitations(hipaa, checkId, col('PROVIDER'))
  })
}
