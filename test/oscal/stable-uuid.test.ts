import { describe, expect, it } from 'vitest'
import { stableUuid } from '../../main/oscal/stable-uuid'

describe('stable UUIDs', () => {
  it('are RFC 9562 version 5: the value Python’s uuid.uuid5 gives for the same namespace and name, and differ by workspace and record', () => {
    // python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('638e8e87-fdec-5a48-bcf5-ee4ed87172c8'), 'ws-1/risk/abc'))"
    expect(stableUuid('ws-1', 'risk/abc')).toBe('5f50bef8-f348-5575-8eb6-0d3729baf048')
    expect(stableUuid('ws-2', 'risk/abc')).not.toBe(stableUuid('ws-1', 'risk/abc'))
    expect(stableUuid('ws-1', 'risk/abd')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
