import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace, type TestSession } from '../helpers/workspace'

let instant = new Date('2026-03-10T12:00:00Z')
const clock = () => instant

async function workspace() {
  instant = new Date('2026-03-10T12:00:00Z')
  return createTestWorkspace({ now: clock })
}

async function asset(
  ws: TestSession,
  name: string,
  kind: 'workstation' | 'database' | 'paper' | 'application' | 'bucket',
  phi: 'phi' | 'general' | null = 'phi'
) {
  return (await ws.call('map.addAsset', { name, kind, phi, owner: `${name} owner` })).id
}

describe('risks: free entry, field-level edits and the register', () => {
  it('creates a risk on assets × a threat, returns it whole and saves each field on its own with an audit', async () => {
    const ws = await workspace()
    const laptop = await asset(ws, 'Front desk laptop', 'workstation')
    const ehr = await asset(ws, 'EHR', 'application')
    const created = await ws.call('risks.create', { assetIds: [laptop, ehr], threatId: 'equipment-loss-theft', owner: 'Office manager' })
    expect(created).toMatchObject({
      title: 'Loss or theft of equipment or data: Front desk laptop and EHR',
      assets: [
        { id: laptop, name: 'Front desk laptop', kind: 'workstation' },
        { id: ehr, name: 'EHR', kind: 'application' }
      ],
      threat: { id: 'equipment-loss-theft', name: 'Loss or theft of equipment or data' },
      level: null,
      levelLabel: 'Not rated',
      status: 'open',
      foundOn: '2026-03-10',
      treatment: null
    })

    await ws.call('risks.update', { id: created.id, likelihood: 'high' })
    await ws.call('risks.update', { id: created.id, likelihoodRationale: 'Laptops leave the office daily' })
    const rated = await ws.call('risks.update', { id: created.id, impact: 'medium', existingControls: 'Screen lock after 5 minutes' })
    expect(rated).toMatchObject({
      likelihood: 'high',
      likelihoodRationale: 'Laptops leave the office daily',
      impact: 'medium',
      level: 'high',
      levelLabel: 'High',
      existingControls: 'Screen lock after 5 minutes',
      owner: 'Office manager'
    })
    const moved = await ws.call('risks.update', { id: created.id, assetIds: [laptop] })
    expect(moved.assets.map(a => a.name)).toEqual(['Front desk laptop'])

    await expect(ws.call('risks.create', { assetIds: [laptop], threatId: 'alien-invasion' })).rejects.toThrow(/no threat "alien-invasion"/)
    await expect(ws.call('risks.create', { assetIds: [], threatId: 'ransomware' })).rejects.toThrow(/at least one asset/)
    await expect(ws.call('risks.create', { assetIds: [9999], threatId: 'ransomware' })).rejects.toThrow(/no asset 9999/)
    await expect(ws.call('risks.update', { id: created.id, dueOn: '2026-01-01' })).rejects.toThrow(/before the day the risk was found \(2026-03-10\)/)
    await expect(ws.call('risks.update', { id: created.id, likelihood: 'extreme' as 'high' })).rejects.toMatchObject({ code: 'invalid-input' })
    expect((await ws.call('risks.get', { id: created.id })).dueOn).toBeNull()

    const { db } = ws.context().workspace()
    const audit = db.prepare('SELECT field, old_value, new_value FROM risk_audit WHERE scenario_key = ? ORDER BY id').all(created.key)
    expect(audit).toEqual([
      { field: 'created', old_value: null, new_value: created.key },
      { field: 'likelihood', old_value: null, new_value: 'high' },
      { field: 'likelihoodRationale', old_value: '', new_value: 'Laptops leave the office daily' },
      { field: 'impact', old_value: null, new_value: 'medium' },
      { field: 'existingControls', old_value: '', new_value: 'Screen lock after 5 minutes' },
      { field: 'assets', old_value: 'Front desk laptop; EHR', new_value: 'Front desk laptop' }
    ])
  })

  it('sorts highest risk first with every unrated risk after the rated ones, and filters', async () => {
    const ws = await workspace()
    const laptop = await asset(ws, 'Laptop', 'workstation')
    const db = await asset(ws, 'Patient DB', 'database')
    const make = async (
      assetId: number,
      threatId: string,
      likelihood: 'low' | 'medium' | 'high' | null,
      impact: 'low' | 'medium' | 'high' | null,
      owner = ''
    ) => (await ws.call('risks.create', { assetIds: [assetId], threatId, likelihood, impact, owner })).id
    const unrated1 = await make(laptop, 'phishing', null, null)
    const low = await make(laptop, 'improper-disposal', 'low', 'low', 'IT')
    const unrated2 = await make(db, 'ransomware', 'high', null)
    const critical = await make(db, 'misconfiguration-exposure', 'high', 'high', 'CTO')
    const medium = await make(db, 'hardware-failure', 'medium', 'medium', 'CTO')

    const list = await ws.call('risks.list', {})
    expect(list.rows.map(r => [r.id, r.levelLabel])).toEqual([
      [critical, 'Critical'],
      [medium, 'Medium'],
      [low, 'Low'],
      [unrated1, 'Not rated'],
      [unrated2, 'Not rated']
    ])
    expect(list.total).toBe(5)
    const ids = async (filter: object) => (await ws.call('risks.list', { filter })).rows.map(r => r.id)
    expect(await ids({ assetId: laptop })).toEqual([low, unrated1])
    expect(await ids({ owner: 'cto' })).toEqual([critical, medium])
    expect(await ids({ level: 'unrated' })).toEqual([unrated1, unrated2])
    expect(await ids({ threatId: 'ransomware' })).toEqual([unrated2])
    expect(await ids({ treatment: 'none', status: 'open', search: 'patient' })).toEqual([critical, medium, unrated2])
    expect((await ws.call('risks.list', { sort: 'owner' })).rows.map(r => r.owner)).toEqual(['CTO', 'CTO', 'IT', '', ''])
    expect((await ws.call('risks.list', { limit: 2, offset: 1 })).rows.map(r => r.id)).toEqual([medium, low])
  })
})

describe('risks: treatment', () => {
  it('accepts only with a named approver, a date, a reason and an expiry, and brings the risk back for review after expiry', async () => {
    const ws = await workspace()
    const paper = await asset(ws, 'Paper charts', 'paper')
    const risk = await ws.call('risks.create', { assetIds: [paper], threatId: 'natural-disaster', likelihood: 'low', impact: 'medium' })
    await expect(
      ws.call('risks.setTreatment', {
        id: risk.id,
        treatment: { kind: 'accept', approver: ' ', approvedOn: '2026-03-10', reason: 'Cost', expiresOn: '2027-03-10' }
      })
    ).rejects.toThrow(/Name the person who approved/)
    await expect(
      ws.call('risks.setTreatment', {
        id: risk.id,
        treatment: { kind: 'accept', approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Cost' } as never
      })
    ).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(
      ws.call('risks.setTreatment', {
        id: risk.id,
        treatment: { kind: 'accept', approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Cost', expiresOn: '2026-03-01' }
      })
    ).rejects.toThrow(/expire after the day it was approved/)
    expect((await ws.call('risks.get', { id: risk.id })).treatment).toBeNull()

    const accepted = await ws.call('risks.setTreatment', {
      id: risk.id,
      treatment: {
        kind: 'accept',
        approver: 'Dr. Lee',
        approvedOn: '2026-03-10',
        reason: 'Records move to the EHR this year',
        expiresOn: '2026-09-30'
      }
    })
    expect(accepted).toMatchObject({
      treatment: 'accept',
      status: 'treated',
      acceptance: { approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Records move to the EHR this year', expiresOn: '2026-09-30' },
      review: null
    })
    instant = new Date('2026-10-01T12:00:00Z')
    const expired = await ws.call('risks.get', { id: risk.id })
    expect(expired.review).toEqual({
      reason: 'acceptance-expired',
      message: 'Accepted by Dr. Lee until 2026-09-30; the acceptance has expired, so the risk is back for review.'
    })
    expect((await ws.call('risks.overview', {})).needsReview).toBe(1)
  })

  it('transfers to a business associate of the register or an insurer, and avoids with what was changed', async () => {
    const ws = await workspace()
    const billing = (await ws.call('baas.create', { associate: { name: 'Acme Billing', baaStatus: 'signed' } })).id
    const db = await asset(ws, 'Claims DB', 'database')
    const risk = await ws.call('risks.create', { assetIds: [db], threatId: 'ransomware' })
    await expect(ws.call('risks.setTreatment', { id: risk.id, treatment: { kind: 'transfer', to: 'business-associate' } })).rejects.toThrow(
      /Choose the business associate/
    )
    await expect(ws.call('risks.setTreatment', { id: risk.id, treatment: { kind: 'transfer', to: 'insurer' } })).rejects.toThrow(/Name the insurer/)
    const toBa = await ws.call('risks.setTreatment', {
      id: risk.id,
      treatment: { kind: 'transfer', to: 'business-associate', businessAssociateId: billing }
    })
    expect(toBa.treatmentDetail).toEqual({ kind: 'transfer', to: 'business-associate', party: 'Acme Billing', businessAssociateId: billing })
    const insured = await ws.call('risks.setTreatment', { id: risk.id, treatment: { kind: 'transfer', to: 'insurer', party: 'Cyber Mutual' } })
    expect(insured.treatmentDetail).toEqual({ kind: 'transfer', to: 'insurer', party: 'Cyber Mutual', businessAssociateId: null })
    const avoided = await ws.call('risks.setTreatment', { id: risk.id, treatment: { kind: 'avoid', how: 'Claims no longer stored locally' } })
    expect(avoided).toMatchObject({
      treatment: 'avoid',
      treatmentDetail: { kind: 'avoid', how: 'Claims no longer stored locally' },
      status: 'treated'
    })
  })

  it('mitigates with remediation tasks; closing one asks for its evidence; an open task past its date makes the risk overdue', async () => {
    const ws = await workspace()
    const laptop = await asset(ws, 'Laptop', 'workstation')
    const risk = await ws.call('risks.create', { assetIds: [laptop], threatId: 'equipment-loss-theft', likelihood: 'high', impact: 'high' })
    const mitigated = await ws.call('risks.setTreatment', { id: risk.id, treatment: { kind: 'mitigate' } })
    expect(mitigated.status).toBe('in-treatment')
    await expect(ws.call('risks.addTask', { riskId: risk.id, title: 'Encrypt disks', dueOn: '2026-01-01' })).rejects.toThrow(
      /before the day the risk was found/
    )
    const encrypt = await ws.call('risks.addTask', { riskId: risk.id, title: 'Encrypt disks', owner: 'IT', dueOn: '2026-04-01' })
    const train = await ws.call('risks.addTask', { riskId: risk.id, title: 'Train staff', dueOn: '2026-03-20' })
    expect((await ws.call('risks.get', { id: risk.id })).dueOn).toBe('2026-03-20')

    await expect(ws.call('risks.completeTask', { id: encrypt.id, evidence: '  ' })).rejects.toThrow(/Describe the evidence/)
    await expect(ws.call('risks.completeTask', { id: encrypt.id, evidence: 'BitLocker report', evidenceAttachment: 'a'.repeat(64) })).rejects.toThrow(
      /no attachment/
    )
    const done = await ws.call('risks.completeTask', { id: encrypt.id, evidence: 'BitLocker recovery keys escrowed, report of 2026-03-12' })
    expect(done).toMatchObject({
      status: 'done',
      doneOn: '2026-03-10',
      evidence: 'BitLocker recovery keys escrowed, report of 2026-03-12',
      overdue: false
    })

    instant = new Date('2026-03-25T12:00:00Z')
    const late = await ws.call('risks.get', { id: risk.id })
    expect(late.overdue).toBe(true)
    expect(late.tasks.map(t => [t.title, t.status, t.overdue])).toEqual([
      ['Train staff', 'open', true],
      ['Encrypt disks', 'done', false]
    ])
    const reopened = await ws.call('risks.updateTask', { id: encrypt.id, status: 'in-progress' })
    expect(reopened).toMatchObject({ status: 'in-progress', evidence: null, doneOn: null })
    await ws.call('risks.deleteTask', { id: train.id })
    expect((await ws.call('risks.get', { id: risk.id })).overdue).toBe(false)
  })
})

describe('risks: suggestions, not yet assessed, overview and periods', () => {
  it('suggests asset × threat scenarios from questionnaire gaps, confirms one with its vulnerabilities linked, and remembers a dismissal', async () => {
    const ws = await workspace()
    const laptop = await asset(ws, 'Laptop', 'workstation')
    await asset(ws, 'Marketing site', 'bucket', 'general')
    // 164.312(a)(2)(iv) encryption: a gap that makes loss or theft of a laptop worse.
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'no' })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'no' })
    const before = await ws.call('risks.suggestions', {})
    const theft = before.suggestions.find(s => s.key.endsWith('|equipment-loss-theft'))!
    expect(theft.asset).toMatchObject({ id: laptop, name: 'Laptop' })
    expect(theft.vulnerabilities.map(v => [v.kind, v.ref])).toContainEqual(['question', 'q-312-a2-iv-1'])
    expect(before.suggestions.every(s => s.asset.name !== 'Marketing site')).toBe(true)

    const confirmed = await ws.call('risks.confirmSuggestion', { key: theft.key })
    expect(confirmed).toMatchObject({ threat: { id: 'equipment-loss-theft' }, owner: 'Laptop owner', assets: [{ id: laptop }] })
    expect(confirmed.vulnerabilities).toContainEqual(expect.objectContaining({ kind: 'question', ref: 'q-312-a2-iv-1', state: 'present' }))

    const after = await ws.call('risks.suggestions', {})
    expect(after.suggestions.map(s => s.key)).not.toContain(theft.key)
    const other = after.suggestions[0]!
    await expect(ws.call('risks.dismissSuggestion', { key: other.key, reason: '' })).rejects.toThrow(/Give the reason/)
    await ws.call('risks.dismissSuggestion', { key: other.key, reason: 'Laptops never hold ePHI locally' })
    const dismissed = await ws.call('risks.suggestions', {})
    expect(dismissed.suggestions.map(s => s.key)).not.toContain(other.key)
    expect(dismissed.dismissed).toEqual([{ key: other.key, reason: 'Laptops never hold ePHI locally', dismissedAt: '2026-03-10T12:00:00.000Z' }])
    await ws.call('risks.restoreSuggestion', { key: other.key })
    expect((await ws.call('risks.suggestions', {})).suggestions.map(s => s.key)).toContain(other.key)

    // When the gap closes, the linked vulnerability shows as resolved.
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'yes' })
    expect((await ws.call('risks.get', { id: confirmed.id })).vulnerabilities).toContainEqual(
      expect.objectContaining({ ref: 'q-312-a2-iv-1', state: 'resolved' })
    )
  })

  it('suggests from a failing scanner check on the asset and from a map flag on it, and links them by reference', async () => {
    const ws = await workspace()
    // Read in place from the project's own scanner fixtures: s3_bucket_default_encryption fails on patient-scans.
    await ws.call('scans.import', { paths: [path.resolve(__dirname, '../fixtures/scanners/prowler-v5.ocsf.json')] })
    const bucket = await asset(ws, 'patient-scans', 'bucket')
    const drive = (await ws.call('map.addAsset', { name: 'Backup drive', kind: 'storage-device', phi: 'phi', owner: 'IT', encryptedAtRest: false }))
      .id
    const { suggestions } = await ws.call('risks.suggestions', {})
    const exposure = suggestions.find(s => s.asset.id === bucket && s.threat.id === 'misconfiguration-exposure')!
    const finding = exposure.vulnerabilities.find(v => v.kind === 'finding')!
    expect(finding.label).toMatch(/^s3_bucket_default_encryption: /)
    expect(finding.citations).toContain('164.312(a)(2)(iv)')
    const theft = suggestions.find(s => s.asset.id === drive && s.threat.id === 'equipment-loss-theft')!
    const flag = theft.vulnerabilities.find(v => v.kind === 'map-flag')!
    expect(flag).toMatchObject({ ref: expect.stringMatching(/^phi-unencrypted-at-rest /), citations: ['164.312(a)(2)(iv)'] })
    expect(flag.label).toMatch(/Backup drive holds PHI without encryption at rest/)

    const risk = await ws.call('risks.create', {
      assetIds: [bucket],
      threatId: 'misconfiguration-exposure',
      vulnerabilities: [{ kind: 'finding', ref: finding.ref }]
    })
    expect(risk.vulnerabilities).toEqual([expect.objectContaining({ kind: 'finding', ref: finding.ref, state: 'present' })])
    const linked = await ws.call('risks.linkVulnerability', { riskId: risk.id, vulnerability: { kind: 'map-flag', ref: flag.ref } })
    expect(linked.vulnerabilities.map(v => v.kind)).toEqual(['finding', 'map-flag'])
    await expect(ws.call('risks.linkVulnerability', { riskId: risk.id, vulnerability: { kind: 'finding', ref: 'no-such-key' } })).rejects.toThrow(
      /no current finding "no-such-key"/
    )
    const unlinked = await ws.call('risks.unlinkVulnerability', { riskId: risk.id, vulnerabilityId: linked.vulnerabilities[1]!.id })
    expect(unlinked.vulnerabilities.map(v => v.kind)).toEqual(['finding'])
  })

  it('treats a business associate handling PHI without an agreement in force as a vulnerability of its asset', async () => {
    const ws = await workspace()
    const transcription = (await ws.call('baas.create', { associate: { name: 'Bluepine Transcription', baaStatus: 'requested' } })).id
    const vendor = (await ws.call('map.addAsset', { name: 'Bluepine portal', kind: 'external', phi: 'phi', businessAssociateId: transcription })).id
    const suggestion = (await ws.call('risks.suggestions', {})).suggestions.find(s => s.asset.id === vendor && s.threat.id === 'vendor-compromise')!
    // The map's own flag on the asset says the same from its side; both are linked.
    expect(suggestion.vulnerabilities.map(v => v.kind).sort()).toEqual(['baa', 'map-flag'])
    expect(suggestion.vulnerabilities.find(v => v.kind === 'baa')).toEqual({
      kind: 'baa',
      ref: String(transcription),
      label: 'Bluepine Transcription handles PHI without a business associate agreement in force (requested)',
      citations: ['164.308(b)(1)', '164.314(a)(1)']
    })
    const risk = await ws.call('risks.confirmSuggestion', { key: suggestion.key, owner: 'Dana' })
    const baaState = async () => (await ws.call('risks.get', { id: risk.id })).vulnerabilities.find(v => v.kind === 'baa')!.state
    expect(await baaState()).toBe('present')
    await ws.call('baas.update', { id: transcription, associate: { name: 'Bluepine Transcription', baaStatus: 'signed' } })
    expect(await baaState()).toBe('resolved')
  })

  it('lists PHI assets with no rated risk as not yet assessed, and counts the heat map cells before and after treatment', async () => {
    const ws = await workspace()
    const laptop = await asset(ws, 'Laptop', 'workstation')
    const ehr = await asset(ws, 'EHR', 'application')
    await asset(ws, 'Brochure bucket', 'bucket', 'general')
    expect((await ws.call('risks.notAssessed', {})).map(a => a.name)).toEqual(['EHR', 'Laptop'])
    await ws.call('risks.create', { assetIds: [laptop], threatId: 'phishing' })
    expect((await ws.call('risks.notAssessed', {})).map(a => a.name)).toEqual(['EHR', 'Laptop'])
    await ws.call('risks.create', {
      assetIds: [laptop],
      threatId: 'equipment-loss-theft',
      likelihood: 'high',
      impact: 'high',
      residualLikelihood: 'low',
      residualImpact: 'high',
      owner: 'IT'
    })
    await ws.call('risks.create', { assetIds: [ehr, laptop], threatId: 'ransomware', likelihood: 'high', impact: 'high', owner: 'IT' })
    expect((await ws.call('risks.notAssessed', {})).map(a => a.name)).toEqual([])

    const overview = await ws.call('risks.overview', {})
    const cell = (cells: typeof overview.heatMap.inherent, likelihood: string, impact: string) =>
      cells.find(c => c.likelihood === likelihood && c.impact === impact)!
    expect(cell(overview.heatMap.inherent, 'high', 'high')).toEqual({ likelihood: 'high', impact: 'high', level: 'critical', count: 2 })
    expect(overview.heatMap.inherent.reduce((sum, c) => sum + c.count, 0)).toBe(2)
    expect(overview.heatMap.unratedInherent).toBe(1)
    expect(cell(overview.heatMap.residual, 'low', 'high')).toMatchObject({ level: 'medium', count: 1 })
    expect(overview.heatMap.unratedResidual).toBe(2)
    expect(overview.byAsset.map(g => [g.name, g.count, g.byLevel.critical])).toEqual([
      ['Laptop', 3, 2],
      ['EHR', 1, 1]
    ])
    expect(overview.byThreat.map(g => g.id)).toEqual(['equipment-loss-theft', 'ransomware', 'phishing'])
    expect(overview.byOwner.map(g => [g.name, g.count])).toEqual([
      ['IT', 2],
      ['No owner', 1]
    ])
    expect(overview.notAssessed).toBe(0)
  })

  it('carries the analysis into the next period and says what changed since', async () => {
    instant = new Date('2026-11-20T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    const laptop = await asset(ws, 'Laptop', 'workstation')
    const kept = await ws.call('risks.create', { assetIds: [laptop], threatId: 'phishing', likelihood: 'medium', impact: 'medium', owner: 'IT' })
    const dropped = await ws.call('risks.create', { assetIds: [laptop], threatId: 'natural-disaster', title: 'Flood in the basement' })
    await ws.call('risks.addTask', { riskId: kept.id, title: 'Phishing drills', dueOn: '2027-02-01' })

    instant = new Date('2027-01-05T08:00:00Z')
    await ws.call('assessment.startNextPeriod', {})
    const now = await ws.call('risks.list', {})
    expect(now.period.id).toBe('2027')
    const carried = now.rows.find(r => r.key === kept.key)!
    expect(carried).toMatchObject({ level: 'medium', owner: 'IT', dueOn: '2027-02-01' })
    expect(carried.id).not.toBe(kept.id)

    await ws.call('risks.update', { id: carried.id, likelihood: 'high' })
    await ws.call('risks.delete', { id: now.rows.find(r => r.key === dropped.key)!.id })
    const added = await ws.call('risks.create', { assetIds: [laptop], threatId: 'ransomware', title: 'Ransomware on the laptop' })
    const changes = await ws.call('risks.changes', {})
    expect(changes.previous?.id).toBe('2026')
    expect(changes.added).toEqual([{ key: added.key, title: 'Ransomware on the laptop' }])
    expect(changes.removed).toEqual([{ key: dropped.key, title: 'Flood in the basement' }])
    expect(changes.changed).toEqual([
      {
        key: kept.key,
        title: 'Social engineering and e-mail phishing: Laptop',
        fields: [
          { field: 'likelihood', before: 'medium', after: 'high' },
          { field: 'level', before: 'Medium', after: 'High' }
        ]
      }
    ])
    // The closed period stays as it was, and refuses changes.
    expect((await ws.call('risks.list', { periodId: '2026' })).rows.map(r => r.level)).toEqual(['medium', null])
    await expect(ws.call('risks.update', { id: kept.id, owner: 'Someone' })).rejects.toMatchObject({ code: 'read-only' })
  })

  it('keeps the questionnaire’s gap rating working: it rates the scenario that carries the gap', async () => {
    const ws = await workspace()
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'no' })
    await ws.call('assessment.rateRisk', { questionId: 'q-312-d-1', likelihood: 4, impact: 5, owner: 'CTO', remediation: 'Enforce MFA' })
    const [row] = (await ws.call('risks.list', {})).rows
    expect(row).toMatchObject({
      likelihood: 'high',
      impact: 'high',
      level: 'critical',
      owner: 'CTO',
      treatment: 'mitigate',
      assets: [{ name: 'Organisation-wide' }]
    })
    expect(row!.review?.reason).toBe('threat-missing')
    const detail = await ws.call('risks.get', { id: row!.id })
    expect(detail.earlierRating).toEqual({ questionId: 'q-312-d-1', likelihood: 4, impact: 5 })
    expect(detail.treatmentPlan).toBe('Enforce MFA')
    // Re-rated on the three steps, the earlier 1-5 numbers give way to the steps' equivalents.
    await ws.call('risks.update', { id: row!.id, likelihood: 'medium', threatId: 'credential-attack' })
    expect((await ws.call('risks.get', { id: row!.id })).earlierRating).toBeNull()
    expect((await ws.call('assessment.risks', {}))[0]!.rating).toMatchObject({ likelihood: 3, impact: 5, score: 15, level: 'high' })
  })
})
