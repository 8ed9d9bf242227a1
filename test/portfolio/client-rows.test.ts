// The Clients view's sort and filter, as pure functions over the portfolio's entries.

import { describe, expect, it } from 'vitest'
import type { PortfolioEntry, WorkspaceSummaryEntry } from '../../main/portfolio/contract'
import { filterRows, NO_FILTERS, sortRows, toRows, type SortKey } from '../../renderer/src/areas/clients/client-rows'

function client(organization: string, figures: Partial<WorkspaceSummaryEntry>): WorkspaceSummaryEntry {
  return {
    path: `/clients/${organization.split(' ')[0]!.toLowerCase()}.safeguard`,
    locked: false,
    organization,
    role: 'covered-entity',
    protection: 'device-key',
    progress: null,
    gaps: 0,
    highRisks: 0,
    criticalRisks: 0,
    nextDeadline: null,
    overdue: 0,
    lastScanOn: null,
    expiringAgreements: 0,
    ...figures
  }
}

const deadline = (dueOn: string, breachNotice = false) => ({ dueOn, title: 'Something due', breachNotice, status: 'upcoming' as const })

const ENTRIES: PortfolioEntry[] = [
  client('Bayside Clinic', {
    gaps: 4,
    highRisks: 2,
    overdue: 1,
    nextDeadline: deadline('2026-03-01'),
    lastScanOn: '2026-02-01',
    progress: { periodId: 'p', answered: 5, applicable: 10, percent: 50 }
  }),
  client('Harbor Family Practice', {
    role: 'business-associate',
    protection: 'not-encrypted',
    nextDeadline: deadline('2026-05-01', true),
    expiringAgreements: 2
  }),
  client('Lakeside Dental', {
    gaps: 1,
    nextDeadline: deadline('2026-04-01'),
    lastScanOn: '2026-03-15',
    progress: { periodId: 'p', answered: 9, applicable: 10, percent: 90 }
  }),
  {
    path: '/clients/riverside.safeguard',
    locked: true,
    protection: 'passphrase',
    reason: 'Encrypted',
    cached: {
      summary: client('Riverside Pediatrics', { path: '/clients/riverside.safeguard', protection: 'passphrase', overdue: 3, highRisks: 1 }),
      readAt: '2026-03-30T10:00:00.000Z',
      asOf: '2026-03-30',
      stale: 'changed'
    }
  },
  { path: '/clients/oakwood.safeguard', locked: true, protection: 'passphrase', reason: 'Encrypted, and no key for it is kept on this computer' },
  { path: '/clients/broken.safeguard', locked: false, error: 'damaged', message: 'could not be read' }
]

const rows = toRows(ENTRIES)
const names = (list: { name: string }[]) => list.map(row => row.name)

describe('the Clients view rows', () => {
  it('take figures from a read workspace or a locked one’s saved summary, and name the rest by file', () => {
    expect(rows.map(row => [row.name, row.state, row.summary !== null, row.cached?.stale ?? null])).toEqual([
      ['Bayside Clinic', 'read', true, null],
      ['Harbor Family Practice', 'read', true, null],
      ['Lakeside Dental', 'read', true, null],
      ['Riverside Pediatrics', 'locked', true, 'changed'],
      ['oakwood.safeguard', 'locked', false, null],
      ['broken.safeguard', 'unreadable', false, null]
    ])
  })

  it.each<[SortKey, boolean, string[]]>([
    [
      'organization',
      false,
      ['Bayside Clinic', 'broken.safeguard', 'Harbor Family Practice', 'Lakeside Dental', 'oakwood.safeguard', 'Riverside Pediatrics']
    ],
    [
      'overdue',
      true,
      ['Riverside Pediatrics', 'Bayside Clinic', 'Harbor Family Practice', 'Lakeside Dental', 'broken.safeguard', 'oakwood.safeguard']
    ],
    [
      'overdue',
      false,
      ['Harbor Family Practice', 'Lakeside Dental', 'Bayside Clinic', 'Riverside Pediatrics', 'broken.safeguard', 'oakwood.safeguard']
    ],
    // A breach notice first whatever its date; workspaces without a deadline or without figures last, in either direction.
    [
      'nextDeadline',
      false,
      ['Harbor Family Practice', 'Bayside Clinic', 'Lakeside Dental', 'broken.safeguard', 'oakwood.safeguard', 'Riverside Pediatrics']
    ],
    [
      'nextDeadline',
      true,
      ['Lakeside Dental', 'Bayside Clinic', 'Harbor Family Practice', 'broken.safeguard', 'oakwood.safeguard', 'Riverside Pediatrics']
    ],
    [
      'progress',
      true,
      ['Lakeside Dental', 'Bayside Clinic', 'Harbor Family Practice', 'Riverside Pediatrics', 'broken.safeguard', 'oakwood.safeguard']
    ],
    [
      'lastScanOn',
      true,
      ['Lakeside Dental', 'Bayside Clinic', 'broken.safeguard', 'Harbor Family Practice', 'oakwood.safeguard', 'Riverside Pediatrics']
    ],
    [
      'protection',
      false,
      ['Bayside Clinic', 'Lakeside Dental', 'Harbor Family Practice', 'oakwood.safeguard', 'Riverside Pediatrics', 'broken.safeguard']
    ],
    ['role', false, ['Harbor Family Practice', 'Bayside Clinic', 'Lakeside Dental', 'Riverside Pediatrics', 'broken.safeguard', 'oakwood.safeguard']]
  ])('sort by %s (descending %s)', (key, descending, expected) => {
    expect(names(sortRows(rows, { key, descending }))).toEqual(expected)
  })

  it('filters by name, role, protection and each figure; a filter on a figure leaves out rows without figures', () => {
    expect(names(filterRows(rows, NO_FILTERS))).toHaveLength(ENTRIES.length)
    expect(names(filterRows(rows, { ...NO_FILTERS, text: '  LAKE ' }))).toEqual(['Lakeside Dental'])
    expect(names(filterRows(rows, { ...NO_FILTERS, text: 'oakwood' }))).toEqual(['oakwood.safeguard'])
    expect(names(filterRows(rows, { ...NO_FILTERS, role: 'business-associate' }))).toEqual(['Harbor Family Practice'])
    expect(names(filterRows(rows, { ...NO_FILTERS, protection: 'passphrase' }))).toEqual(['Riverside Pediatrics', 'oakwood.safeguard'])
    expect(names(filterRows(rows, { ...NO_FILTERS, hasOverdue: true }))).toEqual(['Bayside Clinic', 'Riverside Pediatrics'])
    expect(names(filterRows(rows, { ...NO_FILTERS, hasHighRisks: true }))).toEqual(['Bayside Clinic', 'Riverside Pediatrics'])
    expect(names(filterRows(rows, { ...NO_FILTERS, hasGaps: true }))).toEqual(['Bayside Clinic', 'Lakeside Dental'])
    expect(names(filterRows(rows, { ...NO_FILTERS, agreementsExpiring: true }))).toEqual(['Harbor Family Practice'])
    expect(names(filterRows(rows, { ...NO_FILTERS, hasOverdue: true, protection: 'device-key' }))).toEqual(['Bayside Clinic'])
  })
})
