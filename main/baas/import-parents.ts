import type { ImportRowReport } from './contract'
import type { ImportedAssociate } from './import-rows'

/**
 * The parents of an imported register: each row's `parent` names a party in the file (any order) or one
 * already in the workspace. Every step is one pass with maps, so a register of thousands of parties in one
 * deep chain is checked in linear time (walking each row's chain from scratch was cubic).
 */

export interface WorkspaceParty {
  id: number
  name: string
}

/** Where a row's parent is: another row of the file (its 0-based position) or a party in the workspace. */
export type ParentLink = { fileIndex: number } | { workspaceId: number }

/** SQLite's NOCASE, which the workspace's name lookups use, folds only the 26 ASCII letters. */
function foldAscii(name: string): string {
  return name.replace(/[A-Z]+/g, letters => letters.toLowerCase())
}

function groupBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Map<string, number[]> {
  const groups = new Map<string, number[]>()
  for (const item of items) {
    const group = groups.get(key(item))
    if (group) group.push(value(item))
    else groups.set(key(item), [value(item)])
  }
  return groups
}

/**
 * Adds each row's parent problems to its report (a name found nowhere, found more than once, the row itself,
 * a chain that loops) and answers where each parent is, keyed by the row's position in the file.
 */
export function checkParents(
  valid: readonly ImportedAssociate[],
  reports: ImportRowReport[],
  workspace: readonly WorkspaceParty[]
): Map<number, ParentLink> {
  const namesInFile = groupBy(
    valid,
    row => row.values.name.toLowerCase(),
    row => row.index
  )
  const namesInWorkspace = groupBy(
    [...workspace].sort((a, b) => a.id - b.id),
    party => foldAscii(party.name),
    party => party.id
  )
  const links = new Map<number, ParentLink>()
  for (const row of valid) {
    if (row.parent === undefined) continue
    const inFile = namesInFile.get(row.parent.toLowerCase()) ?? []
    const inWorkspace = namesInWorkspace.get(foldAscii(row.parent)) ?? []
    const report = reports[row.index]!
    if (inFile.length + inWorkspace.length === 0) report.errors.push(`parent: no party named "${row.parent}" in the file or the workspace`)
    else if (inFile.length + inWorkspace.length > 1) report.errors.push(`parent: more than one party is named "${row.parent}"`)
    else if (inFile[0] === row.index) report.errors.push('parent: a party cannot be its own parent')
    report.ok = report.errors.length === 0
    // The loop check follows the first party of that name in the file, even where the name is ambiguous.
    if (inFile[0] !== undefined) links.set(row.index, { fileIndex: inFile[0] })
    else if (inWorkspace[0] !== undefined) links.set(row.index, { workspaceId: inWorkspace[0] })
  }
  for (const index of rowsInLoops(valid, links)) {
    reports[index]!.errors.push('parent: the chain loops back to this party')
    reports[index]!.ok = false
  }
  return links
}

const UNSEEN = 0
const ON_PATH = 1
const ENDS = 2
const LOOPS = 3

/**
 * The rows whose chain of in-file parents never ends: those in a loop and those below one. One walk per
 * chain: each row is coloured the first time it is reached, and a later walk stops at a coloured row.
 */
function rowsInLoops(valid: readonly ImportedAssociate[], links: ReadonlyMap<number, ParentLink>): number[] {
  const state = new Map<number, number>()
  const parentRow = (index: number): number | undefined => {
    const link = links.get(index)
    return link && 'fileIndex' in link ? link.fileIndex : undefined
  }
  for (const row of valid) {
    const path: number[] = []
    let current: number | undefined = row.index
    while (current !== undefined && (state.get(current) ?? UNSEEN) === UNSEEN) {
      state.set(current, ON_PATH)
      path.push(current)
      current = parentRow(current)
    }
    const outcome = current === undefined ? ENDS : state.get(current) === ON_PATH ? LOOPS : state.get(current)!
    for (const index of path) state.set(index, outcome)
  }
  return valid.filter(row => state.get(row.index) === LOOPS).map(row => row.index)
}

/**
 * The rows in an order they can be inserted: each after its parent in the file, otherwise in file order
 * (the order the recursive insert gave). The chains must have been checked for loops.
 */
export function insertionOrder(valid: readonly ImportedAssociate[], links: ReadonlyMap<number, ParentLink>): ImportedAssociate[] {
  const byIndex = new Map(valid.map(row => [row.index, row]))
  const placed = new Set<number>()
  const order: ImportedAssociate[] = []
  for (const row of valid) {
    // The row and its parents not yet placed, nearest first; placed from the top of the chain down.
    const pending: ImportedAssociate[] = []
    for (let current: ImportedAssociate | undefined = row; current && !placed.has(current.index);) {
      pending.push(current)
      placed.add(current.index)
      const link = links.get(current.index)
      current = link && 'fileIndex' in link ? byIndex.get(link.fileIndex) : undefined
    }
    for (let i = pending.length - 1; i >= 0; i--) order.push(pending[i]!)
  }
  return order
}
