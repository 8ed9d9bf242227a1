import fs from 'node:fs'
import path from 'node:path'

/**
 * Hostile inputs, written at test time into a temp folder (the big ones
 * must never be committed). Each entry is one file an importer is handed.
 */
export interface HostileFile {
  name: string
  file: string
  /** What it tries. */
  attack: string
}

export const INJECTED = 'INJECTED-BY-PROTOTYPE'
export const DEPTH = 1_000_000
export const BIG_STRING_BYTES = 100 * 1024 * 1024

const INVALID_UTF8 = Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80])

/** A JSON document with `marker` replaced by raw (invalid UTF-8) bytes. */
function withRawBytes(json: string, marker: string): Buffer {
  const [before, after] = json.split(marker) as [string, string]
  return Buffer.concat([Buffer.from(before, 'utf8'), INVALID_UTF8, Buffer.from(after, 'utf8')])
}

/** Writes the shared structural attacks (nesting, huge string, truncation, binary, empty) in `dir` with `extension`. */
function structural(
  dir: string,
  prefix: string,
  extension: string,
  valid: string,
  bigStringDocument: (write: (text: string) => void) => void
): HostileFile[] {
  const entries: HostileFile[] = []
  const add = (name: string, attack: string, contents: string | Buffer) => {
    const file = path.join(dir, `${prefix}-${name}${extension}`)
    fs.writeFileSync(file, contents)
    entries.push({ name: `${prefix}/${name}`, file, attack })
  }
  add('deep-array', `arrays nested ${DEPTH} deep`, '['.repeat(DEPTH) + ']'.repeat(DEPTH))
  add('deep-object', `objects nested ${DEPTH} deep`, '{"a":'.repeat(DEPTH) + '1' + '}'.repeat(DEPTH))
  add('truncated', 'a valid file cut off in the middle', valid.slice(0, Math.floor(valid.length * 0.6)))
  add('empty', 'an empty file', '')
  add('binary', 'bytes that are not text at all', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)))
  entries.push(beyondStringLimit(dir, prefix, extension))

  const big = path.join(dir, `${prefix}-big-string${extension}`)
  const handle = fs.openSync(big, 'w')
  try {
    bigStringDocument(text => fs.writeSync(handle, text))
  } finally {
    fs.closeSync(handle)
  }
  entries.push({ name: `${prefix}/big-string`, file: big, attack: `one ${BIG_STRING_BYTES / 1024 / 1024} MB string` })
  return entries
}

/** Past V8's longest string (buffer.constants.MAX_STRING_LENGTH, ~512 MiB). */
export const BEYOND_STRING_LIMIT_BYTES = 600 * 1024 * 1024

/**
 * A 600 MB file that costs no disk: a valid-looking start, then a sparse
 * hole of NUL bytes. Whoever reads it whole into one string fails with
 * ERR_STRING_TOO_LONG; an importer must refuse it before or without that.
 */
function beyondStringLimit(dir: string, prefix: string, extension: string): HostileFile {
  const file = path.join(dir, `${prefix}-beyond-string-limit${extension}`)
  fs.writeFileSync(
    file,
    extension === '.csv' ? 'question_id,answer,notes,value,decision,decision_explanation\nq-308-a2-1,Yes,"' : '[{"status_detail":"'
  )
  fs.truncateSync(file, BEYOND_STRING_LIMIT_BYTES)
  return { name: `${prefix}/beyond-string-limit`, file, attack: 'a 600 MB file, longer than the longest string V8 can hold' }
}

/** Writes `count` MB of 'A' through `write`, in 1 MB pieces. */
function writeMegabytes(write: (text: string) => void, count: number): void {
  const megabyte = 'A'.repeat(1024 * 1024)
  for (let i = 0; i < count; i += 1) write(megabyte)
}

// ---- Scanner output (Prowler JSON-OCSF) ----

function prowlerRecord(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    metadata: { event_code: 's3_bucket_default_encryption', product: { name: 'Prowler', version: '5.3.0' } },
    finding_info: { uid: 'prowler-aws-s3_bucket_default_encryption-123456789012-us-east-1-b1', title: 'Bucket encryption' },
    class_uid: 2004,
    severity: 'Low',
    status_code: 'PASS',
    cloud: { account: { uid: '123456789012' }, region: 'us-east-1', provider: 'aws' },
    resources: [{ uid: 'arn:aws:s3:::b1', name: 'b1', type: 'AwsS3Bucket' }],
    ...fields
  }
}

export function scannerCorpus(dir: string): HostileFile[] {
  const valid = JSON.stringify([prowlerRecord({}), prowlerRecord({ status_code: 'FAIL' })], null, 2)
  const entries = structural(dir, 'scan', '.json', valid, write => {
    write(
      '[{"metadata":{"event_code":"s3_bucket_default_encryption","product":{"name":"Prowler"}},"class_uid":2004,"status_code":"PASS","status_detail":"'
    )
    writeMegabytes(write, BIG_STRING_BYTES / 1024 / 1024)
    write('"}]')
  })
  const add = (name: string, attack: string, contents: string | Buffer) => {
    const file = path.join(dir, `scan-${name}.json`)
    fs.writeFileSync(file, contents)
    entries.push({ name: `scan/${name}`, file, attack })
  }
  // The record's own status, severity and title are missing; a parser that lets __proto__ set the prototype
  // would make the validator read them from the injected object.
  const proto = prowlerRecord({})
  delete proto.status_code
  delete proto.severity
  delete (proto.finding_info as Record<string, unknown>).title
  const protoJson = JSON.stringify(proto).replace(
    /^\{/,
    `{"__proto__":{"status_code":"FAIL","severity":"Critical","polluted":"${INJECTED}","finding_info":{"title":"${INJECTED}"}},` +
      `"constructor":{"prototype":{"polluted":"${INJECTED}"}},"prototype":{"polluted":"${INJECTED}"},`
  )
  add('proto-keys', '__proto__, constructor and prototype keys carrying the fields the record lacks', `[${protoJson}]`)
  add(
    'proto-nested',
    '__proto__ inside nested objects the importer reads',
    JSON.stringify([prowlerRecord({})])
      .replace('"cloud":{', `"cloud":{"__proto__":{"account":{"uid":"${INJECTED}"}},`)
      .replace('"metadata":{', `"metadata":{"__proto__":{"polluted":"${INJECTED}"},`)
  )
  add(
    'duplicate-keys',
    'the same key twice with different values',
    JSON.stringify([prowlerRecord({})])
      .replace('"status_code":"PASS"', '"status_code":"PASS","status_code":"FAIL"')
      .replace('"severity":"Low"', '"severity":"Low","severity":"Critical"')
  )
  add(
    'invalid-utf8',
    'raw bytes that are not UTF-8 inside a string',
    withRawBytes(JSON.stringify([prowlerRecord({ status_detail: 'BYTES' })]), 'BYTES')
  )
  add(
    'lone-surrogate',
    'an escaped lone surrogate',
    JSON.stringify([prowlerRecord({})]).replace('"Bucket encryption"', '"Bucket \\ud800 encryption \\udfff"')
  )
  add(
    'huge-numbers',
    'numbers beyond double range (1e400)',
    JSON.stringify([prowlerRecord({ severity_id: 0, time: 0 })])
      .replace('"severity_id":0', '"severity_id":1e400')
      .replace('"time":0', '"time":-1e400')
  )
  return entries
}

// ---- Business associate and incident registers (JSON) ----

export function registerCorpus(dir: string, kind: 'baas' | 'incidents'): HostileFile[] {
  const listKey = kind === 'baas' ? 'businessAssociates' : 'incidents'
  const record =
    kind === 'baas'
      ? { name: 'Northwind Billing', services: 'Claims', phiCategories: ['billing records'], baaStatus: 'signed', effectiveOn: '2025-02-01' }
      : { title: 'Misdirected fax', discoveredOn: '2027-06-01', role: 'covered-entity', unsecuredPhi: true, affectedByState: { WA: 3 } }
  const valid = JSON.stringify({ [listKey]: [record, record] }, null, 2)
  const entries = structural(dir, kind, '.json', valid, write => {
    write(`{"${listKey}":[{"${kind === 'baas' ? 'name' : 'title'}":"`)
    writeMegabytes(write, BIG_STRING_BYTES / 1024 / 1024)
    write('"}]}')
  })
  const add = (name: string, attack: string, contents: string | Buffer, extension = '.json') => {
    const file = path.join(dir, `${kind}-${name}${extension}`)
    fs.writeFileSync(file, contents)
    entries.push({ name: `${kind}/${name}`, file, attack })
  }
  const own = JSON.stringify(record)
  const injected =
    kind === 'baas'
      ? `{"name":"${INJECTED}","baaStatus":"signed","polluted":"${INJECTED}"}`
      : `{"title":"${INJECTED}","unsecuredPhi":true,"polluted":"${INJECTED}"}`
  add(
    'proto-keys',
    '__proto__, constructor and prototype keys',
    `{"${listKey}":[${own.replace(/^\{/, `{"__proto__":${injected},"constructor":{"prototype":{"polluted":"${INJECTED}"}},`)}]}`
  )
  add('proto-wrapper', '__proto__ as the wrapping key holding the list', `{"__proto__":{"${listKey}":[${own}]},"${listKey}":[]}`)
  if (kind === 'incidents') {
    add(
      'proto-record',
      '__proto__ as a key of a free-form record (affected people by state)',
      JSON.stringify({ incidents: [record] }).replace('"affectedByState":{', `"affectedByState":{"__proto__":{"CA":99999},`)
    )
  }
  add('duplicate-keys', 'the same key twice', `{"${listKey}":[${own.replace(/^\{/, kind === 'baas' ? '{"name":"First",' : '{"title":"First",')}]}`)
  add(
    'invalid-utf8',
    'raw bytes that are not UTF-8',
    withRawBytes(`{"${listKey}":[${own.replace(/^\{/, kind === 'baas' ? '{"notes":"BYTES",' : '{"description":"BYTES",')}]}`, 'BYTES')
  )
  add(
    'huge-numbers',
    'numbers beyond double range',
    `{"${listKey}":[${own.replace(/^\{/, kind === 'baas' ? '{"reviewEveryMonths":1e400,' : '{"baaReportingDays":1e400,')}]}`
  )
  add(
    'csv-proto-header',
    'a CSV whose columns are __proto__ and constructor',
    `__proto__,constructor,${kind === 'baas' ? 'name' : 'title'}\n${INJECTED},${INJECTED},x\n`,
    '.csv'
  )
  return entries
}

// ---- Assessment answers (CSV) ----

export function answersCorpus(dir: string): HostileFile[] {
  const header = 'question_id,answer,notes,value,decision,decision_explanation\n'
  const entries: HostileFile[] = []
  const add = (name: string, attack: string, contents: string | Buffer) => {
    const file = path.join(dir, `answers-${name}.csv`)
    fs.writeFileSync(file, contents)
    entries.push({ name: `answers/${name}`, file, attack })
  }
  add(
    'proto-ids',
    '__proto__, constructor and prototype as question ids',
    `${header}__proto__,Yes,${INJECTED},,,\nconstructor,Yes,,,,\nprototype,No,,,,\n`
  )
  add('proto-header', '__proto__ as a column name', `question_id,answer,__proto__\nq-308-a2-1,Yes,${INJECTED}\n`)
  add('duplicate-rows', 'the same question twice with different answers', `${header}q-308-a2-1,Yes,,,,\nq-308-a2-1,No,,,,\n`)
  add(
    'invalid-utf8',
    'raw bytes that are not UTF-8 in a note',
    Buffer.concat([Buffer.from(`${header}q-308-a2-1,Yes,"`), INVALID_UTF8, Buffer.from('",,,\n')])
  )
  add('truncated', 'a quoted cell that never ends', `${header}q-308-a2-1,Yes,"a note that goes on`)
  add('huge-number', 'a value beyond double range', `${header}q-308-a2-1,Yes,,1e400,,\n`)
  add('binary', 'bytes that are not text', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)))
  add('empty', 'an empty file', '')
  const big = path.join(dir, 'answers-big-string.csv')
  const handle = fs.openSync(big, 'w')
  try {
    fs.writeSync(handle, `${header}q-308-a2-1,Yes,"`)
    writeMegabytes(text => fs.writeSync(handle, text), BIG_STRING_BYTES / 1024 / 1024)
    fs.writeSync(handle, '",,,\n')
  } finally {
    fs.closeSync(handle)
  }
  entries.push({ name: 'answers/big-string', file: big, attack: 'one 100 MB cell' })
  entries.push(beyondStringLimit(dir, 'answers', '.csv'))
  return entries
}
