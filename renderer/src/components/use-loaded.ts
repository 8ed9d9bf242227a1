import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../api'

/** What a component loaded: the data (null until the first load succeeds), the last load's error, and a way to load again. */
export interface Loaded<T> {
  data: T | null
  /** The last load's error, written for the user; null once a load succeeds. Data from an earlier load is kept. */
  error: string | null
  reload(): void
}

/**
 * Loads data with `load`, again whenever `deps` change or `reload()` is called. A load that finishes after
 * the component unmounted or after a newer load started is ignored, so a slow answer never overwrites a newer one.
 */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    let live = true
    load().then(
      value => {
        if (live) {
          setData(value)
          setError(null)
        }
      },
      caught => {
        if (live) setError(errorMessage(caught))
      }
    )
    return () => {
      live = false
    }
    // `load` is a new closure each render; `deps` say when it means something new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  const reload = useCallback(() => setTick(t => t + 1), [])
  return { data, error, reload }
}
