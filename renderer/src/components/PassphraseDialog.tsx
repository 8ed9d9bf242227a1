import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { Code, Dialog, Flex, Text, TextField } from '@radix-ui/themes'
import { ApiCallError, errorMessage } from '../api'
import { DialogFormFooter } from './DialogFormFooter'

/** Whether a call refused the passphrase or key it was given (the handlers' `wrong-passphrase` reason). */
export function isWrongKey(error: unknown): boolean {
  return error instanceof ApiCallError && (error.details as { reason?: unknown } | undefined)?.reason === 'wrong-passphrase'
}

/**
 * Asks for the passphrase of an encrypted file (a workspace to open, a locked client's summary, a practice library) and
 * hands it to `onSubmit`; a refused key is said in words and the dialog stays open. The passphrase is cleared once used.
 */
export function PassphraseDialog(props: {
  path: string | null
  title: ReactNode
  description: ReactNode
  label: string
  submitLabel: string
  busyLabel: string
  /** Said when the field is empty. */
  emptyMessage: string
  /** Said when the key is refused. */
  wrongMessage: string
  /** Shown under the field after a refused key. */
  refusedHint?: string
  /** More fields under the passphrase (e.g. "Remember on this device"). */
  children?: ReactNode
  onSubmit(passphrase: string): Promise<void>
  onClose(): void
}) {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  // An encrypted file and a file that is not one look alike until a key is tried: after a refused key, say so.
  const [keyRefused, setKeyRefused] = useState(false)
  const [busy, setBusy] = useState(false)
  const passphraseId = useId()
  const hintId = useId()

  const close = () => {
    setPassphrase('')
    setError(null)
    setKeyRefused(false)
    props.onClose()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!props.path || busy) return
    if (!passphrase) {
      setError(props.emptyMessage)
      return
    }
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit(passphrase)
      setPassphrase('')
      setKeyRefused(false)
    } catch (caught) {
      setError(isWrongKey(caught) ? props.wrongMessage : errorMessage(caught))
      setKeyRefused(isWrongKey(caught))
    } finally {
      setBusy(false)
    }
  }

  const showHint = keyRefused && props.refusedHint
  return (
    <Dialog.Root open={props.path !== null} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>{props.title}</Dialog.Title>
        <Dialog.Description size="2">{props.description}</Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            {props.path && (
              <Code variant="ghost" size="1" data-testid="unlock-path">
                {props.path}
              </Code>
            )}
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor={passphraseId} size="2" weight="medium">
                {props.label}
              </Text>
              <TextField.Root
                id={passphraseId}
                type="password"
                autoComplete="current-password"
                autoFocus
                value={passphrase}
                onChange={event => setPassphrase(event.target.value)}
                aria-invalid={!!error}
                aria-describedby={showHint ? hintId : undefined}
              />
              {showHint && (
                <Text id={hintId} size="1" color="gray">
                  {props.refusedHint}
                </Text>
              )}
            </Flex>
            {props.children}
            <DialogFormFooter error={error} submitLabel={busy ? props.busyLabel : props.submitLabel} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
