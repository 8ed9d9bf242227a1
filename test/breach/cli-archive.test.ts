import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { addFullYears } from '../../main/shared/dates'
import { localDateOf } from '../../main/shared/today'

const fixtures = path.resolve(__dirname, '../fixtures')

async function cliWorkspace(): Promise<string> {
  const file = path.join(tempDir(), 'clinic.safeguard')
  expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
  return file
}

describe('safeguard incidents / baas archive, restore and list --archived', () => {
  it('archives an incident out of the list and the deadlines, lists it archived with its retention, and restores it', async () => {
    const file = await cliWorkspace()
    expect((await runSafeguard(['incidents', 'import', file, path.join(fixtures, 'breach/incidents.csv')])).code).toBe(0)
    const listed = JSON.parse((await runSafeguard(['incidents', 'list', file, '--json'])).stdout) as { id: number; title: string }[]
    const phishing = listed.find(i => i.title === 'Phishing of a billing mailbox')!
    const deadlines = async () => (await runSafeguard(['deadlines', file, '--as-of', '2026-02-10'])).stdout

    expect(await deadlines()).toContain('Phishing of a billing mailbox')
    const archived = await runSafeguard(['incidents', 'archive', file, String(phishing.id), '--reason', 'Entered twice'])
    expect(archived.stderr).toBe('')
    expect(archived.code).toBe(0)
    expect(archived.stdout).toContain(`Archived incident #${phishing.id} Phishing of a billing mailbox.`)

    expect((await runSafeguard(['incidents', 'list', file])).stdout).not.toContain('Phishing of a billing mailbox')
    expect(await deadlines()).not.toContain('Phishing of a billing mailbox')
    const archivedList = await runSafeguard(['incidents', 'list', file, '--archived'])
    // Its latest document date is the record itself, imported today (not the discovery of 2026-02-02): kept six full years from then.
    const today = localDateOf(new Date().toISOString())
    expect(archivedList.stdout).toMatch(
      new RegExp(
        `#${phishing.id} Phishing of a billing mailbox \\(discovered 2026-02-02\\) archived \\d{4}-\\d{2}-\\d{2}, reason: Entered twice\\. Kept until ${addFullYears(today, 6)}: six years from its last document date, ${today} \\(45 CFR 164\\.530\\(j\\)\\); check with counsel\\.`
      )
    )

    const restored = await runSafeguard(['incidents', 'restore', file, String(phishing.id)])
    expect(restored.stdout).toContain(`Restored incident #${phishing.id} Phishing of a billing mailbox.`)
    expect((await runSafeguard(['incidents', 'list', file])).stdout).toContain('Phishing of a billing mailbox')
    expect((await runSafeguard(['incidents', 'list', file, '--archived'])).stdout).toBe('No archived incidents.\n')

    const again = await runSafeguard(['incidents', 'restore', file, String(phishing.id)])
    expect(again.code).not.toBe(0)
    expect(again.stderr).toMatch(/is not archived/)
    const badId = await runSafeguard(['incidents', 'archive', file, 'two'])
    expect(badId.code).not.toBe(0)
    expect(badId.stderr).toMatch(/"two" is not a record number/)
  }, 180_000)

  it('refuses to archive a business associate with a live subcontractor, then archives and restores it once the subcontractor is archived', async () => {
    const file = await cliWorkspace()
    expect((await runSafeguard(['baas', 'import', file, path.join(fixtures, 'baas/register.csv')])).code).toBe(0)
    const listed = JSON.parse((await runSafeguard(['baas', 'list', file, '--json'])).stdout) as { id: number; name: string }[]
    const idOf = (name: string) => String(listed.find(a => a.name === name)!.id)

    const refused = await runSafeguard(['baas', 'archive', file, idOf('Harbor Cloud Hosting')])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('"Harbor Cloud Hosting" still has 1 subcontractor below it in the chain ("Sync Relay, LLC")')

    expect((await runSafeguard(['baas', 'archive', file, idOf('Sync Relay, LLC')])).code).toBe(0)
    expect((await runSafeguard(['baas', 'archive', file, idOf('Harbor Cloud Hosting'), '--reason', 'Moved to another host'])).code).toBe(0)
    const register = (await runSafeguard(['baas', 'list', file])).stdout
    expect(register).not.toContain('Harbor Cloud Hosting')
    expect(register).toContain('Front Desk Coffee')
    const archived = JSON.parse((await runSafeguard(['baas', 'list', file, '--archived', '--json'])).stdout) as { name: string }[]
    expect(archived.map(a => a.name).sort()).toEqual(['Harbor Cloud Hosting', 'Sync Relay, LLC'])

    const restored = await runSafeguard(['baas', 'restore', file, idOf('Harbor Cloud Hosting')])
    expect(restored.stdout).toContain(`Restored business associate #${idOf('Harbor Cloud Hosting')} Harbor Cloud Hosting.`)
    expect((await runSafeguard(['baas', 'list', file])).stdout).toContain('Harbor Cloud Hosting')
  }, 180_000)
})
