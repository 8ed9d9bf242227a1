import { describe, expect, it } from 'vitest'
import type { ImportRowReport } from '../../main/baas/contract'
import { checkParents, insertionOrder } from '../../main/baas/import-parents'
import type { ImportedAssociate } from '../../main/baas/import-rows'

const LOOP = 'parent: the chain loops back to this party'

/** Rows as the worker hands them over: row i named "Party i", its parent named by parentOf(i). */
function register(count: number, parentOf: (i: number) => number | undefined): { valid: ImportedAssociate[]; reports: ImportRowReport[] } {
  const valid = Array.from({ length: count }, (_, index) => {
    const parent = parentOf(index)
    return { index, values: { name: `Party ${index}` } as ImportedAssociate['values'], parent: parent === undefined ? undefined : `party ${parent}` }
  })
  return { valid, reports: valid.map(row => ({ row: row.index + 1, name: row.values.name, ok: true, errors: [] })) }
}

describe('the parent chain of an imported register', () => {
  it('checks 12,000 parties in one deep chain, each a child of the next, and orders every parent before its children', () => {
    const count = 12_000
    const { valid, reports } = register(count, i => (i + 1 < count ? i + 1 : undefined))
    const links = checkParents(valid, reports, [])
    expect(reports.filter(report => !report.ok)).toEqual([])
    const order = insertionOrder(valid, links)
    expect(order).toHaveLength(count)
    const position = new Map(order.map((row, at) => [row.index, at]))
    for (const row of valid) {
      const link = links.get(row.index)
      if (row.index + 1 < count) expect(link).toEqual({ fileIndex: row.index + 1 })
      else expect(link).toBeUndefined()
      if (link && 'fileIndex' in link) expect(position.get(link.fileIndex)!).toBeLessThan(position.get(row.index)!)
    }
  })

  it('finds a loop at the bottom of a 12,000-party chain, reported on every party above it', () => {
    const count = 12_000
    // The last ten parties form a loop; every other party's chain runs into it.
    const { valid, reports } = register(count, i => (i + 1 < count ? i + 1 : count - 10))
    checkParents(valid, reports, [])
    expect(reports.every(report => !report.ok && report.errors.length === 1 && report.errors[0] === LOOP)).toBe(true)
  })

  it('reports only the parties in or below a loop, and parents in the workspace by name regardless of ASCII case', () => {
    // 0 → 1 → 2 → 1 loops; 3 → 4 ends at a workspace party; 5 → 0 runs into the loop.
    const parents: Record<number, string> = { 0: 'party 1', 1: 'party 2', 2: 'party 1', 3: 'party 4', 4: 'NORTHWIND billing', 5: 'party 0' }
    const { valid, reports } = register(6, () => undefined)
    for (const row of valid) row.parent = parents[row.index]
    const links = checkParents(valid, reports, [{ id: 42, name: 'Northwind Billing' }])
    expect(reports.map(report => report.errors)).toEqual([[LOOP], [LOOP], [LOOP], [], [], [LOOP]])
    expect(links.get(4)).toEqual({ workspaceId: 42 })
  })
})
