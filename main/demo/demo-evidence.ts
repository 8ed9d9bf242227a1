import fs from 'node:fs'
import path from 'node:path'
import type { CallName, InputOf, OutputOf } from '../api/contract'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

/**
 * Evidence a practice would attach this year: an access review export (quarterly, so it expires), the security
 * programme as a link to the intranet, the AWS agreement's acceptance record, and a restore test report whose expiry has
 * passed, so the dashboard and the calendar show stale evidence. The files are synthetic, written beside the demo.
 */
export async function addDemoEvidence(call: Call, dir: string, today: string, agreementRecord: string | null): Promise<void> {
  const folder = path.join(dir, 'evidence')
  fs.mkdirSync(folder, { recursive: true })
  const reviewOn = addDays(today, -20)
  const accessReview = path.join(folder, `access-review-${reviewOn}.csv`)
  fs.writeFileSync(
    accessReview,
    [
      'system,account,role,last_sign_in,decision,reviewer',
      `EHR,d.whitfield,Administrator,${addDays(reviewOn, -1)},keep,Dana Whitfield`,
      `EHR,m.okafor,Clinician,${addDays(reviewOn, -2)},keep,Dana Whitfield`,
      `EHR,temp.frontdesk2,Front desk,${addDays(reviewOn, -95)},remove (left in July),Dana Whitfield`,
      `AWS,practice-admin,AdministratorAccess,${addDays(reviewOn, -3)},keep (MFA on),Dana Whitfield`,
      `AWS,intake-deploy,Deploy role,${addDays(reviewOn, -10)},keep,Dana Whitfield`
    ].join('\n') + '\n'
  )
  const restoreOn = addDays(today, -200)
  const restoreTest = path.join(folder, `restore-test-${restoreOn}.txt`)
  fs.writeFileSync(
    restoreTest,
    `Restore test, ${restoreOn}\nRestored the practice-management database snapshot to a test instance in 41 minutes; 3 sample charts opened and matched.\nNext test due in six months.\n`
  )

  await call('evidence.addFile', {
    target: { kind: 'answer', id: 'q-312-a1-1' },
    path: accessReview,
    title: 'Quarterly access review (EHR and AWS)',
    note: 'Exported from the EHR user list and AWS IAM; one leaver removed.',
    effectiveAsOf: reviewOn,
    expiresOn: addDays(reviewOn, 92)
  })
  await call('evidence.addLink', {
    target: { kind: 'answer', id: 'q-308-a1-i-1' },
    url: 'https://intranet.juniper-ridge.example/security-programme',
    title: 'Security programme (practice intranet)',
    effectiveAsOf: addDays(today, -90)
  })
  if (agreementRecord) {
    await call('evidence.addFile', {
      target: { kind: 'answer', id: 'q-308-b1-1' },
      path: agreementRecord,
      title: 'AWS Business Associate Addendum: acceptance record',
      effectiveAsOf: addDays(today, -60)
    })
  }
  await call('evidence.addFile', {
    target: { kind: 'answer', id: 'q-308-a7-i-1' },
    path: restoreTest,
    title: 'Backup restore test report',
    effectiveAsOf: restoreOn,
    expiresOn: addDays(restoreOn, 183)
  })
}
