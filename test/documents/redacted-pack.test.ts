import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCallContext } from '../../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../../main/api/contract'
import type { ProgressUpdate } from '../../main/api/define-call'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost } from '../../main/api/host'
import { createDemoWorkspace, type DemoResult } from '../../main/demo/create-demo'
import { packData } from '../../main/documents/generate'
import { describeRedactionCounts, type RedactionCount } from '../../main/documents/redact'
import { redactPackData } from '../../main/documents/redact-pack'
import { readIdentifyingValues } from '../../main/documents/workspace-data/identifying-values'
import { Session } from '../../main/workspace/session'

/**
 * The redacted evidence pack of the demo practice, with identifiers also written into free text
 * (a risk, its plan, an incident, an agreement, an asset a person added), made through the real
 * `documents.generatePack`: no bucket name, account id, ARN, IP or e-mail address the workspace
 * holds is left in the PDF's text or in the data it is drawn from, and none is half-replaced.
 */

const TODAY = '2026-06-15'
const PDFTOTEXT = spawnSync('pdftotext', ['-v']).status === 0
const NO_PDFTOTEXT = 'skipped: pdftotext (poppler-utils) is not installed'

const WRITTEN = {
  ip: '198.51.100.23',
  ipv6: '2001:db8::7',
  serverIp: '10.20.30.40',
  email: 'alerts@juniper-ridge.example',
  associateEmail: 'siem@vendor.example',
  arn: 'arn:aws:iam::210987654321:user/staff-2'
}

/** Every identifier, read from the demo's own files and map as a reviewer would, not from the redactor's reading. */
function identifiersOf(demo: DemoResult, map: { assets: { name: string; manual: boolean; kind: string }[]; zones: { name: string }[] }): string[] {
  const values = new Set<string>(Object.values(WRITTEN))
  for (const file of demo.scanFiles) {
    for (const finding of JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
      cloud?: { account?: { uid?: string } }
      resources?: Array<{ uid?: string; name?: string }>
    }>) {
      if (finding.cloud?.account?.uid) values.add(finding.cloud.account.uid)
      for (const r of finding.resources ?? []) for (const v of [r.uid, r.name]) if (v) values.add(v)
    }
  }
  for (const a of map.assets) if (!a.manual && a.kind !== 'internet') values.add(a.name)
  for (const z of map.zones) values.add(z.name)
  // Names shorter than three characters are not looked for in text (they would be ordinary words).
  return [...values].filter(v => v.length >= 3)
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/**
 * The value as a word, as the redactor reads words (a `-` between letters or digits joins one); `wrapped`
 * also finds it broken over lines, as a table cell wraps a long name anywhere.
 */
const asWord = (value: string, wrapped = false) =>
  new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)${[...value].map(escape).join(wrapped ? '\\s*' : '')}(?![A-Za-z0-9_]|-[A-Za-z0-9_])`)

/** Text standing right against a placeholder that is the start or end of a known value: a half-replaced name. */
function fragments(text: string, values: string[]): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/\[[A-Za-z -]+ \d+\]([A-Za-z0-9_.-]+)/g))
    if (values.some(v => v.length > m[1]!.length && v.endsWith(m[1]!))) found.push(m[0])
  for (const m of text.matchAll(/([A-Za-z0-9_.-]+)\[[A-Za-z -]+ \d+\]/g))
    if (values.some(v => v.length > m[1]!.length && v.startsWith(m[1]!))) found.push(m[0])
  return found
}

describe('the redacted evidence pack of a real workspace', () => {
  // One demo for every test (it takes a while to build), so the session is made here rather than by the per-test helpers.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-redacted-pack-'))
  const session = new Session({ dataDir: path.join(dir, 'data'), appVersion: '0.0.0-test', now: () => new Date(`${TODAY}T15:00:00Z`) })
  type CallOptions = { signal?: AbortSignal; onProgress?: (update: ProgressUpdate) => void }
  const context = (options: CallOptions = {}) => createCallContext(session, { host: headlessHost, ...options })
  const ws = {
    call: async <K extends CallName>(name: K, input: InputOf<K>, options?: CallOptions): Promise<OutputOf<K>> =>
      (await callHandler(name, input, context(options))) as OutputOf<K>
  }
  let identifiers: string[]
  let dataJson: string
  let counts: RedactionCount[]
  let file: string

  beforeAll(async () => {
    const demo = await createDemoWorkspace(path.join(dir, 'demo'), { today: TODAY, appVersion: '0.0.0-test' })
    await ws.call('workspace.open', { path: demo.workspacePath })

    const view = await ws.call('map.view', {})
    const bucket = view.assets.find(a => a.kind === 'bucket' && !a.manual)!
    const server = await ws.call('map.addAsset', { name: `File server ${WRITTEN.serverIp}`, kind: 'on-premises', phi: 'phi' })
    const threat = (await ws.call('risks.catalog', {})).threats.find(t => t.appliesTo.includes('bucket'))!
    const risk = await ws.call('risks.create', {
      assetIds: [bucket.id, server.id],
      threatId: threat.id,
      title: `Public reads of juniper-ridge-exports-1 and juniper-ridge-exports-10 from ${WRITTEN.ip}`,
      likelihood: 'high',
      impact: 'high'
    })
    // Accepted risks are all listed in the pack (the top risks only the ten highest).
    await ws.call('risks.setTreatment', {
      id: risk.id,
      treatment: {
        kind: 'accept',
        approver: 'Dr. Lena Park',
        approvedOn: '2026-06-01',
        reason: `Alerts go to ${WRITTEN.email}; the keys of ${WRITTEN.arn} are rotated weekly.`,
        expiresOn: '2026-12-01'
      }
    })
    await ws.call('incidents.create', {
      incident: {
        title: `Keys of 210987654321 used from ${WRITTEN.ipv6}`,
        discoveredOn: '2026-03-01',
        role: 'covered-entity',
        unsecuredPhi: false,
        affectedByState: {}
      }
    })
    await ws.call('baas.create', {
      associate: { name: 'Log Vendor', services: `Log shipping from juniper-ridge-data-1 to ${WRITTEN.associateEmail}` }
    })

    identifiers = identifiersOf(demo, await ws.call('map.view', {}))
    // The data the pack is drawn from, redacted as generatePack does.
    const ctx = context()
    const data = await packData(ctx)
    const redacted = redactPackData({ ...data, identifyingValues: readIdentifyingValues(ctx.workspace().db) })
    dataJson = JSON.stringify(redacted.data)
    counts = redacted.counts

    file = path.join(dir, 'redacted.pdf')
    await ws.call('documents.generatePack', { path: file, redact: true })
  }, 300_000)

  afterAll(() => {
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('leaves no known identifier in the data the pack is drawn from', () => {
    expect(identifiers.length).toBeGreaterThan(100)
    expect(identifiers.filter(v => asWord(v).test(dataJson))).toEqual([])
    // Matched as booleans, so a failure names what is wrong rather than printing the whole data.
    expect(dataJson.includes('210987654321'), 'the account id').toBe(false)
    expect(/arn:aws/.test(dataJson), 'an ARN').toBe(false)
    expect(/@[a-z-]+\.example/.test(dataJson), 'an e-mail address').toBe(false)
    // The written texts are still there, with placeholders in place of the values.
    expect(/Public reads of \[bucket \d+\] and \[bucket \d+\] from \[IP \d+\]/.test(dataJson), 'the accepted risk').toBe(true)
    expect(/Log shipping from \[bucket \d+\] to \[e-mail \d+\]/.test(dataJson), 'the agreement').toBe(true)
  })

  it('counts every kind it replaced, each value once', () => {
    expect(counts.map(c => c.kind)).toEqual(expect.arrayContaining(['account', 'arn', 'ip', 'email', 'bucket', 'vpc', 'subnet', 'database']))
    const placeholders = new Set(dataJson.match(/\[[A-Za-z -]+ \d+\]/g))
    expect(counts.reduce((sum, c) => sum + c.count, 0)).toBe(placeholders.size)
  })

  it.skipIf(!PDFTOTEXT)(`leaves no known identifier and no half-replaced name in the PDF's text${PDFTOTEXT ? '' : ` (${NO_PDFTOTEXT})`}`, () => {
    // -raw keeps the order the text was written in, each table cell's lines together and a hyphen ending a line kept.
    const spaced = spawnSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).stdout.replace(/\s+/g, ' ')
    expect(spaced).toContain('Where PHI lives and flows')
    expect(identifiers.filter(v => asWord(v, true).test(spaced))).toEqual([])
    expect(fragments(spaced, identifiers)).toEqual([])
    // The map figure's own words are redacted too, with the person's own asset named and its address replaced.
    expect(spaced).toMatch(/File server \[IP \d+\]/)
    expect(spaced).toMatch(/VPC \[VPC \d+\]/)
  })

  it.skipIf(!PDFTOTEXT)(`says on its cover which kinds of data were replaced and how many of each${PDFTOTEXT ? '' : ` (${NO_PDFTOTEXT})`}`, () => {
    const cover = spawnSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ')
    expect(cover).toContain('Redacted edition')
    expect(cover).toContain(`Replaced in this edition: ${describeRedactionCounts(counts)}.`)
    for (const noun of ['cloud account id', 'ARN', 'IP addresses', 'e-mail addresses', 'bucket names']) expect(cover).toContain(noun)
  })

  it('says it is finding the values to redact, and writes nothing when cancelled then', async () => {
    const target = path.join(dir, 'cancelled.pdf')
    const controller = new AbortController()
    const phases: string[] = []
    const onProgress = (update: ProgressUpdate) => {
      phases.push(update.phase)
      if (update.phase === 'Finding the values to redact') controller.abort()
    }
    await expect(ws.call('documents.generatePack', { path: target, redact: true }, { signal: controller.signal, onProgress })).rejects.toMatchObject({
      code: 'cancelled'
    })
    expect(phases).toContain('Finding the values to redact')
    expect(fs.existsSync(target)).toBe(false)
  })
})
