import { useId, useState } from 'react'
import { Checkbox, Flex, Text } from '@radix-ui/themes'
import type { WorkspaceSummary } from '../../../main/workspace/contract'
import { api } from '../api'
import { PassphraseDialog } from './PassphraseDialog'

/**
 * Asks for the passphrase of an encrypted workspace and opens it. Shown while `path` is set;
 * "Remember on this device" is offered only when the device can keep keys safely.
 */
export function UnlockDialog(props: { path: string | null; canRemember: boolean; onClose(): void; onUnlocked(workspace: WorkspaceSummary): void }) {
  const [remember, setRemember] = useState(false)
  const rememberId = useId()
  return (
    <PassphraseDialog
      path={props.path}
      title="Unlock this workspace"
      description="This workspace is encrypted. Enter its passphrase or recovery key."
      label="Passphrase or recovery key"
      submitLabel="Unlock"
      busyLabel="Unlocking…"
      emptyMessage="Type the passphrase or recovery key of this workspace."
      wrongMessage="That passphrase or recovery key does not open this workspace. Check it and try again."
      refusedHint="If this file is not a Safeguard workspace, no passphrase or key will open it."
      onClose={props.onClose}
      onSubmit={async passphrase => {
        if (!props.path) return
        props.onUnlocked(await api['security.unlock']({ path: props.path, passphrase, rememberOnDevice: props.canRemember && remember }))
      }}
    >
      {props.canRemember && (
        <Text as="label" size="2" htmlFor={rememberId}>
          <Flex gap="2" align="center">
            <Checkbox id={rememberId} checked={remember} onCheckedChange={checked => setRemember(checked === true)} />
            Remember on this device
          </Flex>
        </Text>
      )}
    </PassphraseDialog>
  )
}
