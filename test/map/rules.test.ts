import { describe, expect, it } from 'vitest'
import type { MapFlag } from '../../main/map/contract'
import { createTestWorkspace } from '../helpers/workspace'
import { ownFixture } from '../scanners/fixture-paths'
import { asset, assetByName, flow, importParsed, infrastructure, zone, zoneByName, type Workspace } from './map-builders'

const ACCOUNT = 'aws:account:111122223333'
const PHI_VPC = 'aws:vpc:vpc-phi'
const PHI_SUBNET = 'aws:subnet:subnet-phi'
const GENERAL_VPC = 'aws:vpc:vpc-general'
const GENERAL_SUBNET = 'aws:subnet:subnet-general'

const twoVpcs = () => [
  zone(ACCOUNT, 'account'),
  zone(PHI_VPC, 'vpc', ACCOUNT),
  zone(PHI_SUBNET, 'subnet', PHI_VPC),
  zone(GENERAL_VPC, 'vpc', ACCOUNT),
  zone(GENERAL_SUBNET, 'subnet', GENERAL_VPC)
]

async function markZones(ws: Workspace, phi: string[], general: string[]) {
  for (const name of phi) await ws.call('map.setPhi', { type: 'zone', id: (await zoneByName(ws, name)).id, phi: 'phi', by: 'Dana' })
  for (const name of general) await ws.call('map.setPhi', { type: 'zone', id: (await zoneByName(ws, name)).id, phi: 'general', by: 'Dana' })
}

const flagsOf = async (ws: Workspace, rule: string): Promise<MapFlag[]> => (await ws.call('map.flags', {})).filter(f => f.rule === rule)

describe('rule: a path from a PHI zone into a general zone', () => {
  const withTransitGateway = (generalAttached: boolean) =>
    infrastructure({
      zones: twoVpcs(),
      assets: [
        asset('aws:rds:patients', 'database', [PHI_SUBNET], { serviceId: 'aws-rds', encryptedAtRest: true }),
        asset('aws:ec2:web', 'instance', [GENERAL_SUBNET], { serviceId: 'aws-ec2' }),
        asset('aws:tgw:tgw-1', 'gateway', [ACCOUNT])
      ],
      flows: [
        flow(PHI_VPC, 'aws:tgw:tgw-1', 'transit-gateway', { label: 'attachment phi' }),
        ...(generalAttached ? [flow(GENERAL_SUBNET, 'aws:tgw:tgw-1', 'transit-gateway', { label: 'attachment general' })] : [])
      ]
    })

  it('finds the PHI VPC reaching the general VPC through a transit gateway, with the path and the ids involved', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, withTransitGateway(true))
    await markZones(ws, ['vpc-phi'], ['vpc-general'])
    const flags = await flagsOf(ws, 'phi-zone-reaches-general')
    const phiVpc = await zoneByName(ws, 'vpc-phi')
    const generalSubnet = await zoneByName(ws, 'subnet-general')
    const tgw = await assetByName(ws, 'tgw-1')
    expect(flags).toHaveLength(1)
    expect(flags[0]!.message).toMatch(/PHI zone vpc-phi can reach subnet-general.*vpc-phi → tgw-1 → subnet-general/)
    expect(flags[0]!.subjects).toEqual(
      expect.arrayContaining([
        { type: 'zone', id: phiVpc.id },
        { type: 'asset', id: tgw.id },
        { type: 'zone', id: generalSubnet.id }
      ])
    )
    expect(flags[0]!.subjects.filter(s => s.type === 'flow')).toHaveLength(2)
    expect(flags[0]!.subjectKey).toBe(`${PHI_VPC} > ${GENERAL_SUBNET}`)
  })

  it('raises nothing when only the PHI VPC is attached, or when both VPCs are PHI', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, withTransitGateway(false))
    await markZones(ws, ['vpc-phi'], ['vpc-general'])
    expect(await flagsOf(ws, 'phi-zone-reaches-general')).toEqual([])

    const both = await createTestWorkspace()
    await importParsed(both, withTransitGateway(true))
    await markZones(both, ['vpc-phi', 'vpc-general'], [])
    expect(await flagsOf(both, 'phi-zone-reaches-general')).toEqual([])
  })

  it('follows security-group reachability both ways and data flows only in their direction', async () => {
    const ws = await createTestWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: twoVpcs(),
        assets: [
          asset('aws:rds:patients', 'database', [PHI_SUBNET]),
          asset('aws:ec2:reporting', 'instance', [GENERAL_SUBNET]),
          asset('aws:ec2:intake', 'instance', [GENERAL_SUBNET])
        ],
        // The general reporting host may connect to the database: a path, whichever side opens it.
        flows: [
          flow('aws:ec2:reporting', 'aws:rds:patients', 'network', { label: 'tcp/5432' }),
          flow('aws:ec2:intake', 'aws:rds:patients', 'invocation')
        ]
      })
    )
    await markZones(ws, ['vpc-phi'], ['vpc-general'])
    const flags = await flagsOf(ws, 'phi-zone-reaches-general')
    expect(flags.map(f => f.message)).toEqual([expect.stringMatching(/vpc-phi ⊃ subnet-phi ⊃ patients → reporting/)])
  })
})

describe('rule: PHI store without encryption at rest', () => {
  it('flags a PHI bucket whose scanner encryption check fails, matched by ARN, and not the passing one', async () => {
    const ws = await createTestWorkspace()
    const [scan] = await ws.call('scans.import', { paths: [ownFixture('prowler-v5.ocsf.json')] })
    expect(scan?.ok).toBe(true)
    await importParsed(
      ws,
      infrastructure({
        zones: twoVpcs(),
        assets: [
          asset('arn:aws:s3:::patient-scans', 'bucket', [ACCOUNT], { arn: 'arn:aws:s3:::patient-scans', serviceId: 'aws-s3' }),
          asset('arn:aws:s3:::billing-exports', 'bucket', [ACCOUNT], { arn: 'arn:aws:s3:::billing-exports', serviceId: 'aws-s3' }),
          asset('aws:rds:patients', 'database', [PHI_SUBNET], { encryptedAtRest: false })
        ]
      })
    )
    for (const name of ['patient-scans', 'billing-exports']) {
      await ws.call('map.setPhi', { type: 'asset', id: (await assetByName(ws, name)).id, phi: 'phi', by: 'Dana' })
    }
    // Not PHI yet: its own setting says unencrypted, but nothing says it holds PHI.
    expect((await flagsOf(ws, 'phi-unencrypted-at-rest')).map(f => f.subjectKey)).toEqual(['arn:aws:s3:::patient-scans'])
    const [flag] = await flagsOf(ws, 'phi-unencrypted-at-rest')
    expect(flag).toMatchObject({ citation: '164.312(a)(2)(iv)', title: 'PHI stored without encryption at rest' })
    expect(flag!.message).toMatch(/scanner check s3_bucket_default_encryption fails/)

    await markZones(ws, ['vpc-phi'], [])
    const flags = await flagsOf(ws, 'phi-unencrypted-at-rest')
    expect(flags.map(f => f.subjectKey).sort()).toEqual(['arn:aws:s3:::patient-scans', 'aws:rds:patients'])
    expect(flags.find(f => f.subjectKey === 'aws:rds:patients')!.message).toMatch(/its settings do not encrypt it/)
  })
})

describe('rule: PHI leaving a boundary without encryption in transit', () => {
  it('flags an unencrypted PHI flow to an outside party, not one inside the same subnet', async () => {
    const ws = await createTestWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: twoVpcs(),
        assets: [asset('aws:rds:patients', 'database', [PHI_SUBNET]), asset('aws:ec2:app', 'instance', [PHI_SUBNET])],
        flows: [flow('aws:rds:patients', 'aws:ec2:app', 'reference', { encryptedInTransit: false })]
      })
    )
    await markZones(ws, ['vpc-phi'], [])
    expect(await flagsOf(ws, 'phi-unencrypted-in-transit')).toEqual([])
    const ba = await ws.call('baas.create', { associate: { name: 'Claims Clearing House', baaStatus: 'signed' } })
    const house = await ws.call('map.addAsset', { name: 'Clearing house', kind: 'external', businessAssociateId: ba.id, by: 'Dana' })
    const app = await assetByName(ws, 'app')
    await ws.call('map.addFlow', {
      from: { type: 'asset', id: app.id },
      to: { type: 'asset', id: house.id },
      label: 'SFTP claims',
      encryptedInTransit: false,
      by: 'Dana'
    })
    const flags = await flagsOf(ws, 'phi-unencrypted-in-transit')
    expect(flags).toHaveLength(1)
    expect(flags[0]).toMatchObject({ citation: '164.312(e)(1)' })
    expect(flags[0]!.message).toMatch(/PHI flows from app to Clearing house \(transfer: SFTP claims\) across a boundary/)
  })
})

describe('rule: PHI reaching an orchestration-only component', () => {
  it('infers metadata for an event notification (with the warning about keys) and flags PHI a person says reaches it', async () => {
    const ws = await createTestWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: twoVpcs(),
        assets: [
          asset('aws:s3:intake', 'bucket', [PHI_SUBNET], { serviceId: 'aws-s3', encryptedAtRest: true }),
          asset('aws:lambda:notify', 'function', [GENERAL_SUBNET], { serviceId: 'aws-lambda' }),
          asset('aws:sqs:jobs', 'queue', [GENERAL_SUBNET]),
          asset('aws:ec2:worker', 'instance', [PHI_SUBNET])
        ],
        flows: [
          flow('aws:s3:intake', 'aws:lambda:notify', 'event-notification', { label: 's3:ObjectCreated:*' }),
          flow('aws:lambda:notify', 'aws:sqs:jobs', 'reference'),
          flow('aws:sqs:jobs', 'aws:ec2:worker', 'event-source-mapping'),
          flow('aws:ec2:worker', 'aws:s3:intake', 'reference')
        ]
      })
    )
    await markZones(ws, ['vpc-phi'], [])
    await ws.call('map.setPhi', { type: 'zone', id: (await zoneByName(ws, 'vpc-general')).id, phi: 'orchestration', by: 'Dana' })
    const view = await ws.call('map.view', {})
    const carries = Object.fromEntries(
      view.flows.map(f => [`${view.assets.find(a => a.id === f.from.id)!.name}>${view.assets.find(a => a.id === f.to.id)!.name}`, f.carries])
    )
    expect(carries['intake>notify']).toMatchObject({ value: 'metadata', origin: 'inferred' })
    expect(carries['intake>notify']!.because).toMatch(/keys can hold identifiers/)
    expect(carries['notify>jobs']).toMatchObject({ value: 'metadata', origin: 'inferred' })
    expect(carries['worker>intake']).toMatchObject({ value: 'phi', origin: 'inferred' })
    // The indirection pattern as designed: no PHI in the orchestration zone, no path into a general zone.
    expect(await flagsOf(ws, 'phi-reaches-orchestration')).toEqual([])
    expect(await flagsOf(ws, 'phi-zone-reaches-general')).toEqual([])

    const notification = view.flows.find(f => f.kind === 'event-notification')!
    await ws.call('map.setPhi', { type: 'flow', id: notification.id, carries: 'phi', by: 'Dana' })
    const flags = await flagsOf(ws, 'phi-reaches-orchestration')
    expect(flags).toHaveLength(1)
    expect(flags[0]!.message).toMatch(/intake sends PHI to notify \(event-notification: s3:ObjectCreated:\*\), which is marked orchestration-only/)
    expect(flags[0]!.subjects).toContainEqual({ type: 'flow', id: notification.id })
  })
})

describe('rule: PHI handled by a service or party without an agreement', () => {
  it('asks to verify a service whose coverage is unknown, and flags an outside party with no agreement in force', async () => {
    const ws = await createTestWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: twoVpcs(),
        assets: [
          asset('aws:rds:patients', 'database', [PHI_SUBNET], { serviceId: 'aws-rds' }),
          asset('aws:textract:ocr', 'api', [PHI_SUBNET], { serviceId: null, resourceType: 'aws_textract_thing' })
        ]
      })
    )
    await markZones(ws, ['vpc-phi'], [])
    expect((await flagsOf(ws, 'phi-service-not-covered')).map(f => [f.subjectKey, f.message])).toEqual([
      ['aws:textract:ocr', expect.stringMatching(/does not know whether its service is covered.*verify against the provider's current list/)]
    ])
    const unsigned = await ws.call('baas.create', { associate: { name: 'Transcription Ltd', baaStatus: 'requested' } })
    const party = await ws.call('map.addAsset', { name: 'Transcription service', kind: 'external', phi: 'phi', by: 'Dana' })
    expect((await flagsOf(ws, 'phi-service-not-covered')).find(f => f.subjectKey === party.key)!.message).toMatch(
      /not linked to any agreement in the business associate register/
    )
    await ws.call('map.updateAsset', { id: party.id, businessAssociateId: unsigned.id })
    expect((await flagsOf(ws, 'phi-service-not-covered')).find(f => f.subjectKey === party.key)!.message).toMatch(
      /no agreement in force with Transcription Ltd \(status: requested\)/
    )
    await ws.call('baas.update', { id: unsigned.id, associate: { name: 'Transcription Ltd', baaStatus: 'signed' } })
    expect((await flagsOf(ws, 'phi-service-not-covered')).map(f => f.subjectKey)).toEqual(['aws:textract:ocr'])
  })
})

describe('rules: owners and the yearly review', () => {
  it('flags PHI assets with no owner until one is named, and a map never reviewed or reviewed over 12 months ago', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2025-06-01T12:00:00Z') })
    await importParsed(ws, infrastructure({ zones: twoVpcs(), assets: [asset('aws:rds:patients', 'database', [PHI_SUBNET])] }))
    expect(await flagsOf(ws, 'phi-asset-without-owner')).toEqual([])
    await markZones(ws, ['vpc-phi'], [])
    expect((await flagsOf(ws, 'phi-asset-without-owner')).map(f => f.subjectKey)).toEqual(['aws:rds:patients'])
    await ws.call('map.updateAsset', { id: (await assetByName(ws, 'patients')).id, owner: 'Records team' })
    expect(await flagsOf(ws, 'phi-asset-without-owner')).toEqual([])

    expect((await flagsOf(ws, 'map-not-reviewed')).map(f => f.message)).toEqual([
      'The data-flow map has never been reviewed. Review it and record the review.'
    ])
    await ws.call('map.review', { reviewedOn: '2024-05-31', by: 'Dana' })
    expect((await flagsOf(ws, 'map-not-reviewed'))[0]!.message).toMatch(/last reviewed on 2024-05-31, more than 12 months ago/)
    const review = await ws.call('map.review', { by: 'Dana', note: 'walked through with IT' })
    expect(review).toMatchObject({ reviewedOn: '2025-06-01', reviewedBy: 'Dana', note: 'walked through with IT' })
    expect(await flagsOf(ws, 'map-not-reviewed')).toEqual([])
    expect((await ws.call('map.view', {})).lastReview).toMatchObject({ id: review.id })
  })
})
