import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api'

export type SaveState = { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string }

/**
 * Saves edits as the person types: each change is queued, and the queued fields go in one call once typing
 * pauses for `delayMs`, when `flush()` is called (leaving a field), or when the component unmounts (the person
 * navigated away), so nothing typed is lost. Later values of a field replace earlier queued ones.
 */
export function useAutosave<Fields extends object>(save: (fields: Partial<Fields>) => Promise<unknown>, delayMs = 500) {
  const pending = useRef<Partial<Fields>>({})
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const saveRef = useRef(save)
  const live = useRef(true)
  const [state, setState] = useState<SaveState>({ kind: 'idle' })
  useEffect(() => {
    saveRef.current = save
  })

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const fields = pending.current
    if (Object.keys(fields).length === 0) return
    pending.current = {}
    if (live.current) setState({ kind: 'saving' })
    saveRef.current(fields).then(
      () => live.current && setState({ kind: 'saved' }),
      error => live.current && setState({ kind: 'error', message: errorMessage(error) })
    )
  }, [])

  const queue = useCallback(
    (fields: Partial<Fields>) => {
      pending.current = { ...pending.current, ...fields }
      setState({ kind: 'pending' })
      if (timer.current) clearTimeout(timer.current)
      timer.current = setTimeout(flush, delayMs)
    },
    [flush, delayMs]
  )

  useEffect(() => {
    live.current = true
    // Closing the window also counts as leaving.
    window.addEventListener('beforeunload', flush)
    return () => {
      window.removeEventListener('beforeunload', flush)
      live.current = false
      flush()
    }
  }, [flush])

  return { queue, flush, state }
}

export function saveStateText(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return ''
    case 'pending':
      return 'Editing…'
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'All changes saved.'
    case 'error':
      return `Not saved: ${state.message}`
  }
}
