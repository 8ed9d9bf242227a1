import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace } from '../helpers/workspace'

const FIXTURES = path.resolve(__dirname, '../fixtures/risks')

/** A workspace with three assets and two risks made in-process, closed so the CLI has it to itself. */
async function clinic(): Promise<{ dir: string; file: string }> {
  const ws = await createTestWorkspace({ now: () => new Date('2026-03-10T12:00:00Z') })
  const ids: number[] = []
  for (const [name, kind] of [
    ['Front desk laptop', 'workstation'],
    ['Paper charts', 'paper'],
    ['EHR', 'application']
  ] as const)
    ids.push((await ws.call('map.addAsset', { name, kind, phi: 'phi' })).id)
  await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'no' })
  const theft = await ws.call('risks.create', {
    assetIds: [ids[0]!],
    threatId: 'equipment-loss-theft',
    likelihood: 'high',
    impact: 'high',
    owner: 'Office manager',
    vulnerabilities: [{ kind: 'question', ref: 'q-312-a2-iv-1' }]
  })
  await ws.call('risks.setTreatment', { id: theft.id, treatment: { kind: 'mitigate' } })
  await ws.call('risks.addTask', { riskId: theft.id, title: 'Encrypt laptops', dueOn: '2026-04-30' })
  const flood = await ws.call('risks.create', { assetIds: [ids[1]!], threatId: 'natural-disaster', likelihood: 'low', impact: 'medium' })
  await ws.call('risks.setTreatment', {
    id: flood.id,
    treatment: { kind: 'accept', approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Charts move to the EHR', expiresOn: '2026-12-31' }
  })
  ws.session.close()
  return { dir: ws.dir, file: ws.workspacePath }
}

// Each run starts the real command in a child process, a few seconds each on a busy machine.
describe('safeguard risks', { timeout: 120_000 }, () => {
  it('prints each risk with assets, threat, vulnerabilities, rating, treatment, residual, owner, due date and acceptance; --json prints only JSON', async () => {
    const { file } = await clinic()
    const json = await runSafeguard(['risks', file, '--json'])
    expect(json).toMatchObject({ code: 0, stderr: '' })
    const risks = JSON.parse(json.stdout) as Record<string, unknown>[]
    expect(risks).toHaveLength(2)
    expect(risks[0]).toMatchObject({
      title: 'Loss or theft of equipment or data: Front desk laptop',
      assets: ['Front desk laptop'],
      threat: { id: 'equipment-loss-theft', name: 'Loss or theft of equipment or data' },
      vulnerabilities: [{ kind: 'question', ref: 'q-312-a2-iv-1', state: 'present' }],
      likelihood: 'high',
      impact: 'high',
      level: 'critical',
      treatment: { kind: 'mitigate' },
      residualLevel: null,
      owner: 'Office manager',
      dueOn: '2026-04-30',
      acceptance: null,
      tasks: [{ title: 'Encrypt laptops', dueOn: '2026-04-30', status: 'open' }]
    })
    expect(risks[1]).toMatchObject({
      level: 'low',
      acceptance: { approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Charts move to the EHR', expiresOn: '2026-12-31' }
    })

    const text = await runSafeguard(['risks', file])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain('2 risks, highest first:')
    expect(text.stdout).toContain(
      '[Critical → Not rated] Loss or theft of equipment or data: Front desk laptop  (in-treatment, owner Office manager, due 2026-04-30)'
    )
    expect(text.stdout).toContain('accepted by Dr. Lee on 2026-03-10 until 2026-12-31: Charts move to the EHR')
  })

  it('exports to Excel and CSV, and imports all or nothing with a per-row report on stderr', async () => {
    const { dir, file } = await clinic()
    const xlsx = path.join(dir, 'register.xlsx')
    const exported = await runSafeguard(['risks', 'export', file, '--out', xlsx, '--json'])
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(exported.stdout)).toEqual({ path: xlsx, format: 'xlsx', rows: 2 })
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')
    const csv = path.join(dir, 'register.csv')
    expect((await runSafeguard(['risks', 'export', file, '--out', csv])).stdout).toBe(`Wrote 2 risks to ${csv}.\n`)

    const refused = await runSafeguard(['risks', 'import', file, path.join(FIXTURES, 'bad-rows.csv')])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('row 2  rejected  Server in the closet: Assets: unknown asset "Server closet PC" (not in the map)')
    expect(refused.stderr).toContain('row 6  rejected  Backups: Due on: The due date cannot be before the day the risk was found')
    expect(refused.stderr).toMatch(/Nothing was imported: 5 of 6 rows/)
    expect(JSON.parse((await runSafeguard(['risks', file, '--json'])).stdout)).toHaveLength(2)

    const imported = await runSafeguard(['risks', 'import', file, path.join(FIXTURES, 'good-rows.csv'), '--json'])
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'csv', imported: 3 })
    expect(JSON.parse((await runSafeguard(['risks', file, '--json'])).stdout)).toHaveLength(5)
  })
})
