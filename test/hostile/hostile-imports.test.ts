import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_FIELD_CHARS } from '../../main/scanners/read/long-text'
import { ApiError } from '../../main/shared/errors'
import type { Db } from '../../main/db/driver'
import { canonicalDigest } from '../backup/canonical'
import { createTestWorkspace, type TestSession } from '../helpers/workspace'
import { answersCorpus, INJECTED, registerCorpus, scannerCorpus, type HostileFile } from './corpus'

type Outcome = { rejected: true; code: string; message: string } | { rejected: false; summary: string }

/** Each importer through its public call, its answer reduced to "rejected with a message" or "accepted". */
const IMPORTERS: Record<string, (test: TestSession, file: string) => Promise<Outcome>> = {
  scan: async (test, file) => {
    const [result] = await test.call('scans.import', { paths: [file] })
    if (!result) throw new Error('scans.import answered nothing')
    return result.ok
      ? { rejected: false, summary: `${result.scan.findings} findings` }
      : { rejected: true, code: result.error.code, message: result.error.message }
  },
  baas: async (test, file) => {
    const report = await test.call('baas.importFile', { path: file })
    if (!report) throw new Error('baas.importFile asked for a file although one was given')
    if (report.imported > 0) return { rejected: false, summary: `${report.imported} imported` }
    return { rejected: true, code: 'rows-rejected', message: report.rows.flatMap(row => row.errors).join('; ') }
  },
  incidents: async (test, file) => {
    const report = await test.call('incidents.importFile', { path: file })
    if (!report) throw new Error('incidents.importFile asked for a file although one was given')
    if (report.imported > 0) return { rejected: false, summary: `${report.imported} imported` }
    return { rejected: true, code: 'rows-rejected', message: report.rows.flatMap(row => row.errors).join('; ') }
  },
  answers: async (test, file) => {
    const report = await test.call('assessment.importCsv', { path: file })
    if (!report) throw new Error('assessment.importCsv asked for a file although one was given')
    if (report.applied) return { rejected: false, summary: `${report.accepted} accepted` }
    return {
      rejected: true,
      code: 'rows-rejected',
      message: report.rows
        .filter(row => row.outcome === 'rejected')
        .map(row => row.message)
        .join('; ')
    }
  }
}

async function attempt(importer: string, test: TestSession, file: string): Promise<Outcome> {
  try {
    return await IMPORTERS[importer]!(test, file)
  } catch (error) {
    // Only an ApiError is a refusal written for a person; anything else escaped the importer's own checks.
    const failure = error as { code?: string; message?: string }
    return {
      rejected: true,
      code: error instanceof ApiError ? error.code : `not-an-ApiError (${failure.code ?? 'no code'})`,
      message: failure.message ?? String(error)
    }
  }
}

/** Every value stored anywhere in the workspace, to look for injected data. */
function allValues(db: Db): unknown[] {
  const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map(
    row => row.name
  )
  return tables.flatMap(table => (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).flat())
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort()

/** Extra checks for files that may be stored: what is stored must not carry what the attack injected. */
const STORED_CHECKS: Record<string, (db: Db) => void> = {
  // {"__proto__": {"CA": 99999}, "WA": 3}: only WA may be counted, never a count read through a prototype.
  'incidents/proto-record': db => {
    expect(db.prepare('SELECT jurisdiction, count FROM incident_affected ORDER BY jurisdiction').all()).toEqual([{ jurisdiction: 'WA', count: 3 }])
  },
  // A 100 MB status detail is kept as its first characters, never whole.
  'scan/big-string': db => {
    const longest = db.prepare('SELECT max(length(status_detail)) AS n FROM finding').get() as { n: number }
    expect(longest.n).toBeGreaterThan(MAX_FIELD_CHARS)
    expect(longest.n).toBeLessThan(MAX_FIELD_CHARS + 100)
  },
  'scan/duplicate-keys': db => {
    expect((db.prepare('SELECT count(*) AS n FROM finding').get() as { n: number }).n).toBe(1)
  }
}

let dir: string
const corpus: { importer: string; entry: HostileFile }[] = []

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-hostile-'))
  for (const entry of scannerCorpus(dir)) corpus.push({ importer: 'scan', entry })
  for (const entry of registerCorpus(dir, 'baas')) corpus.push({ importer: 'baas', entry })
  for (const entry of registerCorpus(dir, 'incidents')) corpus.push({ importer: 'incidents', entry })
  for (const entry of answersCorpus(dir)) corpus.push({ importer: 'answers', entry })
}, 120_000)

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('hostile input', () => {
  it('covers every importer with every kind of attack', () => {
    const names = corpus.map(({ entry }) => entry.name)
    for (const importer of ['scan', 'baas', 'incidents']) {
      for (const attack of ['proto-keys', 'deep-array', 'deep-object', 'big-string', 'duplicate-keys', 'invalid-utf8', 'huge-numbers', 'truncated']) {
        expect(names).toContain(`${importer}/${attack}`)
      }
    }
    expect(names.filter(name => name.startsWith('answers/')).length).toBeGreaterThanOrEqual(8)
  })

  // One test per file: the corpus is built in beforeAll, so the cases are listed by name here.
  const CASES = [
    ...[
      'proto-keys',
      'proto-nested',
      'deep-array',
      'deep-object',
      'big-string',
      'beyond-string-limit',
      'duplicate-keys',
      'invalid-utf8',
      'lone-surrogate',
      'huge-numbers',
      'truncated',
      'empty',
      'binary'
    ].map(n => `scan/${n}`),
    ...['baas', 'incidents'].flatMap(kind =>
      [
        'proto-keys',
        'proto-wrapper',
        ...(kind === 'incidents' ? ['proto-record'] : []),
        'deep-array',
        'deep-object',
        'big-string',
        'beyond-string-limit',
        'duplicate-keys',
        'invalid-utf8',
        'huge-numbers',
        'truncated',
        'empty',
        'binary',
        'csv-proto-header'
      ].map(n => `${kind}/${n}`)
    ),
    ...[
      'proto-ids',
      'proto-header',
      'duplicate-rows',
      'invalid-utf8',
      'truncated',
      'huge-number',
      'binary',
      'empty',
      'big-string',
      'beyond-string-limit'
    ].map(n => `answers/${n}`)
  ]

  const tryFile = async (name: string) => {
    const item = corpus.find(({ entry }) => entry.name === name)
    if (!item) throw new Error(`No corpus file named ${name}`)
    const test = await createTestWorkspace()
    const db = () => test.session.requireWorkspace().db
    const before = canonicalDigest(db())
    const prototypeBefore = prototypeKeys()

    const outcome = await attempt(item.importer, test, item.entry.file)
    if (process.env.HOSTILE_REPORT) console.log(`${name}: ${JSON.stringify(outcome).slice(0, 300)}`)

    // Nothing reached Object.prototype, whatever happened.
    expect(prototypeKeys()).toEqual(prototypeBefore)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(({} as Record<string, unknown>).status_code).toBeUndefined()
    if (outcome.rejected) {
      // A clear refusal (not a crash report), and the workspace exactly as it was.
      expect(outcome.code, outcome.message).not.toBe('internal')
      expect(outcome.code, outcome.message).not.toMatch(/^not-an-ApiError/)
      expect(outcome.message).not.toMatch(/Maximum call stack|Something went wrong|Cannot read prop|undefined is not/)
      expect(outcome.message.length).toBeGreaterThan(10)
      expect(canonicalDigest(db())).toEqual(before)
    } else {
      // Stored: then only as inert data, never with values that came through a prototype.
      expect(allValues(db()).filter(value => typeof value === 'string' && value.includes(INJECTED))).toEqual([])
      STORED_CHECKS[name]?.(db())
    }
  }

  it.each(CASES)('%s is rejected with a clear message or stored inert', { timeout: 120_000 }, tryFile)
})

describe('questionnaire import into a fresh workspace', () => {
  it('a rejected questionnaire CSV leaves the workspace unchanged, not even starting a period', async () => {
    const test = await createTestWorkspace()
    const before = canonicalDigest(test.session.requireWorkspace().db)
    const file = path.join(test.dir, 'empty.csv')
    fs.writeFileSync(file, '')
    expect(await attempt('answers', test, file)).toMatchObject({ rejected: true })
    expect(canonicalDigest(test.session.requireWorkspace().db)).toEqual(before)
  })
})
