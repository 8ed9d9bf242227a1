import { useId, useState, type FormEvent } from 'react'
import { Code, Dialog, Flex, Text, TextField } from '@radix-ui/themes'
import type { UnlockedSummary } from '../../../../main/portfolio/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'

const isWrongKey = (error: unknown) =>
  error instanceof ApiCallError && (error.details as { reason?: unknown } | undefined)?.reason === 'wrong-passphrase'

/**
 * Asks for a locked client's passphrase to read its summary, read-only; the workspace is not opened. The summary (never
 * the passphrase) is kept encrypted on this computer for the next visit.
 */
export function UnlockSummaryDialog(props: {
  target: { path: string; name: string } | null
  onClose(): void
  onUnlocked(unlocked: UnlockedSummary): void
}) {
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const passphraseId = useId()

  const close = () => {
    setPassphrase('')
    setError(null)
    props.onClose()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!props.target || busy) return
    if (!passphrase) {
      setError('Type the passphrase or recovery key of this workspace.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const unlocked = await api['portfolio.unlock']({ path: props.target.path, passphrase })
      setPassphrase('')
      props.onUnlocked(unlocked)
    } catch (caught) {
      setError(isWrongKey(caught) ? 'That passphrase or recovery key does not open this workspace. Check it and try again.' : errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root open={props.target !== null} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>Unlock the summary of {props.target?.name}</Dialog.Title>
        <Dialog.Description size="2">
          The summary is read without opening or changing the workspace, and kept encrypted on this computer with the date it was read. The passphrase
          is not kept.
        </Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            {props.target && (
              <Code variant="ghost" size="1">
                {props.target.path}
              </Code>
            )}
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor={passphraseId} size="2" weight="medium">
                Passphrase or recovery key
              </Text>
              <TextField.Root
                id={passphraseId}
                type="password"
                autoComplete="current-password"
                autoFocus
                value={passphrase}
                onChange={event => setPassphrase(event.target.value)}
                aria-invalid={!!error}
              />
            </Flex>
            <DialogFormFooter error={error} submitLabel={busy ? 'Reading…' : 'Unlock summary'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
