import { useEffect, useState, type ReactElement } from 'react'
import { Button, Callout, Flex } from '@radix-ui/themes'
import type { WorkspaceSecurity } from '../../../../main/security/contract'
import { api } from '../../api'
import { RecoveryKeyDialog } from '../../components/RecoveryKeyDialog'
import { useWorkspace } from '../../workspace-context'

/**
 * What the person must still do to keep this workspace safe: encrypt it (where this
 * computer could not keep a key when it was made), or keep its recovery key.
 */
export function ProtectionReminder() {
  const { workspace, navigate } = useWorkspace()
  const [status, setStatus] = useState<WorkspaceSecurity | null>(null)
  const [showKey, setShowKey] = useState(false)

  useEffect(() => {
    api['security.status']({}).then(setStatus, () => setStatus(null))
  }, [workspace.path])

  let reminder: ReactElement | null = null
  if (status && !status.encrypted) {
    reminder = (
      <Callout.Root color="orange" highContrast data-testid="protection-reminder">
        <Callout.Text>
          This workspace is not encrypted: anyone with a copy of the file can read it.{' '}
          {status.deviceKeys.usable ? 'Encrypt it' : 'This computer cannot keep a key safely, so encrypt it with a passphrase'} in Settings.
        </Callout.Text>
        <Flex>
          <Button size="1" variant="soft" color="orange" highContrast onClick={() => navigate('settings')}>
            Open Settings
          </Button>
        </Flex>
      </Callout.Root>
    )
  } else if (status?.recoveryKeySaved === false) {
    reminder = (
      <Callout.Root color="amber" highContrast data-testid="protection-reminder">
        <Callout.Text>
          This workspace is encrypted with a key this computer keeps. Save its recovery key now: without it, the workspace cannot be opened if this
          computer is lost or reset.
        </Callout.Text>
        <Flex>
          <Button size="1" variant="soft" color="amber" highContrast onClick={() => setShowKey(true)}>
            Show the recovery key
          </Button>
        </Flex>
      </Callout.Root>
    )
  }
  // The dialog stays mounted once the key is saved, so it can say where.
  return (
    <>
      {reminder}
      <RecoveryKeyDialog
        open={showKey}
        onClose={() => setShowKey(false)}
        onSaved={next => {
          if (next) setStatus(next)
        }}
      />
    </>
  )
}
