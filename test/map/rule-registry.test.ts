import { describe, expect, it } from 'vitest'
import type { MapAsset, MarkingState, PhiMarking } from '../../main/map/contract'
import { MAP_RULES, evaluateMapRules } from '../../main/map/rules'
import type { MapRuleInput } from '../../main/map/rules/rule'

const phi: MarkingState<PhiMarking> = { value: 'phi', origin: 'person', saidBy: 'Dana', saidAt: '2025-01-01T00:00:00Z', because: null }

function asset(id: number, extra: Partial<MapAsset>): MapAsset {
  return {
    id,
    key: `k${id}`,
    name: `asset ${id}`,
    kind: 'database',
    resourceType: 'aws_thing',
    serviceId: null,
    phi,
    owner: 'Ops',
    manual: false,
    zoneName: null,
    zoneIds: [],
    businessAssociateId: null,
    removedAt: null,
    arn: null,
    account: null,
    region: null,
    encryptedAtRest: true,
    publicAccess: null,
    attributes: {},
    notes: '',
    sourceIds: [],
    createdAt: '',
    updatedAt: '',
    ...extra
  }
}

const input = (assets: MapAsset[]): MapRuleInput => ({
  assets,
  zones: [],
  flows: [],
  services: new Map([
    ['svc-covered', { name: 'Covered Service', coverage: 'eligible' }],
    ['svc-outside', { name: 'Outside Service', coverage: 'not-eligible' }]
  ]),
  businessAssociates: new Map(),
  failingChecks: new Map(),
  lastReview: { id: 1, reviewedOn: '2025-05-01', reviewedBy: 'Dana', note: '', recordedAt: '' },
  today: '2025-06-01'
})

describe('map rules registry', () => {
  it('gives every rule a unique id and a title; citations are Security Rule sections or the proposed rule said as such', () => {
    expect(new Set(MAP_RULES.map(r => r.id)).size).toBe(MAP_RULES.length)
    for (const rule of MAP_RULES) {
      expect(rule.title.length).toBeGreaterThan(10)
      if (rule.citation !== null) expect(rule.citation).toMatch(/^(164\.\d{3}\([a-z]\)|90 FR 898 \(proposed, not final\))/)
    }
  })

  it('says a PHI asset on a service outside the addendum is not covered, and leaves covered, general and own assets alone', () => {
    const results = evaluateMapRules(
      input([
        asset(1, { serviceId: 'svc-outside' }),
        asset(2, { serviceId: 'svc-covered' }),
        asset(3, { serviceId: 'svc-outside', phi: { ...phi, value: 'general' } }),
        asset(4, { kind: 'paper', manual: true })
      ])
    )
    expect(results.map(r => [r.rule.id, r.subjectKey])).toEqual([['phi-service-not-covered', 'k1']])
    expect(results[0]!.message).toMatch(/on Outside Service, which the provider's business associate addendum does not cover/)
  })
})
