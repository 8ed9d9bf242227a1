import { useId, useState, type FormEvent } from 'react'
import { Code, Dialog, Flex, Text, TextField } from '@radix-ui/themes'
import type { LibrarySummary } from '../../../../main/library/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'

const isWrongKey = (error: unknown) =>
  error instanceof ApiCallError && (error.details as { reason?: unknown } | undefined)?.reason === 'wrong-passphrase'

/** Asks for the passphrase of an encrypted library this computer has no key for, then opens it. */
export function LibraryPassphraseDialog(props: { path: string | null; onClose(): void; onOpened(summary: LibrarySummary): void }) {
  const passphraseId = useId()
  const [passphrase, setPassphrase] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!props.path) return
    if (!passphrase) return setError('Type the passphrase of this library.')
    try {
      const summary = await api['library.open']({ path: props.path, passphrase })
      setPassphrase('')
      setError(null)
      props.onOpened(summary)
    } catch (caught) {
      setError(isWrongKey(caught) ? 'That passphrase does not open this library. Check it and try again.' : errorMessage(caught))
    }
  }

  return (
    <Dialog.Root open={props.path !== null} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>Unlock the practice library</Dialog.Title>
        <Dialog.Description size="2">This library is encrypted with a passphrase. The passphrase is not kept.</Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <Code variant="ghost" size="1">
              {props.path}
            </Code>
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor={passphraseId} size="2" weight="medium">
                Passphrase
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
            <DialogFormFooter error={error} submitLabel="Open library" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
