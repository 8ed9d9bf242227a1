import { describe, expect, it } from 'vitest'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { ownFixture } from '../scanners/fixture-paths'
import { scanFile } from './scan-files'

type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

const ENCRYPTION = '164.312(a)(2)(iv)'

/** A workspace whose clock the test moves. */
async function workspaceOn(day: string) {
  const clock = { now: new Date(`${day}T12:00:00Z`) }
  const ws = await createTestWorkspace({ now: () => clock.now })
  return { ws, setDay: (next: string) => (clock.now = new Date(`${next}T12:00:00Z`)) }
}

async function importOk(ws: Workspace, file: string) {
  const [result] = await ws.call('scans.import', { paths: [file] })
  if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`)
  return result.scan
}

async function failingOn(ws: Workspace, citation: string) {
  return (await ws.call('findings.bySpecification', {})).find(c => c.citation === citation)
}

async function findingOf(ws: Workspace, bucket: string, scanId: number) {
  const page = await ws.call('findings.query', { scanId })
  const found = page.findings.find(f => f.resourceId === `arn:aws:s3:::${bucket}`)
  if (!found) throw new Error(`no finding for ${bucket}`)
  return found
}

function tableRows(ws: Workspace) {
  const { db } = ws.session.requireWorkspace()
  return {
    triage: db.prepare('SELECT * FROM finding_triage ORDER BY id').all(),
    subjects: db.prepare('SELECT * FROM finding_triage_subject ORDER BY triage_id, finding_key').all(),
    flags: db.prepare('SELECT * FROM spec_review_flag ORDER BY citation').all()
  }
}

describe('triage of a finding', () => {
  it('takes an accepted risk out of flags and counts until its expiry day has passed, then brings it back', async () => {
    const { ws, setDay } = await workspaceOn('2026-03-01')
    const scan = await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 0, flagged: true })
    expect((await ws.call('findings.reviewFlags', { status: 'open' })).map(f => f.citation)).toEqual([
      '164.308(a)(1)(ii)(B)',
      ENCRYPTION,
      '164.312(c)(1)'
    ])
    const bucket = await findingOf(ws, 'patient-scans', scan.id)
    expect(bucket.triage).toBeNull()

    const triage = await ws.call('findings.triage', {
      findingId: bucket.id,
      status: 'accepted-risk',
      reason: 'Holds only de-identified test images until the migration in April',
      by: 'Dana Reyes',
      expiresOn: '2026-03-31'
    })
    expect(triage).toMatchObject({
      state: 'active',
      statusLabel: 'Accepted risk',
      by: 'Dana Reyes',
      expiresOn: '2026-03-31',
      subjects: 1,
      activeSubjects: 1,
      resource: 'arn:aws:s3:::patient-scans',
      findingAccount: '111122223333'
    })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 0, triaged: 1, flagged: false })
    // Every flag this failure raised is settled by the triage: none is open, each still listed with its counts.
    expect(await ws.call('findings.reviewFlags', { status: 'open' })).toEqual([])
    expect((await ws.call('findings.reviewFlags', {})).map(f => [f.citation, f.status, f.failingNow, f.triaged])).toEqual([
      ['164.308(a)(1)(ii)(B)', 'open', 0, 1],
      [ENCRYPTION, 'open', 0, 1],
      ['164.312(c)(1)', 'open', 0, 1]
    ])
    const evidence = await ws.call('findings.evidence', { citation: ENCRYPTION })
    expect([evidence.failingTotal, evidence.triagedTotal, evidence.triaged[0]?.id]).toEqual([0, 1, bucket.id])
    expect((await findingOf(ws, 'patient-scans', scan.id)).triage).toMatchObject({ active: true, why: null, triage: { id: triage.id } })

    // The last day it holds.
    setDay('2026-03-31')
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 0, triaged: 1 })
    // The day after, the finding counts as failing again everywhere.
    setDay('2026-04-01')
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 0, flagged: true })
    expect(await ws.call('findings.reviewFlags', { status: 'open' })).toHaveLength(3)
    expect((await findingOf(ws, 'patient-scans', scan.id)).triage).toMatchObject({ active: false, why: 'Expired: it held until 2026-03-31' })
    expect(await ws.call('findings.listTriage', {})).toMatchObject([{ id: triage.id, state: 'expired' }])
    // As of an earlier date it held.
    expect(await ws.call('findings.listTriage', { asOf: '2026-03-15' })).toMatchObject([{ id: triage.id, state: 'active' }])
  })

  it('ends when a later scan gives the finding another result, and does not come back when it fails again', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    const jan = await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL', b: 'FAIL' }))
    const a = await findingOf(ws, 'a', jan.id)
    const fp = await ws.call('findings.triage', {
      findingId: a.id,
      status: 'false-positive',
      reason: 'Encrypted with a KMS key the check does not see',
      by: 'Sam Ortiz'
    })
    expect(fp.expiresOn).toBeNull()
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1 })

    // The same failure in a later scan: the triage follows the finding.
    const feb = await importOk(ws, scanFile(dir, '2026-02-10', { a: 'FAIL', b: 'FAIL' }))
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1 })
    expect((await findingOf(ws, 'a', feb.id)).triage).toMatchObject({ active: true })

    // March passes it: the result changed, the triage ends for it.
    const mar = await importOk(ws, scanFile(dir, '2026-03-10', { a: 'PASS', b: 'FAIL' }))
    expect(await ws.call('findings.listTriage', {})).toMatchObject([{ id: fp.id, state: 'ended', activeSubjects: 0 }])
    expect((await findingOf(ws, 'a', mar.id)).triage?.why).toBe(`Ended: a later scan (scan ${mar.id}, 2026-03-10) found it passed, not failed`)

    // March 20 fails it again: it counts, the ended triage does not return.
    const later = await importOk(ws, scanFile(dir, '2026-03-20', { a: 'FAIL', b: 'FAIL' }))
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 2, triaged: 0 })
    expect((await findingOf(ws, 'a', later.id)).triage).toMatchObject({ active: false })

    // Deleting the scans that changed it brings the triage back: the state is read, never stored.
    await ws.call('scans.delete', { scanId: later.id })
    await ws.call('scans.delete', { scanId: mar.id })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1 })
  })

  it('a fix pending a rescan ends at the rescan, whatever it found', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    const jan = await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL', b: 'FAIL' }))
    const b = await findingOf(ws, 'b', jan.id)
    const fix = await ws.call('findings.triage', {
      findingId: b.id,
      status: 'fixed-pending-rescan',
      reason: 'Default encryption turned on',
      by: 'Sam Ortiz',
      expiresOn: '2026-05-01'
    })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1 })
    // A rescan of another account says nothing about b: still pending.
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    expect((await ws.call('findings.listTriage', {}))[0]).toMatchObject({ id: fix.id, state: 'active' })
    // The rescan still fails it: the fix did not take, and it counts again.
    const feb = await importOk(ws, scanFile(dir, '2026-02-10', { a: 'FAIL', b: 'FAIL' }))
    expect((await ws.call('findings.listTriage', {}))[0]).toMatchObject({ id: fix.id, state: 'ended' })
    expect((await findingOf(ws, 'b', feb.id)).triage?.why).toBe(`Ended: rescanned on 2026-02-10 (scan ${feb.id}): failed`)
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 3, triaged: 0 })
  })

  it('refuses what cannot be triaged, naming why, and leaves the workspace as it was', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    const jan = await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL', b: 'PASS' }))
    const a = await findingOf(ws, 'a', jan.id)
    const passed = await findingOf(ws, 'b', jan.id)
    await importOk(ws, scanFile(dir, '2026-02-10', { a: 'FAIL', b: 'PASS' }))
    const before = tableRows(ws)
    const base = { status: 'accepted-risk' as const, reason: 'Reason', by: 'Dana Reyes', expiresOn: '2026-06-30' }
    await expect(ws.call('findings.triage', { ...base, findingId: passed.id })).rejects.toThrow(
      `Finding ${passed.id} is passed: only a failing finding can be triaged`
    )
    await expect(ws.call('findings.triage', { ...base, findingId: a.id })).rejects.toThrow(/a later scan of the same account replaces/)
    await expect(ws.call('findings.triage', { ...base, findingId: 999999 })).rejects.toMatchObject({ code: 'not-found' })
    await expect(ws.call('findings.triage', { ...base, checkId: 'no_such_check' })).rejects.toThrow(
      'No imported finding has the check id no_such_check'
    )
    await expect(ws.call('findings.triage', { ...base, findingId: a.id, expiresOn: '2026-03-31' })).rejects.toThrow(/before today \(2026-04-01\)/)
    const { expiresOn: _, ...noExpiry } = base
    await expect(ws.call('findings.triage', { ...noExpiry, findingId: a.id })).rejects.toThrow(/needs an expiry date/)
    await expect(ws.call('findings.triage', { ...base, findingId: a.id, reason: '   ' })).rejects.toThrow(/Give the reason/)
    await expect(ws.call('findings.triage', { ...base, findingId: a.id, by: '' })).rejects.toThrow(/Say who/)
    await expect(ws.call('findings.untriage', { id: 4242, by: 'Dana Reyes' })).rejects.toMatchObject({ code: 'not-found' })
    expect(tableRows(ws)).toEqual(before)
  })

  it('withdraws and replaces triages, keeping what was typed on record', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    const jan = await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL' }))
    const a = await findingOf(ws, 'a', jan.id)
    const first = await ws.call('findings.triage', { findingId: a.id, status: 'false-positive', reason: 'First look', by: 'Sam Ortiz' })
    const second = await ws.call('findings.triage', {
      findingId: a.id,
      status: 'accepted-risk',
      reason: 'On second thought, accepted until the move',
      by: 'Dana Reyes',
      expiresOn: '2026-09-30'
    })
    expect((await ws.call('findings.listTriage', {})).map(t => t.id)).toEqual([second.id])
    const withdrawn = await ws.call('findings.untriage', { id: second.id, by: 'Dana Reyes' })
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawn: { by: 'Dana Reyes', reason: 'withdrawn' } })
    await expect(ws.call('findings.untriage', { id: second.id, by: 'Dana Reyes' })).rejects.toMatchObject({ code: 'conflict' })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 0 })
    expect(await ws.call('findings.listTriage', {})).toEqual([])
    expect((await ws.call('findings.listTriage', { all: true })).map(t => [t.id, t.state, t.reason, t.why])).toEqual([
      [second.id, 'withdrawn', 'On second thought, accepted until the move', 'Withdrawn by Dana Reyes on 2026-04-01'],
      [first.id, 'withdrawn', 'First look', 'Replaced by a newer triage on 2026-04-01']
    ])
  })
})

describe('triage of a whole check', () => {
  it('covers the failures seen when triaged; a new failure in a later scan counts, a changed one leaves', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL', b: 'FAIL', c: 'PASS' }))
    const check = await ws.call('findings.triage', {
      checkId: 's3_bucket_default_encryption',
      status: 'false-positive',
      reason: 'Buckets are encrypted by an SCP the check cannot read',
      by: 'Sam Ortiz'
    })
    expect(check).toMatchObject({ findingKey: null, scanner: 'prowler', subjects: 2, activeSubjects: 2, state: 'active' })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 0, triaged: 2, flagged: false })

    const feb = await importOk(ws, scanFile(dir, '2026-02-10', { a: 'FAIL', b: 'PASS', c: 'FAIL' }))
    // a is still covered; b changed (passes now); c's failure is new, so it counts.
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1, flagged: true })
    expect((await findingOf(ws, 'c', feb.id)).triage).toBeNull()
    expect(await ws.call('findings.listTriage', {})).toMatchObject([
      { id: check.id, state: 'active', activeSubjects: 1, why: '1 of 2 findings it covered were changed by a later scan and count again' }
    ])
  })

  it('asks which scanner when two have a check of that id, and limits to one account when asked', async () => {
    const { ws } = await workspaceOn('2026-04-01')
    const dir = tempDir()
    await importOk(ws, scanFile(dir, '2026-01-10', { a: 'FAIL' }))
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const base = { checkId: 's3_bucket_default_encryption', status: 'false-positive' as const, reason: 'r', by: 'Sam Ortiz' }
    const one = await ws.call('findings.triage', { ...base, account: '111122223333' })
    expect(one).toMatchObject({ account: '111122223333', subjects: 1 })
    expect(await failingOn(ws, ENCRYPTION)).toMatchObject({ failing: 1, triaged: 1 })
    await expect(ws.call('findings.triage', { ...base, account: '000000000000' })).rejects.toThrow(
      'No finding of the check s3_bucket_default_encryption fails in the latest scan of account 000000000000: there is nothing to triage'
    )
    await expect(ws.call('findings.triage', { ...base, scanner: 'scoutsuite' })).rejects.toThrow(/it is in the output of prowler/)
  })
})

describe('review flag dismissals', () => {
  it('need a reason and a name, list with them, and can be restored', async () => {
    const { ws, setDay } = await workspaceOn('2026-03-01')
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    await expect(ws.call('findings.dismissFlag', { citation: ENCRYPTION, reason: ' ', by: 'Dana Reyes' })).rejects.toThrow(/Give the reason/)
    const dismissed = await ws.call('findings.dismissFlag', { citation: ENCRYPTION, reason: 'Covered by the bucket policy', by: 'Dana Reyes' })
    expect(dismissed).toMatchObject({
      status: 'dismissed',
      dismissal: { reason: 'Covered by the bucket policy', by: 'Dana Reyes', at: '2026-03-01T12:00:00.000Z' }
    })
    await expect(ws.call('findings.dismissFlag', { citation: ENCRYPTION, reason: 'again', by: 'Dana Reyes' })).rejects.toThrow(
      `${ENCRYPTION} has no open review flag to dismiss`
    )
    expect((await ws.call('findings.reviewFlags', { status: 'dismissed' })).map(f => [f.citation, f.dismissal?.reason, f.dismissal?.by])).toEqual([
      [ENCRYPTION, 'Covered by the bucket policy', 'Dana Reyes']
    ])
    expect((await ws.call('findings.reviewFlags', { status: 'open' })).map(f => f.citation)).not.toContain(ENCRYPTION)

    setDay('2026-03-02')
    const restored = await ws.call('findings.restoreFlag', { citation: ENCRYPTION, by: 'Sam Ortiz' })
    expect(restored).toMatchObject({
      status: 'open',
      restored: { by: 'Sam Ortiz', at: '2026-03-02T12:00:00.000Z' },
      dismissal: { reason: 'Covered by the bucket policy' }
    })
    expect((await ws.call('findings.reviewFlags', { status: 'open' })).map(f => f.citation)).toContain(ENCRYPTION)
    expect(await ws.call('findings.reviewFlags', { status: 'dismissed' })).toEqual([])
    await expect(ws.call('findings.restoreFlag', { citation: ENCRYPTION, by: 'Sam Ortiz' })).rejects.toThrow(
      `${ENCRYPTION} has no dismissed review flag to restore`
    )
  })
})
