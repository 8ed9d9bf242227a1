import { useState } from 'react'
import { errorMessage } from '../../api'
import { recorderName } from './recorder-name'

/**
 * The state every "decide and sign" dialog of the findings area shares (triage, withdraw, dismiss or restore a flag):
 * open, the deciding person's name (offered again from the last dialog), busy, and the error shown in the dialog.
 * `run` refuses without a name, records the name and closes on success, and keeps a failure in the dialog.
 */
export function useSignedDialog(nameMissing: string) {
  const [open, setOpen] = useState(false)
  const [by, setBy] = useState(recorderName.get())
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const onOpenChange = (next: boolean) => {
    setOpen(next)
    if (next) {
      setError(null)
      setBy(recorderName.get())
    }
  }

  const run = async <T>(work: (name: string) => Promise<T>, done?: (result: T) => void): Promise<void> => {
    const name = by.trim()
    if (!name) return setError(nameMissing)
    setBusy(true)
    try {
      const result = await work(name)
      recorderName.set(name)
      setOpen(false)
      done?.(result)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return { open, onOpenChange, by, setBy, error, setError, busy, run }
}
