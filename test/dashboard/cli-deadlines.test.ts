import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

describe('safeguard deadlines: the due wording the app shows', () => {
  it('prints days left in the same words, and says a never-done duty has no completion instead of a due date', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
    const incidents = path.join(dir, 'incidents.json')
    fs.writeFileSync(
      incidents,
      JSON.stringify([{ title: 'Laptop', discoveredOn: '2026-03-01', role: 'covered-entity', unsecuredPhi: true, affectedByState: { GA: 600 } }])
    )
    expect((await runSafeguard(['incidents', 'import', file, incidents])).code).toBe(0)

    const json = await runSafeguard(['deadlines', file, '--as-of', '2026-04-15', '--json'])
    expect(json.code).toBe(0)
    const entries = JSON.parse(json.stdout) as { title: string; daysLeft: number; dueText: string; neverDone?: boolean }[]
    // Discovered 1 March: the individuals' notice is due 30 April, 15 days after 15 April.
    expect(entries.find(e => e.title === 'Laptop: notify each affected individual')).toMatchObject({ daysLeft: 15, dueText: 'Due in 15 days' })
    expect(entries.find(e => e.title === 'Contingency plan test')).toMatchObject({ neverDone: true })

    const text = await runSafeguard(['deadlines', file, '--as-of', '2026-04-15'])
    expect(text.stdout).toMatch(/Laptop: notify each affected individual {2}\[45 CFR 164\.404\(b\)\] {2}Due in 15 days/)
    expect(text.stdout).toMatch(/Contingency plan test {2}\[[^\]]+\] {2}no completion recorded yet/)
  }, 120_000)
})
