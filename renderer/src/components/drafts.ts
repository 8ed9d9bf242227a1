import { useCallback, useState } from 'react'
import { useWorkspace } from '../workspace-context'

/**
 * Input the server cannot take yet (an acceptance without its expiry, a task not added yet, a reason not submitted),
 * kept for the session so it survives the panel closing and the person visiting another area. Held in memory only:
 * nothing here is written to disk, and it is gone when the app quits.
 */
const drafts = new Map<string, unknown>()

/** useState whose value outlives the component: keyed by the open workspace and `key` (e.g. the risk and the form). */
export function useDraft<T>(key: string, initial: T | (() => T)) {
  const { workspace } = useWorkspace()
  const fullKey = `${workspace.path}\n${key}`
  const [value, setValue] = useState<T>(() =>
    drafts.has(fullKey) ? (drafts.get(fullKey) as T) : typeof initial === 'function' ? (initial as () => T)() : initial
  )
  /** Keeps the value as a draft. */
  const keep = useCallback(
    (next: T) => {
      drafts.set(fullKey, next)
      setValue(next)
    },
    [fullKey]
  )
  /** Shows `next` and forgets the draft: what it held is saved (or was given up). */
  const settle = useCallback(
    (next: T) => {
      drafts.delete(fullKey)
      setValue(next)
    },
    [fullKey]
  )
  /** Forgets the draft once `saved` is recorded, unless something newer was typed since. */
  const forgetIfStill = useCallback(
    (saved: T) => {
      if (drafts.get(fullKey) === saved) drafts.delete(fullKey)
    },
    [fullKey]
  )
  /** Rewrites the stored draft without showing it (say, dropping the fields a save just recorded); undefined forgets it. */
  const prune = useCallback(
    (rewrite: (stored: T) => T | undefined) => {
      if (!drafts.has(fullKey)) return
      const next = rewrite(drafts.get(fullKey) as T)
      if (next === undefined) drafts.delete(fullKey)
      else drafts.set(fullKey, next)
    },
    [fullKey]
  )
  return [value, keep, settle, drafts.has(fullKey), forgetIfStill, prune] as const
}
