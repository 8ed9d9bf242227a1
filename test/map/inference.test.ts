import { describe, expect, it } from 'vitest'
import { effectiveFlowCarries, EVENT_KEY_WARNING } from '../../main/map/inference/flow-carries'
import { effectiveAssetMarking, effectiveZoneMarkings } from '../../main/map/inference/zone-and-asset-phi'

const zone = (id: number, parentId: number | null, said: 'phi' | 'general' | 'orchestration' | null = null) => ({
  id,
  name: `z${id}`,
  parentId,
  said,
  saidBy: said ? 'Dana' : null,
  saidAt: said ? '2025-01-01T00:00:00Z' : null
})

describe('zone and asset markings', () => {
  it('takes the nearest marked ancestor, a person marking wins, and nothing said stays unknown', () => {
    const markings = effectiveZoneMarkings([zone(1, null, 'phi'), zone(2, 1), zone(3, 2, 'general'), zone(4, 3), zone(5, null)])
    expect(markings.get(2)).toMatchObject({ value: 'phi', origin: 'inferred', because: 'inside phi zone z1' })
    expect(markings.get(3)).toMatchObject({ value: 'general', origin: 'person', saidBy: 'Dana' })
    expect(markings.get(4)).toMatchObject({ value: 'general', origin: 'inferred', because: 'inside general zone z3' })
    expect(markings.get(5)).toMatchObject({ value: null, origin: 'unknown' })
  })

  it('survives a parent cycle', () => {
    const markings = effectiveZoneMarkings([zone(1, 2), zone(2, 1)])
    expect(markings.get(1)?.value).toBeNull()
  })

  it('makes an asset in a PHI zone and a general zone PHI, and keeps a person marking', () => {
    const phi = { value: 'phi' as const, origin: 'person' as const, saidBy: null, saidAt: null, because: null }
    const general = { ...phi, value: 'general' as const }
    const zones = [
      { name: 'general-subnet', marking: general },
      { name: 'phi-subnet', marking: phi }
    ]
    expect(effectiveAssetMarking({ value: null, by: null, at: null }, zones)).toMatchObject({
      value: 'phi',
      origin: 'inferred',
      because: 'in phi zone phi-subnet'
    })
    expect(effectiveAssetMarking({ value: 'orchestration', by: 'Sam', at: 't' }, zones)).toMatchObject({
      value: 'orchestration',
      origin: 'person',
      saidBy: 'Sam'
    })
    expect(effectiveAssetMarking({ value: null, by: null, at: null }, [])).toMatchObject({ value: null, origin: 'unknown' })
    // A security group guards a PHI zone but holds nothing: it is not counted as a PHI asset.
    expect(effectiveAssetMarking({ value: null, by: null, at: null }, zones, 'security-group')).toMatchObject({ value: null, origin: 'unknown' })
    expect(effectiveAssetMarking({ value: null, by: null, at: null }, zones, 'database')).toMatchObject({ value: 'phi', origin: 'inferred' })
  })
})

describe('what a flow carries', () => {
  const end = (name: string, marking: 'phi' | 'general' | 'orchestration' | null) => ({ name, marking })
  const none = { value: null, by: null, at: null }

  it('carries PHI out of a PHI asset, metadata for an event notification (with the warning about keys) or into orchestration', () => {
    expect(effectiveFlowCarries({ kind: 'reference', said: none, from: end('db', 'phi'), to: end('app', null) })).toMatchObject({
      value: 'phi',
      origin: 'inferred'
    })
    const event = effectiveFlowCarries({ kind: 'event-notification', said: none, from: end('bucket', 'phi'), to: end('fn', null) })
    expect(event).toMatchObject({ value: 'metadata', origin: 'inferred' })
    expect(event.because).toContain(EVENT_KEY_WARNING)
    expect(effectiveFlowCarries({ kind: 'invocation', said: none, from: end('bucket', 'phi'), to: end('fn', 'orchestration') })).toMatchObject({
      value: 'metadata',
      because: expect.stringMatching(/into orchestration-only fn/)
    })
    expect(effectiveFlowCarries({ kind: 'reference', said: none, from: end('fn', 'orchestration'), to: end('queue', null) }).value).toBe('metadata')
    expect(effectiveFlowCarries({ kind: 'reference', said: none, from: end('web', 'general'), to: end('db', 'phi') }).value).toBeNull()
  })

  it('treats reachability as a PHI path whichever end holds PHI, and never overrides a person', () => {
    expect(effectiveFlowCarries({ kind: 'network', said: none, from: end('web', 'general'), to: end('db', 'phi') })).toMatchObject({
      value: 'phi',
      because: 'network path to PHI db'
    })
    expect(effectiveFlowCarries({ kind: 'peering', said: none, from: end('a', null), to: end('b', 'general') }).value).toBeNull()
    expect(
      effectiveFlowCarries({
        kind: 'event-notification',
        said: { value: 'phi', by: 'Dana', at: 't' },
        from: end('bucket', 'phi'),
        to: end('fn', null)
      })
    ).toMatchObject({ value: 'phi', origin: 'person', saidBy: 'Dana' })
  })
})
