import { useSyncExternalStore } from 'react'

/**
 * A counter that moves each time evidence is added, edited or archived anywhere on screen, so every panel and
 * freshness line showing evidence reads it again (the questionnaire's counts follow an attachment made on its card).
 */
let version = 0
const listeners = new Set<() => void>()

export function noteEvidenceChanged(): void {
  version += 1
  listeners.forEach(listener => listener())
}

export function useEvidenceVersion(): number {
  return useSyncExternalStore(
    listener => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => version
  )
}
