// OSCAL: attached evidence is a back-matter resource (a file with its SHA-256 in rlinks hashes, a link by its address)
// and relevant-evidence on the observation of the answer it supports, with its dates as props; the documents stay
// valid against NIST's schemas where the validator is installed.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { createTestWorkspace } from '../helpers/workspace'

const OSCAL_REFERENCE = path.resolve(__dirname, '../../../shared/reference/oscal')
const PYTHON = '/usr/bin/python3'

function validatorMissing(): string | null {
  if (!fs.existsSync(path.join(OSCAL_REFERENCE, 'validate.py'))) return '../shared/reference/oscal is absent'
  try {
    execFileSync(PYTHON, ['-c', 'import jsonschema, regex'], { stdio: 'ignore' })
    return null
  } catch {
    return `${PYTHON} lacks python3-jsonschema or python3-regex`
  }
}

interface Resource {
  uuid: string
  title: string
  rlinks: { href: string; hashes?: { algorithm: string; value: string }[] }[]
  props?: { name: string; value: string }[]
}

describe('evidence in the OSCAL assessment results', () => {
  const missing = validatorMissing()
  it(`is relevant evidence with hashes and dates${missing ? ` (schema check skipped: ${missing})` : ', valid against the schemas'}`, async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-12-07T12:00:00Z') })
    const question = readCatalog().questions.find(q => q.group !== 'cloud')!
    await ws.call('assessment.setAnswer', { questionId: question.id, value: 'yes' })
    const content = 'Backup restore test log, November 2026\n'
    const file = path.join(ws.dir, 'restore-test.log')
    fs.writeFileSync(file, content)
    const item = await ws.call('evidence.addFile', {
      target: { kind: 'answer', id: question.id },
      path: file,
      title: 'Restore test',
      effectiveAsOf: '2026-11-20',
      expiresOn: '2027-11-20'
    })
    const link = await ws.call('evidence.addLink', {
      target: { kind: 'decision', id: question.citations[0]! },
      url: 'https://wiki.example/restore-procedure',
      title: 'Restore procedure',
      effectiveAsOf: '2026-01-10',
      expiresOn: '2026-06-30'
    })
    const archived = await ws.call('evidence.addLink', {
      target: { kind: 'answer', id: question.id },
      url: 'https://wiki.example/old',
      title: 'Old procedure',
      effectiveAsOf: '2025-01-10'
    })
    await ws.call('evidence.archive', { id: archived.id })

    const dir = path.join(ws.dir, 'oscal')
    fs.mkdirSync(dir)
    await ws.call('documents.exportOscal', { dir })
    const resultsFile = path.join(dir, 'assessment-results.json')
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'))['assessment-results']
    const resources: Resource[] = results['back-matter'].resources
    const fileResource = resources.find(r => r.title === 'Evidence: Restore test')!
    expect(fileResource.rlinks).toEqual([
      { href: 'restore-test.log', hashes: [{ algorithm: 'SHA-256', value: createHash('sha256').update(content).digest('hex') }] }
    ])
    expect(item!.sha256).toBe(fileResource.rlinks[0]!.hashes![0]!.value)
    const linkResource = resources.find(r => r.title === 'Evidence: Restore procedure')!
    expect(linkResource.rlinks).toEqual([{ href: link.url }])
    expect(resources.some(r => r.title === 'Evidence: Old procedure')).toBe(false)

    const observation = results.results[0].observations.find((o: { props?: { name: string; value: string }[] }) =>
      o.props?.some(p => p.name === 'question-id' && p.value === question.id)
    )
    expect(observation.methods).toContain('EXAMINE')
    const evidence = observation['relevant-evidence'] as { href: string; props?: { name: string; value: string }[] }[]
    expect(evidence.map(e => e.href)).toEqual(expect.arrayContaining([`#${fileResource.uuid}`, `#${linkResource.uuid}`]))
    const onLink = evidence.find(e => e.href === `#${linkResource.uuid}`)!
    expect(Object.fromEntries(onLink.props!.map(p => [p.name, p.value]))).toMatchObject({
      'evidence-effective-as-of': '2026-01-10',
      'evidence-expires-on': '2026-06-30',
      'evidence-stale': 'true'
    })

    if (missing === null) {
      const schema = path.join(OSCAL_REFERENCE, 'schemas/1.2.1/oscal_assessment-results_schema.json')
      const run = spawnSync(PYTHON, [path.join(OSCAL_REFERENCE, 'validate.py'), schema, resultsFile], { encoding: 'utf8' })
      expect(run.stdout, run.stderr).toMatch(/: VALID$/m)
    }
  })
})
