import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { useDraft } from './drafts'

/**
 * The values of a form with a Save button, kept as a session draft (in memory, keyed by the workspace, the form and
 * its record) from the first change until they are saved or discarded, so closing a dialog, switching area or
 * tab never drops what was typed. `saved` gives the values as stored, to start from and to compare with.
 */
export function useFormDraft<Values extends object>(key: string, saved: () => Values) {
  const [values, keep, settle, hasDraft] = useDraft<Values>(key, saved)
  // Whether the form opened on a draft from an earlier visit: the note offering to discard it is shown then.
  const [restored, setRestored] = useState(hasDraft)
  // Two changes in one event (say, a status and its date) both count: each builds on the one before.
  const latest = useRef(values)
  useLayoutEffect(() => {
    latest.current = values
  })
  // Stored values that change (a save, a reload) are shown, unless a draft is being kept over them.
  const savedSignature = JSON.stringify(saved())
  const [syncedSignature, setSyncedSignature] = useState(savedSignature)
  if (savedSignature !== syncedSignature) {
    setSyncedSignature(savedSignature)
    if (!hasDraft) settle(saved())
  }

  const set = useCallback(
    <K extends keyof Values>(name: K, value: Values[K] | ((previous: Values[K]) => Values[K])) => {
      const current = latest.current
      const next = { ...current, [name]: typeof value === 'function' ? (value as (previous: Values[K]) => Values[K])(current[name]) : value }
      latest.current = next
      // Typing back to what is stored leaves nothing unsaved.
      if (JSON.stringify(next) === JSON.stringify(saved())) settle(next)
      else keep(next)
    },
    [keep, settle, saved]
  )
  /** Takes a whole new set of values, from a form that keeps its own state. */
  const replace = useCallback(
    (next: Values) => {
      latest.current = next
      if (JSON.stringify(next) === JSON.stringify(saved())) settle(next)
      else keep(next)
    },
    [keep, settle, saved]
  )
  /** Forgets the draft and shows the stored values again. */
  const discard = useCallback(() => {
    setRestored(false)
    settle(saved())
  }, [settle, saved])
  /** The values were saved: the draft is no longer needed. */
  const clear = useCallback(() => {
    setRestored(false)
    settle(values)
  }, [settle, values])

  return { values, set, replace, restored: restored && hasDraft, unsaved: hasDraft, discard, clear }
}
