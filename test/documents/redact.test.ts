import { describe, expect, it } from 'vitest'
import { createRedactor, describeRedactionCounts, type IdentifyingValue } from '../../main/documents/redact'
import { redactPackData } from '../../main/documents/redact-pack'
import { resourceTypeRedactionKind } from '../../main/documents/redaction-kinds'
import { SAMPLE_ACCOUNT_IDS, samplePackData } from '../fixtures/documents/sample-pack-data'

const buckets = (...names: string[]): IdentifyingValue[] => names.map(value => ({ value, kind: 'bucket' }))

describe('the redactor', () => {
  it('replaces the longest known name first, so a name holding another is never half-replaced', () => {
    // Either order of the known list gives the same result.
    for (const known of [buckets('bucket-a', 'bucket-a-logs'), buckets('bucket-a-logs', 'bucket-a')]) {
      const redactor = createRedactor(known)
      expect(redactor.redact('Logs of bucket-a go to bucket-a-logs.')).toBe('Logs of [bucket 1] go to [bucket 2].')
      expect(redactor.redact('bucket-a-logs then bucket-a')).toBe('[bucket 2] then [bucket 1]')
    }
  })

  it('replaces the longer of two names that start alike even where a dot or a space ends the shorter one', () => {
    for (const known of [buckets('records', 'records.archive', 'records db'), buckets('records db', 'records.archive', 'records')]) {
      const redactor = createRedactor(known)
      expect(redactor.redact('records.archive, records db and records')).toBe('[bucket 1], [bucket 2] and [bucket 3]')
    }
  })

  it('replaces a name only as a whole word: not inside a longer name or word it does not know', () => {
    const redactor = createRedactor(buckets('bucket-a', 'records'))
    expect(redactor.redact('my-bucket-a, bucket-a-archive and bucket-ab stay')).toBe('my-bucket-a, bucket-a-archive and bucket-ab stay')
    expect(redactor.redact('patient_records and recordset stay; records goes')).toBe('patient_records and recordset stay; [bucket 1] goes')
    // Punctuation, slashes, dots and line ends are boundaries.
    expect(redactor.redact('(bucket-a) s3://bucket-a/2026 bucket-a.s3.amazonaws.com "bucket-a"')).toBe(
      '([bucket 2]) s3://[bucket 2]/2026 [bucket 2].s3.amazonaws.com "[bucket 2]"'
    )
    expect(redactor.redact('Bucket-A differs in case')).toBe('Bucket-A differs in case')
  })

  it('gives the same value the same placeholder everywhere, numbered per kind in the order met', () => {
    const redactor = createRedactor([...buckets('exports', 'archive'), { value: 'PatientDatabase', kind: 'database' }])
    expect(redactor.redact('archive, PatientDatabase')).toBe('[bucket 1], [database 1]')
    expect(redactor.redact('exports then archive')).toBe('[bucket 2] then [bucket 1]')
    // Counted in the order the pack lists kinds, not the order met.
    expect(redactor.counts()).toEqual([
      { kind: 'bucket', count: 2 },
      { kind: 'database', count: 1 }
    ])
  })

  it('finds account ids, ARNs, IP addresses and e-mail addresses in free text by their pattern', () => {
    const redactor = createRedactor([])
    expect(redactor.redact('prowler-output-210987654321-20261122.ocsf.json')).toBe('prowler-output-[account 1]-20261122.ocsf.json')
    expect(redactor.redact('See arn:aws:iam::210987654321:user/staff-1. Then arn:aws-us-gov:s3:::x-y, done')).toBe('See [ARN 1]. Then [ARN 2], done')
    expect(redactor.redact('From 198.51.100.23 and 10.0.0.0/16 to 2001:db8::7 or fe80:0:0:0:0:0:0:1')).toBe(
      'From [IP 1] and [IP 2] to [IP 3] or [IP 4]'
    )
    expect(redactor.redact('Write to alerts@juniper-ridge.example or Dana.W+sec@mail.example.org.')).toBe('Write to [e-mail 1] or [e-mail 2].')
    expect(redactor.redact('Account 210987654321 again')).toBe('Account [account 1] again')
    expect(redactor.counts()).toEqual([
      { kind: 'account', count: 1 },
      { kind: 'arn', count: 2 },
      { kind: 'ip', count: 4 },
      { kind: 'email', count: 2 }
    ])
  })

  it('leaves what only looks like an identifier: times, versions of three parts, fingerprints, longer numbers, "anywhere"', () => {
    const redactor = createRedactor([])
    const text =
      'At 10:30:00 on 2026-11-22, Prowler 5.1.2 read 1234567890123 rows; sha 9f2c1e7a4b5d6c8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70 open to 0.0.0.0/0 and ::/0; 164.312(a)(2)(iv).'
    expect(redactor.redact(text)).toBe(text)
    expect(redactor.counts()).toEqual([])
  })

  it('takes the longer value where a known name and a pattern start at the same place', () => {
    const redactor = createRedactor([
      { value: 'juniper-ridge', kind: 'bucket' },
      { value: '210987654321-exports', kind: 'bucket' }
    ])
    expect(redactor.redact('juniper-ridge@mail.example and 210987654321-exports and 210987654321')).toBe('[e-mail 1] and [bucket 1] and [account 1]')
    // A known name inside an ARN goes with the ARN.
    expect(redactor.redact('arn:aws:s3:::juniper-ridge')).toBe('[ARN 1]')
  })

  it('does not look for very short or generic names in text', () => {
    const redactor = createRedactor([...buckets('db', 'default'), { value: 'root', kind: 'identity' }])
    expect(redactor.redact('By default the db user is not root.')).toBe('By default the db user is not root.')
    expect(redactor.finds('db')).toBe(false)
    expect(redactor.finds('db 10.0.0.1')).toBe(true)
    // Asking numbers nothing.
    expect(redactor.redact('10.0.0.1')).toBe('[IP 1]')
  })

  it('says what was replaced in words', () => {
    expect(describeRedactionCounts([{ kind: 'bucket', count: 22 }])).toBe('22 bucket names')
    expect(
      describeRedactionCounts([
        { kind: 'account', count: 1 },
        { kind: 'ip', count: 3 },
        { kind: 'bucket', count: 2 }
      ])
    ).toBe('1 cloud account id, 3 IP addresses and 2 bucket names')
  })

  it('knows a resource kind by any spelling of its type', () => {
    expect(resourceTypeRedactionKind('AwsS3Bucket')).toBe('bucket')
    expect(resourceTypeRedactionKind('AWS::RDS::DBInstance')).toBe('database')
    expect(resourceTypeRedactionKind('aws_lambda_function')).toBe('function')
    expect(resourceTypeRedactionKind('AwsSomethingNew')).toBe('resource')
    expect(resourceTypeRedactionKind(null)).toBe('resource')
  })
})

describe('a redacted copy of the pack data', () => {
  it('gives the map figure’s shortened captions their whole names back before replacing them', () => {
    const base = samplePackData()
    const box = { key: 'a1', x: 0, y: 0, width: 200, height: 46, flags: 0, zoneId: null, phi: null, phiInferred: false }
    const style = { tone: 'unknown' as const, pattern: null, dash: null, strokeWidth: 1, print: { stroke: '#000', fill: '#fff' } }
    const long = 'juniper-ridge-patient-documents-archive'
    const manual = '10.20.30.40 main office file server'
    const scene = {
      width: 400,
      height: 200,
      zones: [],
      edges: [],
      legend: [],
      collapsedZoneIds: [],
      phiOnly: false,
      notice: null,
      counts: { assets: 2, zones: 0, flows: 0, drawnAssets: 2, hiddenAssets: 0, omittedAssets: 0, undrawnFlows: 0 },
      assets: [
        { ...box, assetId: 1, name: long, kind: 'bucket' as const, manual: false, style, caption: [`…${long.slice(-29)}`, 'bucket · Not marked'] },
        {
          ...box,
          key: 'a2',
          assetId: 2,
          name: manual,
          kind: 'on-premises' as const,
          manual: true,
          style,
          caption: [`…${manual.slice(-29)}`, 'on-premises · PHI']
        }
      ]
    }
    const map = { scene, alt: '', counts: { assets: 2, zones: 0, flows: 0, phiAssets: 0, phiFlows: 0 }, phiAssets: [], flags: [], lastReview: null }
    const { data } = redactPackData({ ...base, dataFlowMap: map })
    expect(data.dataFlowMap!.scene.assets.map(a => a.caption[0])).toEqual([
      expect.stringMatching(/^\[bucket \d+\]$/),
      '[IP 1] main office file server'
    ])
    expect(JSON.stringify(data.dataFlowMap)).not.toMatch(/archive|0\.30\.40/)
  })

  const data = samplePackData()

  it('holds no account id, ARN or finding resource in any field, and says what it replaced', () => {
    const resources = data.findings!.worst.map(f => f.resource)
    const { data: redacted, counts } = redactPackData(data)
    const json = JSON.stringify(redacted)
    for (const id of SAMPLE_ACCOUNT_IDS) expect(json).not.toContain(id)
    for (const resource of resources) expect(json).not.toMatch(new RegExp(`(?<![\\w-])${resource.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`))
    expect(json).not.toContain('arn:')
    expect(counts.map(c => c.kind)).toEqual(expect.arrayContaining(['account', 'arn']))
    // The input is not changed.
    expect(JSON.stringify(data)).toContain(SAMPLE_ACCOUNT_IDS[0])
  })

  it('keeps the codes the renderers compare (answers, statuses, severities) and every number', () => {
    const { data: redacted } = redactPackData({ ...data, identifyingValues: buckets('yes', 'critical', 'signed') })
    expect(redacted.controls!.map(c => c.answer)).toEqual(data.controls!.map(c => c.answer))
    expect(redacted.findings!.worst.map(f => f.severity)).toEqual(data.findings!.worst.map(f => f.severity))
    expect(redacted.businessAssociates!.map(b => b.status)).toEqual(data.businessAssociates!.map(b => b.status))
    expect(redacted.findings!.total).toBe(data.findings!.total)
    expect(redacted.scans!.map(s => s.sha256)).toEqual(data.scans!.map(s => s.sha256))
    expect(redacted).not.toHaveProperty('identifyingValues')
  })

  it('redacts free text people wrote with the same placeholders as the tables', () => {
    const resource = 'juniper-ridge-exports-3'
    const written = {
      ...data,
      procurement: {
        ...data.procurement,
        statements: { baa: { status: 'yes' as const, answer: 'Accepted in AWS Artifact for account 210987654321.' } }
      },
      remediation: [
        { title: `Block public access on ${resource}`, riskLevel: 'high' as const, owner: 'IT', dueOn: '2026-12-01', status: 'open' as const }
      ],
      identifyingValues: [{ value: resource, kind: 'bucket' as const }]
    }
    const { data: redacted } = redactPackData(written)
    expect(redacted.procurement.statements!.baa!.answer).toBe('Accepted in AWS Artifact for account [account 1].')
    expect(redacted.cloud.accountIds[0]).toBe('[account 1]')
    expect(redacted.remediation![0]!.title).toMatch(/^Block public access on \[bucket \d+\]$/)
  })
})
