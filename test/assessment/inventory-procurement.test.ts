import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

const clock = () => new Date('2026-03-10T12:00:00Z')

describe('cloud service inventory', () => {
  it('lists the catalog services and records which are in use and hold health data', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const inventory = await ws.call('assessment.inventory', {})
    expect(inventory.provider).toBe('aws')
    expect(inventory.items.find(i => i.serviceId === 'aws-ec2')).toMatchObject({
      eligibility: 'eligible',
      defaultEncryption: 'off',
      inUse: false,
      gap: null
    })

    const s3 = await ws.call('assessment.setService', { serviceId: 'aws-s3', holdsPhi: true, notes: 'uploads bucket' })
    expect(s3).toMatchObject({ inUse: true, holdsPhi: true, notes: 'uploads bucket', gap: null })
    const stopped = await ws.call('assessment.setService', { serviceId: 'aws-s3', inUse: false })
    expect(stopped).toMatchObject({ inUse: false, holdsPhi: false })
    await expect(ws.call('assessment.setService', { serviceId: 'aws-made-up', inUse: true })).rejects.toMatchObject({ code: 'not-found' })
    const audit = await ws.call('assessment.audit', { subject: 'service:aws-s3' })
    expect(audit.filter(a => a.field === 'holdsPhi').map(a => [a.oldValue, a.newValue])).toEqual([
      ['true', 'false'],
      [null, 'true']
    ])
  })

  it('treats a service holding health data that is not eligible, or not known to be, as a gap', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const notEligible = await ws.call('assessment.addCustomService', { name: 'Acme Analytics', eligibility: 'not-eligible', holdsPhi: true })
    expect(notEligible).toMatchObject({ serviceId: 'custom-acme-analytics', custom: true, eligibilityBasis: 'entered-by-user' })
    expect(notEligible.gap).toMatch(/not covered by the provider’s business associate addendum/)
    const unknown = await ws.call('assessment.addCustomService', { name: 'Mailer X', eligibility: 'unknown', holdsPhi: true })
    expect(unknown.gap).toMatch(/eligibility is unknown/)
    const harmless = await ws.call('assessment.addCustomService', { name: 'Status page', eligibility: 'not-eligible', holdsPhi: false })
    expect(harmless.gap).toBeNull()
    await expect(ws.call('assessment.addCustomService', { name: 'acme analytics', eligibility: 'unknown' })).rejects.toMatchObject({
      code: 'already-exists'
    })
    await expect(ws.call('assessment.addCustomService', { name: 'Amazon S3', eligibility: 'unknown' })).rejects.toThrow(/already in the catalog/)
  })
})

describe('procurement answers', () => {
  it('says what is not known yet when nothing is answered', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const answers = await ws.call('assessment.procurement', {})
    expect(answers.baa.status).toBe('unknown')
    expect(answers.baa.answer).toContain('Not answered yet')
    expect(answers.services.status).toBe('unknown')
    expect(answers.minimumNecessary.status).toBe('unknown')
  })

  it('answers the three questions from the assessment and the inventory', async () => {
    const ws = await createTestWorkspace({ now: clock, organization: { role: 'business-associate', cloudProvider: 'aws' } })
    await ws.call('assessment.setProfile', { key: 'usesCloudHosting', value: true })
    await ws.call('assessment.setProfile', { key: 'isBusinessAssociate', value: true })
    await ws.call('assessment.setProfile', { key: 'usesVendorsWithPhi', value: true })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-b3-2', value: 'yes', notes: 'accepted in AWS Artifact for the organisation' })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-b3-3', value: 'partly', notes: '2 of 3 clients signed' })
    await ws.call('assessment.setService', { serviceId: 'aws-rds', holdsPhi: true })
    await ws.call('assessment.setService', { serviceId: 'aws-s3', holdsPhi: true })
    await ws.call('assessment.setService', { serviceId: 'aws-lambda', inUse: true })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a4-i-1', value: 'yes' })
    await ws.call('assessment.setAnswer', { questionId: 'q-cloud-iam-1', value: 'yes', notes: 'Identity Center permission sets' })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a4-iiC-1', value: 'no' })

    const answers = await ws.call('assessment.procurement', {})
    expect(answers.baa.status).toBe('partly')
    expect(answers.baa.answer).toContain('Yes, the business associate addendum with AWS is signed (accepted in AWS Artifact for the organisation).')
    expect(answers.baa.answer).toContain('Partly: a business associate agreement with each client is not complete (2 of 3 clients signed).')

    expect(answers.services.status).toBe('yes')
    expect(answers.services.phiServices).toEqual([
      { name: 'Amazon RDS (PostgreSQL)', eligibility: 'eligible' },
      { name: 'Amazon S3', eligibility: 'eligible' }
    ])
    expect(answers.services.answer).not.toContain('Lambda') // in use, but holds no health data

    expect(answers.minimumNecessary.status).toBe('partly')
    expect(answers.minimumNecessary.answer).toContain('In place: a written access policy gives each role only the health data it needs')
    expect(answers.minimumNecessary.answer).toContain(
      'cloud access goes through least-privilege IAM roles without long-lived keys (Identity Center permission sets)'
    )
    expect(answers.minimumNecessary.answer).toContain('Not in place yet: accounts and permissions are reviewed regularly')

    // DynamoDB's eligibility comes from the maintainers, not the provider's list: it is not sold as covered.
    await ws.call('assessment.setService', { serviceId: 'aws-dynamodb', holdsPhi: true })
    const withUncertain = await ws.call('assessment.procurement', {})
    expect(withUncertain.services.status).toBe('partly')
    expect(withUncertain.services.answer).toContain(
      "Believed eligible but not in the provider's list this assessment was built from; verify against its current list: Amazon DynamoDB."
    )
    expect(withUncertain.services.answer).not.toMatch(/Eligible under the AWS business associate addendum: [^.]*DynamoDB/)
    expect(withUncertain.services.phiServices).toContainEqual({ name: 'Amazon DynamoDB', eligibility: 'unknown' })

    await ws.call('assessment.addCustomService', { name: 'Acme Analytics', eligibility: 'not-eligible', holdsPhi: true })
    const withGap = await ws.call('assessment.procurement', {})
    expect(withGap.services.status).toBe('no')
    expect(withGap.services.answer).toContain('Not eligible, a gap to fix: Acme Analytics.')
  })

  it('takes the BAA answer from the business associate register when it has the entries', async () => {
    const ws = await createTestWorkspace({ now: clock, organization: { role: 'business-associate', cloudProvider: 'aws' } })
    // The assessment says otherwise; the register, being the record of the agreements, wins.
    await ws.call('assessment.setAnswer', { questionId: 'q-308-b3-2', value: 'no' })
    await ws.call('baas.create', { associate: { name: 'Amazon Web Services', baaStatus: 'signed', effectiveOn: '2025-01-15' } })
    await ws.call('baas.create', {
      associate: { name: 'County Health Department', relationship: 'covered-entity-client', baaStatus: 'signed', effectiveOn: '2025-02-01' }
    })
    await ws.call('baas.create', { associate: { name: 'Lakeside Clinic', relationship: 'covered-entity-client', baaStatus: 'requested' } })
    const answers = await ws.call('assessment.procurement', {})
    expect(answers.baa.status).toBe('partly')
    expect(answers.baa.answer).toBe(
      'Yes, the business associate addendum with AWS is signed (in effect since 2025-01-15). ' +
        '1 of 2 client(s) have a signed business associate agreement in force; still missing: Lakeside Clinic.'
    )
    expect(answers.baa.basis).toEqual(['business associate register: Amazon Web Services', 'business associate register: 2 client(s)'])
    expect(answers.baa.citations).toEqual(['164.308(b)(3)'])
  })

  it('does not count an agreement whose expiry date has passed', async () => {
    const ws = await createTestWorkspace({ now: clock, organization: { role: 'covered-entity', cloudProvider: 'aws' } })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-b3-2', value: 'yes' })
    await ws.call('baas.create', { associate: { name: 'AWS', baaStatus: 'signed', effectiveOn: '2024-01-01', expiresOn: '2026-02-28' } })
    const answers = await ws.call('assessment.procurement', {})
    expect(answers.baa).toMatchObject({
      status: 'no',
      answer: 'No, the business associate register shows no agreement in force with AWS (status: signed).'
    })
    expect(answers.services.answer).toBe('No service is marked as holding health data yet. Mark them in the cloud service inventory.')
  })
})
