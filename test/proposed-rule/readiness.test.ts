import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCatalog } from '../../main/assessment/catalog'
import { loadNprm } from '../../main/proposed-rule/nprm'
import { buildReadinessRows } from '../../main/proposed-rule/readiness'
import { readReadinessViewShown, writeReadinessViewShown } from '../../main/proposed-rule/view-setting'
import { createTestSession, createTestWorkspace, tempDir } from '../helpers/workspace'

const now = () => new Date('2026-12-06T15:00:00Z')

describe('proposedRule.readiness', () => {
  it('rows carry the catalog status, the proposal and the workspace answers and decisions', async () => {
    const ws = await createTestWorkspace({ now })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'partly' })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-3', value: 'yes' })
    await ws.call('assessment.setDecision', {
      citation: '164.312(a)(2)(iv)',
      decision: 'equivalent-alternative',
      explanation: 'Full-disk encryption on laptops; the database host is in a locked room.'
    })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'no' })
    const view = await ws.call('proposedRule.readiness', {})

    expect(view.status).toMatchObject({ citation: '90 FR 898', stage: 'proposed', statusAsOf: loadNprm().status.statusAsOf })
    const byCitation = new Map(view.rows.map(row => [row.citation, row]))

    const encryption = byCitation.get('164.312(a)(2)(iv)')!
    expect(encryption).toMatchObject({
      currentRequirement: 'addressable',
      proposal: { becomesRequired: true },
      decision: { kind: 'equivalent-alternative', label: 'Equivalent alternative' },
      answers: { counts: { partly: 1, yes: 1 } }
    })
    expect(encryption.answers.summary).toMatch(/^Yes 1, Partly 1/)
    expect(encryption.proposal.changes.map(change => change.id)).toEqual(['addressable-becomes-required', 'encryption-at-rest'])
    expect(encryption.readinessNote).toMatch(/^Addressable today: your decision is 'Equivalent alternative'\. Would be required if finalised/)

    const authentication = byCitation.get('164.312(d)')!
    expect(authentication).toMatchObject({ currentRequirement: 'required', proposal: { becomesRequired: false }, decision: null })
    expect(authentication.proposal.changes.map(change => change.id)).toEqual(['multi-factor-authentication'])
    expect(authentication.readinessNote).toMatch(/^Required today\. Your answers show gaps under the rule in force today/)

    // Untouched: an addressable specification with no decision.
    expect(byCitation.get('164.312(a)(2)(iii)')!.readinessNote).toMatch(/^Addressable today: no decision recorded yet\. Would be required/)
    expect(byCitation.get('164.312(a)(2)(iii)')!.answers.summary).toBe('Not answered yet')
  })

  it('has a row for every addressable specification and every one the proposal changes, and no other, with the catalog status', async () => {
    const ws = await createTestWorkspace({ now })
    const { rows } = await ws.call('proposedRule.readiness', {})
    const catalog = getCatalog()
    const expected = new Set([
      ...catalog.data.entries.filter(entry => entry.requirement === 'addressable').map(entry => entry.citation),
      ...loadNprm().specifications.map(specification => specification.citation)
    ])
    expect(new Set(rows.map(row => row.citation))).toEqual(expected)
    for (const row of rows) {
      expect(row.currentRequirement, row.citation).toBe(catalog.entry(row.citation)!.requirement)
      expect(row.proposal.becomesRequired, row.citation).toBe(row.currentRequirement === 'addressable')
    }
  })

  it('gives each change its proposed section and where it was read, or not found, and each row the sections found', async () => {
    const ws = await createTestWorkspace({ now })
    const view = await ws.call('proposedRule.readiness', {})
    const nprm = loadNprm()
    expect(view.proposedSectionsNote).toBe(nprm.proposedSections.note)
    expect(view.proposedSectionsCheckedOn).toBe(nprm.proposedSections.checkedOn)
    const listed = new Map(nprm.specifications.flatMap(specification => specification.changes).map(change => [change.id, change]))
    let found = 0
    let notFound = 0
    for (const row of view.rows) {
      const expected: string[] = []
      for (const change of row.proposal.changes) {
        const written = change.id === 'addressable-becomes-required' ? nprm.addressableBecomesRequired : listed.get(change.id)!
        const section = written.proposedSection
        if (section.found) {
          found++
          expect(change.proposedSection, change.id).toEqual({
            found: true,
            section: section.section,
            certainty: section.certainty,
            readIn: nprm.sources[section.readIn],
            frPage: section.frPage
          })
          if (!expected.includes(section.section)) expected.push(section.section)
        } else {
          notFound++
          expect(change.proposedSection, change.id).toEqual({ found: false })
        }
      }
      expect(row.proposedSections, row.citation).toEqual(expected)
    }
    // Both kinds are on screen, so both are checked above.
    expect(found).toBeGreaterThan(0)
    expect(notFound).toBeGreaterThan(0)
  })

  it("counts a section number's certainty in the row's certainty", () => {
    const nprm = structuredClone(loadNprm())
    const target = nprm.specifications.find(specification => specification.citation === '164.312(d)')!
    target.changes[0]!.certainty = 'confirmed'
    const entries = getCatalog().data.entries
    const certaintyOf = () => buildReadinessRows({ nprm, entries, items: [], decisions: [] }).find(row => row.citation === '164.312(d)')!.certainty
    target.changes[0]!.proposedSection = { found: false }
    expect(certaintyOf()).toBe('confirmed')
    target.changes[0]!.proposedSection = { found: true, section: '164.312(f)', readIn: 'FS', frPage: null, certainty: 'unconfirmed' }
    expect(certaintyOf()).toBe('unconfirmed')
  })

  it('never calls anything overdue or compliant', async () => {
    const ws = await createTestWorkspace({ now })
    for (const decision of ['implemented-as-specified', 'equivalent-alternative', 'not-reasonable'] as const) {
      await ws.call('assessment.setDecision', { citation: '164.312(a)(2)(iv)', decision, explanation: 'Laptops are encrypted; servers are not yet.' })
      const text = JSON.stringify(await ws.call('proposedRule.readiness', {}))
      expect(text).not.toMatch(/overdue|\bcompliant\b|\bin compliance\b|\bis compliant\b/i)
    }
  })
})

describe('the readiness view setting', () => {
  it('is off until turned on, and kept in the app data folder across a restart', async () => {
    const ws = await createTestWorkspace({ now })
    expect(await ws.call('proposedRule.viewSetting', {})).toEqual({ shown: false, persisted: true })
    expect(await ws.call('proposedRule.setViewSetting', { shown: true })).toEqual({ shown: true, persisted: true })
    const restarted = createTestSession({ dataDir: ws.session.dataDir! })
    expect(await restarted.call('proposedRule.viewSetting', {})).toEqual({ shown: true, persisted: true })
    await restarted.call('proposedRule.setViewSetting', { shown: false })
    expect(await ws.call('proposedRule.viewSetting', {})).toEqual({ shown: false, persisted: true })
  })

  it('reads as off with no data folder (the command line) or a damaged file', () => {
    expect(readReadinessViewShown(null)).toBe(false)
    const dir = tempDir()
    writeReadinessViewShown(dir, true)
    expect(readReadinessViewShown(dir)).toBe(true)
    fs.writeFileSync(path.join(dir, 'proposed-rule-view.json'), '{"version": 1, "shown": "yes"')
    expect(readReadinessViewShown(dir)).toBe(false)
  })
})
