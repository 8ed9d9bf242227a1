import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { createTestSession, tempDir } from '../helpers/workspace'
import { asset, flow, importParsed, infrastructure, zone, type Workspace } from './map-builders'

/** A workspace made by the CLI, with a small map stored through the real import. */
async function workspaceWithMap(): Promise<string> {
  const file = path.join(tempDir(), 'clinic.safeguard')
  expect((await runSafeguard(['init', file, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
  const session = createTestSession()
  await session.call('workspace.open', { path: file })
  await importParsed(
    { ...session, workspacePath: file } as Workspace,
    infrastructure({
      zones: [zone('aws:vpc:vpc-phi', 'vpc'), zone('aws:vpc:vpc-general', 'vpc')],
      assets: [asset('aws:rds:patients', 'database', ['aws:vpc:vpc-phi']), asset('aws:lambda:patients', 'function', ['aws:vpc:vpc-general'])],
      flows: [flow('aws:rds:patients', 'aws:lambda:patients', 'reference')]
    })
  )
  session.session.close()
  return file
}

describe('safeguard map', () => {
  it('prints { assets, zones, flows, flags } as JSON only, with typed ids, and writes the drawing with --svg', async () => {
    const ws = await workspaceWithMap()
    const svg = path.join(tempDir(), 'map.svg')
    const run = await runSafeguard(['map', ws, '--json', '--svg', svg])
    expect(fs.readFileSync(svg, 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*patients[\s\S]*<\/svg>\s*$/)
    expect(fs.statSync(svg).mode & 0o777).toBe(0o600)
    expect(run).toMatchObject({ code: 0, stderr: '' })
    const map = JSON.parse(run.stdout)
    expect(Object.keys(map)).toEqual(['assets', 'zones', 'flows', 'flags'])
    expect(map.zones.map((z: { name: string; type: string; phi: null }) => [z.name, z.type, z.phi])).toEqual([
      ['vpc-general', 'vpc', null],
      ['vpc-phi', 'vpc', null]
    ])
    const db = map.assets.find((a: { type: string }) => a.type === 'aws_database')
    expect(db).toMatchObject({ id: expect.stringMatching(/^asset:\d+$/), name: 'patients', phi: null, phiSource: 'unknown' })
    expect(map.flows).toEqual([expect.objectContaining({ from: db.id, kind: 'reference', carries: null })])
    expect(map.flags).toEqual([expect.objectContaining({ rule: 'map-not-reviewed', citation: '90 FR 898 (proposed, not final)', ids: ['map'] })])
  }, 60_000)

  it('sets a zone by name, an asset by id and a flow by --flow, and the defaults follow', async () => {
    const ws = await workspaceWithMap()
    const set = await runSafeguard(['map', 'set', ws, 'vpc-phi', '--phi', 'yes', '--by', 'Dana', '--json'])
    expect(set.stderr).toBe('')
    expect(JSON.parse(set.stdout)).toMatchObject({ name: 'vpc-phi', phi: 'phi', phiSource: 'person' })
    expect((await runSafeguard(['map', 'set', ws, 'vpc-general', '--phi', 'no'])).code).toBe(0)
    const map = JSON.parse((await runSafeguard(['map', ws, '--json'])).stdout)
    const db = map.assets.find((a: { type: string }) => a.type === 'aws_database')
    expect(db).toMatchObject({ phi: 'phi', phiSource: 'inferred' })
    expect(map.flows[0]).toMatchObject({ carries: 'phi', carriesSource: 'inferred' })
    expect(map.flags.map((f: { rule: string }) => f.rule)).toEqual(
      expect.arrayContaining(['phi-service-not-covered', 'phi-zone-reaches-general', 'phi-asset-without-owner'])
    )
    const reach = map.flags.find((f: { rule: string }) => f.rule === 'phi-zone-reaches-general')
    expect(reach.ids).toEqual(expect.arrayContaining([db.id, map.flows[0].id]))

    // Both the database and the function are called "patients": the CLI asks which.
    const ambiguous = await runSafeguard(['map', 'set', ws, 'patients', '--phi', 'no'])
    expect(ambiguous.code).toBe(1)
    expect(ambiguous.stderr).toMatch(/"patients" could mean asset:\d+ \(patients\), asset:\d+ \(patients\): give one of these ids/)
    const lambda = map.assets.find((a: { kind: string }) => a.kind === 'function')
    expect(JSON.parse((await runSafeguard(['map', 'set', ws, lambda.id, '--phi', 'metadata-only', '--json'])).stdout)).toMatchObject({
      phi: 'orchestration',
      phiSource: 'person'
    })
    expect(JSON.parse((await runSafeguard(['map', 'set', ws, '--flow', map.flows[0].id, '--phi', 'no', '--json'])).stdout)).toMatchObject({
      carries: 'none',
      carriesSource: 'person'
    })
  }, 120_000)

  it('refuses bad answers and unknown targets with exit 1, and wrong usage with exit 2', async () => {
    const ws = await workspaceWithMap()
    const bad = await runSafeguard(['map', 'set', ws, 'vpc-phi', '--phi', 'maybe'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/--phi: "maybe" is not one of yes, no, metadata-only, unset/)
    const missing = await runSafeguard(['map', 'set', ws, 'vpc-nowhere', '--phi', 'yes'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/no asset or zone "vpc-nowhere"/)
    expect((await runSafeguard(['map', 'set', ws, 'vpc-phi'])).code).toBe(2)
  }, 120_000)

  it('reports per file what map import did, on stdout as JSON, and each refused file on stderr with exit 1', async () => {
    const ws = await workspaceWithMap()
    const dir = tempDir()
    const missing = path.join(dir, 'missing.tfstate')
    const file = path.resolve(__dirname, '../fixtures/map/clinic-intake_v4.tfstate')
    const run = await runSafeguard(['map', 'import', ws, missing, file, '--json'])
    expect(run.code).toBe(1)
    const reports = JSON.parse(run.stdout)
    expect(reports[0]).toEqual({ file: missing, error: { code: 'not-found', message: expect.stringMatching(/missing\.tfstate: cannot be read/) } })
    expect(reports[1]).toEqual({
      file,
      format: 'terraform-tfstate',
      alreadyImported: false,
      sourceId: expect.any(Number),
      assets: 2,
      zones: 1,
      flows: 1,
      removed: { assets: 0, zones: 0, flows: 0 },
      warnings: []
    })
    expect(run.stderr).toMatch(/missing\.tfstate: cannot be read/)
  }, 60_000)
})
