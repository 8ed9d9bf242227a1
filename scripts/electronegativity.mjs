#!/usr/bin/env node
// Static scan of the Electron shell with Electronegativity, failing on any
// finding that is not in the reviewed allow-list (scripts/electronegativity-allow.json).
// Electronegativity always "succeeds" (its CLI exits 0 with findings), so we
// read its SARIF report ourselves. Its CLI is broken by the newer commander
// the project uses, so the runner is called directly. It tries the network for
// translations and release notes and carries on offline; the whole run is time-boxed.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const TIME_LIMIT_MS = Number(process.env.ELECTRONEGATIVITY_TIME_LIMIT_MS ?? 120_000)

/**
 * What is scanned: the Electron shell plus renderer/index.html, whose meta CSP
 * Electronegativity evaluates (the same policy is sent as a header by the
 * app:// handler, which it cannot see). Both are staged in a temp folder so
 * file names in findings read main/electron/... and renderer/index.html.
 * A folder given as the first argument is scanned instead (the test scans a
 * deliberately unsafe sample to prove that findings fail the run).
 */
function stageDefaultInput() {
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-input-'))
  fs.cpSync(path.join(root, 'main/electron'), path.join(stage, 'main/electron'), { recursive: true })
  fs.mkdirSync(path.join(stage, 'renderer'))
  fs.copyFileSync(path.join(root, 'renderer/index.html'), path.join(stage, 'renderer/index.html'))
  return stage
}
const staged = process.argv[2] ? null : stageDefaultInput()
const input = staged ?? path.resolve(process.argv[2])
const allowListFile = path.resolve(root, process.argv[3] ?? 'scripts/electronegativity-allow.json')

const timer = setTimeout(() => {
  console.error(`electronegativity: no result after ${TIME_LIMIT_MS / 1000} s; giving up.`)
  process.exit(2)
}, TIME_LIMIT_MS)
timer.unref()

/** Each allowed finding: rule id, file relative to the input, a substring of the flagged source line (or null), and why it is acceptable. */
function readAllowList(file) {
  const entries = JSON.parse(fs.readFileSync(file, 'utf8'))
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of entries`)
  entries.forEach((entry, index) => {
    for (const key of ['ruleId', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') throw new Error(`${file} entry ${index}: "${key}" is required`)
    }
    if (entry.reason.trim().length < 20) throw new Error(`${file} entry ${index}: give a real reason for allowing ${entry.ruleId}`)
  })
  return entries
}

function findingsFromSarif(sarif) {
  return (sarif.runs ?? []).flatMap(run =>
    (run.results ?? []).map(result => {
      const location = result.locations?.[0]?.physicalLocation
      return {
        ruleId: result.ruleId,
        file: (location?.artifactLocation?.uri ?? '').replace(/^\.?\//, ''),
        line: location?.region?.startLine ?? 0,
        message: result.message?.text ?? ''
      }
    })
  )
}

function sourceLine(file, line) {
  try {
    return fs.readFileSync(path.join(input, file), 'utf8').split('\n')[line - 1] ?? ''
  } catch {
    return ''
  }
}

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version
const run = require('@doyensec/electronegativity')
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'electronegativity-'))
const sarifFile = path.join(outDir, 'report.sarif')

// Its progress chatter (connectivity warnings) goes to stderr so stdout stays the verdict.
const log = console.log
console.log = (...args) => console.error(...args)
let result
try {
  result = await run({
    input,
    output: sarifFile,
    isSarif: true,
    customScan: [],
    excludeFromScan: [],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: []
  })
} finally {
  console.log = log
}

/** Electronegativity writes its report with an un-awaited fs.writeFile: wait until the whole report is there. */
async function readSarifWhenWritten(file, expectedResults) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      const sarif = JSON.parse(fs.readFileSync(file, 'utf8'))
      if (sarif.runs?.[0]?.results?.length === expectedResults) return sarif
    } catch {
      // Not written (completely) yet.
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`Electronegativity did not write its report to ${file}`)
}

const parseErrors = result.errors.filter(error => !error.tolerable)
const findings = findingsFromSarif(await readSarifWhenWritten(sarifFile, result.issues.length))
fs.rmSync(outDir, { recursive: true, force: true })
const allowList = readAllowList(allowListFile)

const used = new Set()
const unexpected = findings.filter(finding => {
  const line = sourceLine(finding.file, finding.line)
  const match = allowList.findIndex(
    entry => entry.ruleId === finding.ruleId && entry.file === finding.file && (entry.lineContains == null || line.includes(entry.lineContains))
  )
  if (match >= 0) used.add(match)
  return match < 0
})
const stale = allowList.filter((_entry, index) => !used.has(index))

const summary = {
  input: staged ? 'main/electron + renderer/index.html' : input,
  scannedWithElectron: electronVersion,
  findings: findings.length,
  allowed: findings.length - unexpected.length,
  unexpected,
  staleAllowListEntries: stale.map(entry => `${entry.ruleId} in ${entry.file}`),
  parseErrors: parseErrors.map(error => `${path.relative(input, error.file)}: ${error.message}`)
}
if (staged) fs.rmSync(staged, { recursive: true, force: true })
console.log(JSON.stringify(summary, null, 2))
clearTimeout(timer)
if (unexpected.length > 0 || parseErrors.length > 0 || stale.length > 0) {
  for (const finding of unexpected) console.error(`electronegativity: ${finding.ruleId} in ${finding.file}:${finding.line}: ${finding.message}`)
  for (const error of summary.parseErrors) console.error(`electronegativity: could not scan ${error}`)
  for (const entry of summary.staleAllowListEntries) console.error(`electronegativity: allow-list entry no longer needed: ${entry}`)
  process.exit(1)
}
