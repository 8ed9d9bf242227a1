import { useEffect, useState } from 'react'

/** 'dark' or 'light', following the operating system's setting live. */
export function useOsAppearance(): 'light' | 'dark' {
  const query = '(prefers-color-scheme: dark)'
  const [dark, setDark] = useState(() => window.matchMedia(query).matches)
  useEffect(() => {
    const media = window.matchMedia(query)
    const update = () => setDark(media.matches)
    media.addEventListener('change', update)
    return () => media.removeEventListener('change', update)
  }, [])
  return dark ? 'dark' : 'light'
}
