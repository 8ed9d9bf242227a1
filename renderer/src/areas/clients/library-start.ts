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

/**
 * Splits the picked items by the new workspace's own preview: an item it cannot take (its problem says why) or that
 * left the library meanwhile is reported, one already the same there needs nothing, the rest are applied together.
 */
export function planLibraryStart(preview: LibraryApplyPreview, picked: readonly number[]): LibraryStartPlan {
  const byId = new Map(preview.kinds.flatMap(kind => kind.items.map(item => [item.id, { item, kindLabel: kind.label }] as const)))
  const plan: LibraryStartPlan = { apply: [], notApplied: [] }
  for (const id of picked) {
    const found = byId.get(id)
    if (!found) plan.notApplied.push({ title: `Item ${id}`, kindLabel: 'Library item', reason: 'It is no longer in the library.' })
    else if (found.item.effect === null)
      plan.notApplied.push({ title: found.item.title, kindLabel: found.kindLabel, reason: found.item.problem ?? 'It cannot be applied here.' })
    else if (found.item.effect !== 'unchanged') plan.apply.push(id)
  }
  return plan
}

/** Every picked item, when applying them together failed: nothing of them was applied, for this one reason. */
export function allNotApplied(preview: LibraryApplyPreview | null, ids: readonly number[], reason: string): NotApplied[] {
  const byId = new Map(
    (preview?.kinds ?? []).flatMap(kind => kind.items.map(item => [item.id, { title: item.title, kindLabel: kind.label }] as const))
  )
  return ids.map(id => ({ ...(byId.get(id) ?? { title: `Item ${id}`, kindLabel: 'Library item' }), reason }))
}
