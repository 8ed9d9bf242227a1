import { useSyncExternalStore } from 'react'
import { api } from '../../api'

/**
 * Whether the "Proposed rule readiness" area is shown, as the app keeps it (proposedRule.viewSetting): read once,
 * then changed from Settings, and every reader (the navigation, the Settings switch) sees the change at once.
 * Off until the answer comes, so the area never flashes in before the setting is known.
 */

let shown = false
let loading: Promise<void> | null = null
const listeners = new Set<() => void>()

function publish(next: boolean) {
  shown = next
  listeners.forEach(listener => listener())
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  loading ??= api['proposedRule.viewSetting']({}).then(
    setting => publish(setting.shown),
    () => undefined
  )
  return () => listeners.delete(listener)
}

export function useReadinessViewShown(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => shown,
    () => false
  )
}

/** Keeps the choice in the app's data folder and shows or hides the area. */
export async function setReadinessViewShown(next: boolean): Promise<void> {
  const setting = await api['proposedRule.setViewSetting']({ shown: next })
  publish(setting.shown)
}
