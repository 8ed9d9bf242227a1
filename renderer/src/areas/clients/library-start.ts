import type { LibraryApplyPreview } from '../../../../main/library/contract'

/** A picked library item that was not applied to the new client, and why. */
export interface NotApplied {
  title: string
  kindLabel: string
  reason: string
}

/** What to apply to a just-created client: the picked items the workspace can take, and the others with why not. */
export interface LibraryStartPlan {
  apply: number[]
  notApplied: NotApplied[]
}

/** The library's items as listed to the person, by kind: where a picked item's title comes from when the preview lacks it. */
export type ListedItems = readonly { label: string; items: readonly { id: number; title: string }[] }[]

function titles(listed: ListedItems): Map<number, { title: string; kindLabel: string }> {
  return new Map(listed.flatMap(kind => kind.items.map(item => [item.id, { title: item.title, kindLabel: kind.label }] as const)))
}

const unknownItem = (id: number) => ({ title: `Item ${id}`, kindLabel: 'Library item' })

/**
 * Splits the picked items by the new workspace's own preview: an item it cannot take (its problem says why) or that
 * left the library meanwhile is reported, one already the same there needs nothing, the rest are applied together.
 */
export function planLibraryStart(preview: LibraryApplyPreview, picked: readonly number[], listed: ListedItems = []): LibraryStartPlan {
  const listedTitles = titles(listed)
  const byId = new Map(preview.kinds.flatMap(kind => kind.items.map(item => [item.id, { item, kindLabel: kind.label }] as const)))
  const plan: LibraryStartPlan = { apply: [], notApplied: [] }
  for (const id of picked) {
    const found = byId.get(id)
    if (!found) plan.notApplied.push({ ...(listedTitles.get(id) ?? unknownItem(id)), reason: 'It is no longer in the library.' })
    else if (found.item.effect === null)
      plan.notApplied.push({ title: found.item.title, kindLabel: found.kindLabel, reason: found.item.problem ?? 'It cannot be applied here.' })
    else if (found.item.effect !== 'unchanged') plan.apply.push(id)
  }
  return plan
}

/** Every picked item, when applying them together failed: nothing of them was applied, for this one reason. */
export function allNotApplied(listed: ListedItems, ids: readonly number[], reason: string): NotApplied[] {
  const known = titles(listed)
  return ids.map(id => ({ ...(known.get(id) ?? unknownItem(id)), reason }))
}
