import { useEffect, useState } from 'react'
import { Button, Callout, Code, Dialog, Flex, Text } from '@radix-ui/themes'
import type { WorkspaceSecurity } from '../../../main/security/contract'
import { api, errorMessage } from '../api'

/**
 * Shows the recovery key of a workspace kept by this device's key, with the two ways
 * to keep it: a text file the person chooses, or their word that it is written down.
 */
export function RecoveryKeyDialog(props: { open: boolean; onClose(): void; onSaved(status: WorkspaceSecurity | null): void }) {
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'green' | 'red'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!props.open) return
    api['security.recoveryKey']({}).then(
      result => setRecoveryKey(result.recoveryKey),
      error => setMessage({ tone: 'red', text: errorMessage(error) })
    )
    return () => setRecoveryKey(null)
  }, [props.open])

  const close = () => {
    setMessage(null)
    props.onClose()
  }

  const act = async (action: () => Promise<void>) => {
    setBusy(true)
    setMessage(null)
    try {
      await action()
    } catch (error) {
      setMessage({ tone: 'red', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>Recovery key</Dialog.Title>
        <Dialog.Description size="2">
          This computer keeps the key of this workspace. If the computer is lost or reset, or to open the workspace on another one, this recovery key
          is the only way in. Keep it away from the workspace: in a password manager, or printed and filed.
        </Dialog.Description>
        <Flex direction="column" gap="3" mt="3">
          {recoveryKey && (
            <Code size="3" className="recovery-key" data-testid="recovery-key">
              {recoveryKey}
            </Code>
          )}
          {message && (
            <Callout.Root color={message.tone} role={message.tone === 'red' ? 'alert' : 'status'} size="1">
              <Callout.Text>{message.text}</Callout.Text>
            </Callout.Root>
          )}
          <Text as="p" size="1" color="gray">
            Anyone with this key and the workspace file can read the workspace. Type it where Safeguard asks for a passphrase, or give it to the
            command line as SAFEGUARD_PASSPHRASE.
          </Text>
          <Flex gap="3" justify="end" wrap="wrap">
            <Button
              variant="soft"
              disabled={!recoveryKey}
              loading={busy}
              onClick={() =>
                act(async () => {
                  const saved = await api['security.saveRecoveryKey']({})
                  if (!saved) return
                  setMessage({ tone: 'green', text: `Saved to ${saved.path}.` })
                  props.onSaved(await api['security.status']({}).catch(() => null))
                })
              }
            >
              Save to a file…
            </Button>
            <Button
              variant="soft"
              disabled={!recoveryKey}
              loading={busy}
              onClick={() =>
                act(async () => {
                  props.onSaved(await api['security.confirmRecoveryKeySaved']({}))
                  close()
                })
              }
            >
              I have written it down
            </Button>
            <Dialog.Close>
              <Button variant="soft" color="gray">
                Close
              </Button>
            </Dialog.Close>
          </Flex>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  )
}
