import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

const GCP = ownFixture('scoutsuite_results_gcp-clinic-prod-4411.js')
const FIREWALL = 'computeengine-firewall-rule-allows-internal-traffic'

async function importOk(ws: Workspace, file: string) {
  const [result] = await ws.call('scans.import', { paths: [file] })
  if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`)
  return result.scan
}

function findingSources(ws: Workspace, checkId: string): { source: string; citations: string | null }[] {
  const { db } = ws.session.requireWorkspace()
  return db
    .prepare(
      `SELECT f.citation_source AS source, cs.citations AS citations FROM finding f JOIN finding_check c ON c.id = f.check_ref
         LEFT JOIN citation_set cs ON cs.id = f.citation_set_id WHERE c.check_id = ? ORDER BY f.id`
    )
    .all(checkId) as { source: string; citations: string | null }[]
}

/** The GCP fixture again under another run time: another file for the import (another SHA-256), the same checks. */
async function laterGcpRun(): Promise<string> {
  const file = path.join(tempDir(), 'scoutsuite_results_gcp-later.js')
  await writeFile(file, (await readFile(GCP, 'utf8')).replace('2025-03-10 14:02:11+0000', '2025-04-10 14:02:11+0000'))
  return file
}

describe('scans.mapCheck: a person maps a check that maps to nothing', () => {
  it('refuses a citation outside the catalog or an unknown scanner and changes nothing', async () => {
    const ws = await createTestWorkspace()
    await importOk(ws, GCP)
    const before = findingSources(ws, FIREWALL)
    await expect(
      ws.call('scans.mapCheck', { scanner: 'scoutsuite', checkId: FIREWALL, citations: ['164.312(z)(9)'], by: 'Dana' })
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('164.312(z)(9) is not a Security Rule standard or specification in the catalog')
    })
    await expect(ws.call('scans.mapCheck', { scanner: 'nessus', checkId: FIREWALL, citations: ['164.312(a)(1)'], by: 'Dana' })).rejects.toMatchObject(
      {
        code: 'invalid-input',
        message: expect.stringContaining('"nessus" is not a scanner Safeguard reads')
      }
    )
    await expect(
      ws.call('scans.mapCheck', { scanner: 'scoutsuite', checkId: FIREWALL, citations: ['164.312(a)(1)'], by: ' ' })
    ).rejects.toMatchObject({
      code: 'invalid-input'
    })
    expect(await ws.call('scans.checkMappings', {})).toEqual([])
    expect(findingSources(ws, FIREWALL)).toEqual(before)
  })

  it('applies the mapping to stored findings at once, raises the review flag, and offers it again at the next import', async () => {
    const ws = await createTestWorkspace()
    const scan = await importOk(ws, GCP)
    expect(scan.unmappedChecks.map(u => u.checkId)).toEqual([FIREWALL])
    expect(scan.citations).not.toContain('164.312(a)(1)')

    const result = await ws.call('scans.mapCheck', { scanner: 'scoutsuite', checkId: FIREWALL, citations: ['164.312(a)(1)'], by: 'Dana Reyes' })
    const stored = findingSources(ws, FIREWALL)
    expect(result).toMatchObject({ mapping: { scanner: 'scoutsuite', checkId: FIREWALL, citations: ['164.312(a)(1)'], mappedBy: 'Dana Reyes' } })
    expect(result.findingsUpdated).toBe(stored.length)
    expect(result.scansUpdated).toEqual([scan.id])
    expect(stored.every(f => f.source === 'user' && f.citations === '164.312(a)(1)')).toBe(true)

    const [after] = await ws.call('scans.list', {})
    expect(after?.unmappedChecks).toEqual([])
    expect(after?.citations).toContain('164.312(a)(1)')
    const failing = (await ws.call('findings.query', { citation: '164.312(a)(1)', status: 'failed' })).findings
    expect(failing.map(f => [f.checkId, f.citationSource])).toEqual([[FIREWALL, 'user']])
    const flags = await ws.call('findings.reviewFlags', { status: 'open' })
    expect(flags.find(f => f.citation === '164.312(a)(1)')).toMatchObject({ scanId: scan.id, failing: failing[0]?.itemCount })

    // The next import of the same check takes the mapping, marked as the person's.
    const later = await importOk(ws, await laterGcpRun())
    expect(later.unmappedChecks).toEqual([])
    expect(later.citations).toContain('164.312(a)(1)')
    const laterFindings = (await ws.call('findings.query', { scanId: later.id, citation: '164.312(a)(1)' })).findings
    expect(laterFindings.length).toBeGreaterThan(0)
    expect(laterFindings.every(f => f.checkId === FIREWALL && f.citationSource === 'user')).toBe(true)

    // Kept in the workspace: the list a practice library would read.
    expect(await ws.call('scans.checkMappings', {})).toEqual([result.mapping])
  })

  it('never overrides what the file or Safeguard’s tables say, and holds for the whole tool family when named by a format id', async () => {
    const ws = await createTestWorkspace()
    await importOk(ws, GCP)
    const mapped = findingSources(ws, 'cloudsql-instance-ssl-not-required')
    const result = await ws.call('scans.mapCheck', {
      scanner: 'scoutsuite',
      checkId: 'cloudsql-instance-ssl-not-required',
      citations: ['164.312(b)'],
      by: 'Dana'
    })
    expect(result.findingsUpdated).toBe(0)
    expect(findingSources(ws, 'cloudsql-instance-ssl-not-required')).toEqual(mapped)

    const cis = await importOk(ws, ownFixture('powerpipe-cis-benchmark.json'))
    const check = cis.unmappedChecks[0]!
    const byFormat = await ws.call('scans.mapCheck', {
      scanner: 'powerpipe-hipaa',
      checkId: check.checkId,
      citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
      by: 'Dana'
    })
    expect(byFormat.mapping).toMatchObject({ scanner: 'powerpipe', citations: ['164.308(a)(1)(ii)(D)', '164.312(b)'] })
    expect(byFormat.findingsUpdated).toBe(check.findings)
    const [latest] = await ws.call('scans.list', {})
    expect(latest?.unmappedChecks.map(u => u.checkId)).not.toContain(check.checkId)
    expect(latest?.unmappedChecks).toHaveLength(cis.unmappedChecks.length - 1)
  })
})
