import { useEffect, useState } from 'react'
import { errorMessage } from '../../api'

/** Loads data for one dashboard card; each card fails on its own without blanking the page. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | null; error: string | null } {
  const [state, setState] = useState<{ data: T | null; error: string | null }>({ data: null, error: null })
  useEffect(() => {
    let live = true
    load().then(
      data => live && setState({ data, error: null }),
      error => live && setState({ data: null, error: errorMessage(error) })
    )
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  return state
}
