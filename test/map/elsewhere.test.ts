import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'
import { asset, importParsed, infrastructure, zone, zoneByName } from './map-builders'

const ACCOUNT = 'aws:account:111122223333'
const PHI_VPC = 'aws:vpc:vpc-phi'

describe('the map used elsewhere', () => {
  it('leaves the inventory and procurement answer 2 as they were when there is no map', async () => {
    const ws = await createTestWorkspace()
    const inventory = await ws.call('assessment.inventory', {})
    expect(inventory.items.every(i => i.fromMap === undefined && !i.holdsPhi)).toBe(true)
    const procurement = await ws.call('assessment.procurement', {})
    expect(procurement.services.basis).toEqual(['cloud service inventory'])
  })

  it('takes the services holding PHI from the map: services of PHI assets, in use when the map has them', async () => {
    const ws = await createTestWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: [zone(ACCOUNT, 'account'), zone(PHI_VPC, 'vpc', ACCOUNT)],
        assets: [
          asset('aws:rds:patients', 'database', [PHI_VPC], { serviceId: 'aws-rds' }),
          asset('aws:rds:replica', 'database', [PHI_VPC], { serviceId: 'aws-rds' }),
          asset('aws:s3:marketing', 'bucket', [ACCOUNT], { serviceId: 'aws-s3' })
        ]
      })
    )
    let items = (await ws.call('assessment.inventory', {})).items
    const byId = (id: string) => items.find(i => i.serviceId === id)!
    expect(byId('aws-rds')).toMatchObject({ inUse: true, holdsPhi: false, fromMap: { assets: 2, phiAssets: 0 } })
    expect(byId('aws-ec2')).toMatchObject({ inUse: false, holdsPhi: false, fromMap: { assets: 0, phiAssets: 0 } })

    await ws.call('map.setPhi', { type: 'zone', id: (await zoneByName(ws, 'vpc-phi')).id, phi: 'phi', by: 'Dana' })
    items = (await ws.call('assessment.inventory', {})).items
    expect(byId('aws-rds')).toMatchObject({ inUse: true, holdsPhi: true, fromMap: { assets: 2, phiAssets: 2 } })
    expect(byId('aws-s3')).toMatchObject({ inUse: true, holdsPhi: false })
    const services = (await ws.call('assessment.procurement', {})).services
    expect(services.basis.slice(0, 2)).toEqual(['data-flow map', 'cloud service inventory'])
    expect(services.phiServices.map(s => s.name)).toEqual([byId('aws-rds').name])
    expect(services.answer).toMatch(/The data-flow map shows PHI in 1 of them \(Amazon RDS \(PostgreSQL\): 2 assets\)/)

    // What a person ticked by hand still counts: the map never un-ticks PHI.
    await ws.call('assessment.setService', { serviceId: 'aws-s3', holdsPhi: true })
    items = (await ws.call('assessment.inventory', {})).items
    expect(byId('aws-s3')).toMatchObject({ holdsPhi: true, fromMap: { assets: 1, phiAssets: 0 } })
  })

  it('puts the yearly map review on the calendar: a recorded review is the asset inventory and network map review done', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2025-06-01T12:00:00Z') })
    const review = async () => {
      const { items } = await ws.call('calendar.list', { asOf: '2025-06-01', includeProposed: true })
      return items.find(i => i.uid === 'recurring-asset-inventory-review')!
    }
    const before = await review()
    expect(before).toMatchObject({ proposed: true, checkWithCounsel: true })
    expect(before.basis).toMatch(/No completion recorded yet/)
    await ws.call('map.review', { reviewedOn: '2025-05-20', by: 'Dana' })
    const after = await review()
    expect(after.dueOn).toBe('2026-05-20')
    expect(after.basis).toMatch(/Last done 2025-05-20/)
  })
})
