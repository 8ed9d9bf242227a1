import { describe, expect, it } from 'vitest'
import { computeBreachObligations } from '../../main/breach/obligations'
import { buildCalendar, needsAttention, retentionEndsOn, type CalendarInput } from '../../main/calendar/calendar'
import { loadCalendarDefinitions, parseCalendarDefinitions } from '../../main/calendar/definitions'
import { incident } from '../breach/helpers'

const base: CalendarInput = { asOf: '2026-04-15', anchorOn: '2026-01-01' }
const item = (items: ReturnType<typeof buildCalendar>, uid: string) => {
  const found = items.find(candidate => candidate.uid === uid)
  if (!found) throw new Error(`no item ${uid} among ${items.map(i => i.uid).join(', ')}`)
  return found
}

describe('recurrence definitions (templates/calendar)', () => {
  it('hold the recurring duties of the issue, proposed ones labelled', () => {
    const definitions = loadCalendarDefinitions()
    const byId = Object.fromEntries(definitions.recurring.map(d => [d.id, d]))
    expect(byId['vulnerability-scan']).toMatchObject({ everyMonths: 6, proposed: true })
    expect(byId['penetration-test']).toMatchObject({ everyMonths: 12, proposed: true })
    for (const id of ['risk-analysis', 'policy-review', 'workforce-training', 'contingency-plan-test']) {
      expect(byId[id]).toMatchObject({ everyMonths: 12, proposed: false })
    }
    expect(definitions.derived['retention-ends'].citation).toBe('45 CFR 164.316(b)(2)(i)')
  })

  it('reject a bad interval or a duplicate id', () => {
    const raw = JSON.parse(JSON.stringify(loadCalendarDefinitions())) as { recurring: Record<string, unknown>[] }
    raw.recurring[0]!.everyMonths = 0
    expect(() => parseCalendarDefinitions(raw)).toThrow(/recurring\.0\.everyMonths/)
    raw.recurring[0]!.everyMonths = 12
    raw.recurring.push(raw.recurring[1]!)
    expect(() => parseCalendarDefinitions(raw)).toThrow(/duplicate id/)
  })
})

describe('compliance calendar', () => {
  it('a duty never done is due from the anchor date', () => {
    const items = buildCalendar(base)
    expect(item(items, 'recurring-risk-analysis')).toMatchObject({ dueOn: '2026-01-01', status: 'overdue' })
    expect(item(items, 'recurring-risk-analysis').basis).toMatch(/No completion recorded/)
  })

  it('the vulnerability scan (proposed rule) recurs 6 months after the last one (31 Oct → 30 Apr), never overdue or due soon', () => {
    const completions = [
      { definitionId: 'vulnerability-scan', doneOn: '2025-10-31' },
      { definitionId: 'vulnerability-scan', doneOn: '2025-04-02' }
    ]
    const at = (asOf: string) => item(buildCalendar({ ...base, asOf, completions, includeProposed: true }), 'recurring-vulnerability-scan')
    expect(at('2026-04-15')).toMatchObject({ dueOn: '2026-04-30', status: 'proposed', proposed: true, checkWithCounsel: true })
    expect(at('2026-04-15').title).toMatch(/proposed rule/)
    // Past its date it is still only proposed: the proposal is not in force.
    expect(at('2026-05-01').status).toBe('proposed')
    expect(needsAttention(buildCalendar({ ...base, asOf: '2027-01-01', includeProposed: true })).filter(i => i.proposed)).toEqual([])
  })

  it('duties of the rule in force keep their statuses by window', () => {
    const completions = [{ definitionId: 'workforce-training', doneOn: '2025-04-30' }]
    const at = (asOf: string, dueSoonDays?: number) =>
      item(buildCalendar({ ...base, asOf, completions, ...(dueSoonDays !== undefined ? { dueSoonDays } : {}) }), 'recurring-workforce-training')
    expect(at('2026-03-31').status).toBe('due-soon') // exactly 30 days left
    expect(at('2026-03-30').status).toBe('upcoming') // 31 days left
    expect(at('2026-03-30', 60).status).toBe('due-soon')
    expect(at('2026-04-30').status).toBe('due-soon')
    expect(at('2026-05-01').status).toBe('overdue')
  })

  it('proposed-rule duties are left out unless asked for, and labelled when they are', () => {
    const kinds = buildCalendar(base).map(i => i.kind)
    expect(kinds).not.toContain('vulnerability-scan')
    expect(kinds).not.toContain('penetration-test')
    expect(kinds).toContain('risk-analysis')
    const included = buildCalendar({ ...base, includeProposed: true }).filter(i => i.proposed)
    expect(included.map(i => i.kind).sort()).toEqual(
      loadCalendarDefinitions()
        .recurring.filter(d => d.proposed)
        .map(d => d.id)
        .sort()
    )
    expect(included.every(i => i.status === 'proposed' && i.checkWithCounsel && / \(proposed rule\)$/.test(i.title))).toBe(true)
  })

  it('business associate agreements: renewal on expiry, review on their cadence', () => {
    const items = buildCalendar({
      ...base,
      businessAssociates: [
        { id: 'ba1', name: 'Cloud host', baaStatus: 'signed', effectiveOn: '2025-05-01', expiresOn: '2026-05-01' },
        { id: 'ba2', name: 'Billing', baaStatus: 'signed', effectiveOn: '2024-01-01', lastReviewOn: '2026-01-10', reviewEveryMonths: 6 },
        { id: 'ba3', name: 'Shredding', baaStatus: 'expired', expiresOn: '2026-02-01' },
        { id: 'ba4', name: 'Old vendor', baaStatus: 'terminated', expiresOn: '2026-02-01' },
        { id: 'ba5', name: 'Prospect', baaStatus: 'requested' }
      ]
    })
    expect(item(items, 'baa-renewal-ba1')).toMatchObject({ dueOn: '2026-05-01', status: 'due-soon' })
    expect(item(items, 'baa-review-ba1')).toMatchObject({ dueOn: '2026-05-01' })
    expect(item(items, 'baa-review-ba2')).toMatchObject({ dueOn: '2026-07-10', status: 'upcoming' })
    expect(item(items, 'baa-renewal-ba3')).toMatchObject({ dueOn: '2026-02-01', status: 'overdue' })
    expect(items.filter(i => i.source.id === 'ba4' || i.source.id === 'ba5')).toEqual([])
  })

  it('retention ends 6 years after the later of creation and last in effect; a 29 February start ends on 1 March', () => {
    expect(retentionEndsOn({ createdOn: '2020-01-15', lastInEffectOn: '2024-02-29' })).toBe('2030-03-01')
    expect(retentionEndsOn({ createdOn: '2021-07-01', lastInEffectOn: '2021-03-01' })).toBe('2027-07-01')
    expect(retentionEndsOn({ createdOn: '2021-07-01' })).toBeUndefined()
    const items = buildCalendar({
      ...base,
      documents: [
        { id: 'd1', title: 'Old access policy', createdOn: '2018-01-01', lastInEffectOn: '2020-03-31' },
        { id: 'd2', title: 'Current policy', createdOn: '2025-01-01' }
      ]
    })
    expect(item(items, 'retention-d1')).toMatchObject({ dueOn: '2026-03-31', status: 'retention-ended' })
    expect(items.some(i => i.uid === 'retention-d2')).toBe(false)
  })

  it('every breach obligation appears, with incident statuses kept', () => {
    const assessment = computeBreachObligations(incident({ discoveredOn: '2026-03-01', affectedByState: { GA: 600 } }), {
      asOf: '2026-04-15',
      noticesDone: [{ kind: 'individuals', doneOn: '2026-04-01' }]
    })
    const items = buildCalendar({ ...base, incidents: [{ id: 'inc7', title: 'Laptop', obligations: assessment.obligations }] })
    expect(item(items, 'incident-inc7-individuals')).toMatchObject({ kind: 'individuals', status: 'done', doneOn: '2026-04-01' })
    // HHS is told "contemporaneously with" the letters (164.408(b)): due the day they went out, so overdue by 15 April.
    expect(item(items, 'incident-inc7-hhs')).toMatchObject({ kind: 'hhs', dueOn: '2026-04-01', status: 'overdue', citation: '45 CFR 164.408(b)' })
    expect(item(items, 'incident-inc7-media:GA')).toMatchObject({ kind: 'media', jurisdiction: 'GA' })
  })

  it('needs attention = overdue or due soon, sorted by date', () => {
    const items = buildCalendar({ ...base, completions: [{ definitionId: 'workforce-training', doneOn: '2025-04-30' }] })
    const attention = needsAttention(items)
    expect(attention.length).toBeGreaterThan(0)
    expect(attention.every(i => i.status === 'overdue' || i.status === 'due-soon')).toBe(true)
    expect(attention.map(i => i.dueOn)).toEqual([...attention.map(i => i.dueOn)].sort())
    expect(attention.map(i => i.uid)).toContain('recurring-workforce-training')
  })
})
