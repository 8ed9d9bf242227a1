import { useId, useState, type FormEvent } from 'react'
import { Checkbox, Code, Dialog, Flex, Text, TextField } from '@radix-ui/themes'
import type { WorkspaceSummary } from '../../../main/workspace/contract'
import { api, ApiCallError, errorMessage } from '../api'
import { DialogFormFooter } from './DialogFormFooter'

function isWrongKey(error: unknown): boolean {
  return error instanceof ApiCallError && (error.details as { reason?: unknown } | undefined)?.reason === 'wrong-passphrase'
}

function unlockFailure(error: unknown): string {
  return isWrongKey(error) ? 'That passphrase or recovery key does not open this workspace. Check it and try again.' : errorMessage(error)
}

/**
 * Asks for the passphrase of an encrypted workspace and opens it. Shown while `path` is set;
 * "Remember on this device" is offered only when the device can keep keys safely.
 */
export function UnlockDialog(props: { path: string | null; canRemember: boolean; onClose(): void; onUnlocked(workspace: WorkspaceSummary): void }) {
  const [passphrase, setPassphrase] = useState('')
  const [remember, setRemember] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // An encrypted workspace and a file that is not one look alike until a key is tried: after a refused key, say so.
  const [keyRefused, setKeyRefused] = useState(false)
  const [busy, setBusy] = useState(false)
  const passphraseId = useId()
  const rememberId = useId()
  const notWorkspaceHintId = useId()

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
      setError('Type the passphrase or recovery key of this workspace.')
      return
    }
    setBusy(true)
    setError(null)
    try {
      const opened = await api['security.unlock']({ path: props.path, passphrase, rememberOnDevice: props.canRemember && remember })
      setPassphrase('')
      props.onUnlocked(opened)
    } catch (caught) {
      setError(unlockFailure(caught))
      setKeyRefused(isWrongKey(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root open={props.path !== null} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>Unlock this workspace</Dialog.Title>
        <Dialog.Description size="2">This workspace is encrypted. Enter its passphrase or recovery key.</Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            {props.path && (
              <Code variant="ghost" size="1" data-testid="unlock-path">
                {props.path}
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
                aria-describedby={keyRefused ? notWorkspaceHintId : undefined}
              />
              {keyRefused && (
                <Text id={notWorkspaceHintId} size="1" color="gray">
                  If this file is not a Safeguard workspace, no passphrase or key will open it.
                </Text>
              )}
            </Flex>
            {props.canRemember && (
              <Text as="label" size="2" htmlFor={rememberId}>
                <Flex gap="2" align="center">
                  <Checkbox id={rememberId} checked={remember} onCheckedChange={checked => setRemember(checked === true)} />
                  Remember on this device
                </Flex>
              </Text>
            )}
            <DialogFormFooter error={error} submitLabel={busy ? 'Unlocking…' : 'Unlock'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
