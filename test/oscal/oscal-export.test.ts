import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { afterAll, describe, expect, it } from 'vitest'
import { createDemoWorkspace } from '../../main/demo/create-demo'
import { OSCAL_CONTROLS } from '../../main/oscal/catalog-map'
import { createTestSession } from '../helpers/workspace'

const TODAY = '2026-06-15'
const OSCAL_REFERENCE = path.resolve(__dirname, '../../../shared/reference/oscal')
const PYTHON = '/usr/bin/python3'

/** Whether Debian's python3-jsonschema and python3-regex are there for validate.py. */
function validatorMissing(): string | null {
  if (!fs.existsSync(path.join(OSCAL_REFERENCE, 'validate.py'))) return '../shared/reference/oscal is absent'
  try {
    execFileSync(PYTHON, ['-c', 'import jsonschema, regex'], { stdio: 'ignore' })
    return null
  } catch {
    return `${PYTHON} lacks python3-jsonschema or python3-regex`
  }
}

interface Doc {
  [key: string]: unknown
}

/** Every `uuid` field in a document, wherever it is. */
function uuidsOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach(v => uuidsOf(v, found))
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      if (key === 'uuid' && typeof v === 'string') found.push(v)
      else uuidsOf(v, found)
    }
  return found
}

describe('the OSCAL export of the demo practice', () => {
  // One folder for both tests: the second validates what the first wrote (the demo takes a while to build).
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-oscal-'))
  const out = [path.join(dir, 'first'), path.join(dir, 'second')]
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it(
    'writes the same bytes for the same state, with observations, findings on catalog statements, risks, hashed evidence and POA&M items that refer to what exists',
    { timeout: 240_000 },
    async () => {
      const demo = await createDemoWorkspace(path.join(dir, 'demo'), { today: TODAY, appVersion: '0.0.0-test' })
      const ws = createTestSession({ now: () => new Date(`${TODAY}T15:00:00Z`) })
      await ws.call('workspace.open', { path: demo.workspacePath })
      for (const folder of out) fs.mkdirSync(folder)
      const first = await ws.call('documents.exportOscal', { dir: out[0]! })
      await ws.call('documents.exportOscal', { dir: out[1]! })
      const cancelled = new AbortController()
      cancelled.abort()
      await expect(ws.call('documents.exportOscal', { dir: dir }, { signal: cancelled.signal })).rejects.toMatchObject({ code: 'cancelled' })
      expect(fs.readdirSync(dir).sort()).toEqual(['demo', 'first', 'second'])
      const counts = first!
      const { decisions } = await ws.call('assessment.questionnaire', {})
      const results = JSON.parse(fs.readFileSync(path.join(out[0]!, 'assessment-results.json'), 'utf8'))['assessment-results'] as Doc
      const poam = JSON.parse(fs.readFileSync(path.join(out[0]!, 'poam.json'), 'utf8'))['plan-of-action-and-milestones'] as Doc
      for (const name of ['assessment-results.json', 'poam.json'])
        expect(fs.readFileSync(path.join(out[1]!, name)).equals(fs.readFileSync(path.join(out[0]!, name))), name).toBe(true)

      const result = (results.results as Doc[])[0]!
      const observations = result.observations as Doc[]
      const findings = result.findings as Doc[]
      const risks = result.risks as Doc[]
      expect(observations).toHaveLength(counts.observations)
      expect(findings).toHaveLength(counts.findings)
      expect(risks).toHaveLength(counts.risks)
      expect(findings.length).toBeGreaterThan(0)
      expect(risks.length).toBeGreaterThan(0)

      for (const doc of [results, poam]) {
        const uuids = uuidsOf(doc)
        const repeated = uuids.filter((u, i) => uuids.indexOf(u) !== i)
        // A risk appears in both documents, but once in each, and the acceptance log entry has its own id.
        expect(repeated).toEqual([])
      }

      // Nothing typed is lost: each decision on an addressable specification is in an observation of its citation.
      expect(decisions.length).toBeGreaterThan(0)
      for (const d of decisions)
        expect(
          observations.some(o => String(o.description).includes(`Decision on ${d.citation}`) && String(o.description).includes(d.explanation)),
          d.citation
        ).toBe(true)

      const statements = new Set(OSCAL_CONTROLS.map(c => `${c.id}_smt`))
      const observationIds = new Set(observations.map(o => o.uuid))
      const riskIds = new Set(risks.map(r => r.uuid))
      for (const finding of findings) {
        const target = finding.target as Doc
        expect(target.type).toBe('statement-id')
        expect(statements.has(target['target-id'] as string), String(target['target-id'])).toBe(true)
        expect((target.props as Doc[]).some(p => p.name === 'cfr-citation')).toBe(true)
        for (const r of finding['related-observations'] as Doc[]) expect(observationIds.has(r['observation-uuid'])).toBe(true)
        for (const r of (finding['related-risks'] as Doc[] | undefined) ?? []) expect(riskIds.has(r['risk-uuid'])).toBe(true)
      }
      const reviewed = ((result['reviewed-controls'] as Doc)['control-selections'] as Doc[])[0]!['include-controls'] as Doc[]
      const controlIds = new Set(OSCAL_CONTROLS.map(c => c.id))
      for (const c of reviewed) expect(controlIds.has(c['control-id'] as string)).toBe(true)

      // Evidence: the demo's signed agreement, its scan and its attached files, each a back-matter resource with its
      // SHA-256, and its intranet link by address (no file, so no hash); every one referenced by an observation.
      const resources = (results['back-matter'] as Doc).resources as Doc[]
      const linked = resources.filter(r => r.rlinks)
      const hashed = linked.filter(r => (r.rlinks as Doc[])[0]!.hashes)
      expect(hashed.length).toBeGreaterThanOrEqual(5)
      for (const r of hashed)
        expect(((r.rlinks as Doc[])[0]!.hashes as Doc[])[0]).toMatchObject({ algorithm: 'SHA-256', value: expect.stringMatching(/^[0-9a-f]{64}$/) })
      expect(linked.filter(r => !(r.rlinks as Doc[])[0]!.hashes).map(r => (r.rlinks as Doc[])[0]!.href)).toEqual([
        'https://intranet.juniper-ridge.example/security-programme'
      ])
      const evidenceRefs = new Set(observations.flatMap(o => ((o['relevant-evidence'] as Doc[] | undefined) ?? []).map(e => e.href)))
      for (const r of linked) expect(evidenceRefs.has(`#${r.uuid}`), String(r.title)).toBe(true)
      expect((results['import-ap'] as Doc).href).toBe(`#${resources[0]!.uuid}`)

      // The POA&M: tasks and the one acceptance, each tied to a risk the document holds.
      const items = poam['poam-items'] as Doc[]
      expect(items).toHaveLength(counts.poamItems)
      const poamRisks = poam.risks as Doc[]
      const poamRiskIds = new Set(poamRisks.map(r => r.uuid))
      for (const item of items) for (const r of item['related-risks'] as Doc[]) expect(poamRiskIds.has(r['risk-uuid'])).toBe(true)
      const kinds = items.map(i => (i.props as Doc[]).find(p => p.name === 'poam-kind')?.value)
      expect(kinds.filter(k => k === 'accepted-risk')).toHaveLength(1)
      expect(kinds.filter(k => k === 'remediation-task').length).toBeGreaterThan(0)
      expect(poamRisks.filter(r => r.status === 'deviation-approved')).toHaveLength(1)
      expect(poam['system-id']).toBeDefined()
      const milestones = poamRisks.flatMap(r => ((r.remediations as Doc[] | undefined) ?? []).flatMap(m => m.tasks as Doc[]))
      expect(milestones).toHaveLength(kinds.filter(k => k === 'remediation-task').length)
      for (const m of milestones) expect(m.type).toBe('milestone')
    }
  )

  const missing = validatorMissing()
  it.skipIf(missing !== null)(`validates against NIST's OSCAL 1.2.1 schemas${missing ? ` (skipped: ${missing})` : ''}`, () => {
    const schemas = path.join(OSCAL_REFERENCE, 'schemas/1.2.1')
    const run = (schema: string, doc: string) =>
      spawnSync(PYTHON, [path.join(OSCAL_REFERENCE, 'validate.py'), path.join(schemas, schema), doc], { encoding: 'utf8' }).stdout
    expect(run('oscal_assessment-results_schema.json', path.join(out[0]!, 'assessment-results.json'))).toMatch(/: VALID$/m)
    expect(run('oscal_poam_schema.json', path.join(out[0]!, 'poam.json'))).toMatch(/: VALID$/m)
    // The validator does refuse: the same results with a finding's target state a word OSCAL does not have.
    const broken = JSON.parse(fs.readFileSync(path.join(out[0]!, 'assessment-results.json'), 'utf8'))
    broken['assessment-results'].results[0].findings[0].target.status.state = 'failed'
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(broken))
    expect(run('oscal_assessment-results_schema.json', path.join(dir, 'broken.json'))).toMatch(/: INVALID, 1 error/)
  })
})
