import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

const fixtures = path.resolve(__dirname, '../fixtures')

/** A workspace made by the real `safeguard init`. */
async function cliWorkspace(): Promise<{ dir: string; file: string }> {
  const dir = tempDir()
  const file = path.join(dir, 'clinic.safeguard')
  const init = await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])
  expect(init.code).toBe(0)
  return { dir, file }
}

describe('safeguard baas / incidents / deadlines', () => {
  it('imports a register and lists it as JSON, flags included', async () => {
    const { file } = await cliWorkspace()
    const imported = await runSafeguard(['baas', 'import', file, path.join(fixtures, 'baas/register.csv')])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    expect(imported.stdout).toMatch(/row 2 {2}ok {8}Sync Relay, LLC/)
    expect(imported.stdout).toMatch(/Imported 3 business associates\./)
    const list = await runSafeguard(['baas', 'list', file, '--as-of', '2026-04-15', '--json'])
    expect(list.code).toBe(0)
    const parsed = JSON.parse(list.stdout) as { name: string; flags: Record<string, unknown> }[]
    // Harbor's agreement expires 31 May 2026: within 60 days of 15 April.
    expect(parsed.find(a => a.name === 'Harbor Cloud Hosting')!.flags).toMatchObject({ expiringSoon: true, phiWithoutSignedBaa: false })
    expect(parsed.map(a => a.name).sort()).toEqual(['Front Desk Coffee', 'Harbor Cloud Hosting', 'Sync Relay, LLC'])
    const readable = await runSafeguard(['baas', 'list', file, '--as-of', '2026-04-15'])
    expect(readable.stdout).toMatch(/Sync Relay, LLC \(under Harbor Cloud Hosting\): subcontractor, BAA signed/)
    expect(readable.stdout).toMatch(/Harbor Cloud Hosting: .*expires 2026-05-31.*\[expiring soon\]/)
  })

  it('refuses a bad register with a per-row report on stderr and a non-zero exit, saving nothing', async () => {
    const { file } = await cliWorkspace()
    const refused = await runSafeguard(['baas', 'import', file, path.join(fixtures, 'baas/register-bad.csv')])
    expect(refused.code).toBe(1)
    expect(refused.stdout).toBe('')
    expect(refused.stderr).toMatch(/row 1 {2}ok/)
    expect(refused.stderr).toMatch(/row 3 {2}rejected {2}Bad Dates Vendor: handlesPhi/)
    expect(refused.stderr).toMatch(/safeguard: Nothing was imported/)
    const list = await runSafeguard(['baas', 'list', file, '--json'])
    expect(JSON.parse(list.stdout)).toEqual([])
  })

  it('imports incidents and prints deadlines as JSON, with an .ics file', async () => {
    const { dir, file } = await cliWorkspace()
    const imported = await runSafeguard(['incidents', 'import', file, path.join(fixtures, 'breach/incident-large-covered-entity.json'), '--json'])
    expect(imported.code).toBe(0)
    expect(JSON.parse(imported.stdout)).toMatchObject({ format: 'json', imported: 1 })
    const ics = path.join(dir, 'deadlines.ics')
    const deadlines = await runSafeguard(['deadlines', file, '--as-of', '2026-04-01', '--json', '--proposed', '--ics', ics])
    expect(deadlines.stderr).toBe('')
    expect(deadlines.code).toBe(0)
    const entries = JSON.parse(deadlines.stdout) as Record<string, unknown>[]
    const title = 'Stolen unencrypted laptop with scheduling export'
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ incident: title, kind: 'individuals', dueOn: '2026-05-09', citation: '45 CFR 164.404(b)', status: 'due' }),
        expect.objectContaining({ incident: title, kind: 'hhs', dueOn: '2026-05-09', citation: '45 CFR 164.408(b)', status: 'due' }),
        expect.objectContaining({ incident: title, kind: 'media', jurisdiction: 'CA', dueOn: '2026-05-09', citation: '45 CFR 164.406' }),
        expect.objectContaining({
          incident: title,
          kind: 'state-regulator',
          jurisdiction: 'VT',
          dueOn: '2026-03-30',
          status: 'overdue',
          checkWithCounsel: true
        }),
        expect.objectContaining({ kind: 'vulnerability-scan', proposed: true, status: 'proposed' }),
        expect.objectContaining({ kind: 'risk-analysis', citation: '45 CFR 164.308(a)(1)(ii)(A)-(B)' })
      ])
    )
    const incidents = await runSafeguard(['incidents', 'list', file, '--as-of', '2026-04-01', '--json'])
    expect(JSON.parse(incidents.stdout)).toEqual([
      expect.objectContaining({
        title,
        totalAffected: 1383,
        overdue: 1,
        next: expect.objectContaining({ kind: 'state-regulator', dueOn: '2026-03-30' })
      })
    ])
    const text = fs.readFileSync(ics, 'utf8')
    expect((text.match(/BEGIN:VEVENT/g) ?? []).length).toBe(entries.length)
    expect(text).toMatch(/DTSTART;VALUE=DATE:20260509/)
  })

  it('prints titles holding terminal escape sequences as visible escapes, never raw', async () => {
    const { dir, file } = await cliWorkspace()
    const hostile = 'Clear\u001b[2J\u001b[Hscreen \u009b31m\u202eevil'
    const csv = path.join(dir, 'hostile.csv')
    const header = fs.readFileSync(path.join(fixtures, 'breach/incidents.csv'), 'utf8').split('\n')[0]
    fs.writeFileSync(csv, `${header}\n"${hostile}",x,demographics,2026-02-02,2026-01-28,covered-entity,yes,TX=2,,no,,,,,breach\n`)
    expect((await runSafeguard(['incidents', 'import', file, csv])).code).toBe(0)
    for (const args of [
      ['incidents', 'list', file],
      ['deadlines', file, '--as-of', '2026-02-10'],
      ['incidents', 'list', file, '--json']
    ]) {
      const run = await runSafeguard(args)
      expect(run.code, args.join(' ')).toBe(0)
      expect(run.stdout + run.stderr).not.toMatch(/[\u001b\u009b\u202e]/)
      expect(run.stdout).toContain('\\u001b[2J')
    }
    const json = JSON.parse((await runSafeguard(['incidents', 'list', file, '--json'])).stdout) as { title: string }[]
    expect(json[0]!.title).toBe(hostile)
  }, 120_000)

  it('prints a readable list without --json, and refuses a bad --as-of', async () => {
    const { file } = await cliWorkspace()
    await runSafeguard(['incidents', 'import', file, path.join(fixtures, 'breach/incidents.csv')])
    const readable = await runSafeguard(['deadlines', file, '--as-of', '2026-04-16', '--no-proposed'])
    expect(readable.code).toBe(0)
    expect(readable.stdout).toMatch(/Deadlines as of 2026-04-16/)
    expect(readable.stdout).toMatch(/2026-06-15 {2}due .*Ransomware, file server: notify each affected individual/)
    expect(readable.stdout).not.toMatch(/Vulnerability scan|\(proposed rule\)/)
    const bad = await runSafeguard(['deadlines', file, '--as-of', '2026-02-30'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/asOf/)
    expect(bad.stdout).toBe('')
  })
})
