import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../../api'

/** Loads data with `load`, again whenever `deps` change or `reload()` is called. */
export function useLoaded<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null; reload(): void } {
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
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  const reload = useCallback(() => setTick(t => t + 1), [])
  return { data, error, reload }
}
