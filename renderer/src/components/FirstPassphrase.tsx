import { useState, type FormEvent } from 'react'
import { Button, Callout, Card, Flex, Heading, Text } from '@radix-ui/themes'
import type { WorkspaceSummary } from '../../../main/workspace/contract'
import { api, errorMessage } from '../api'
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblems,
  type NewPassphrase,
  type NewPassphraseProblems
} from './NewPassphraseFields'

/**
 * First start on a computer that cannot keep a key safely (Linux without a keyring):
 * the first workspace is made only once a passphrase is chosen, so nothing is ever
 * written unencrypted.
 */
export function FirstPassphrase(props: { reason: string; onCreated(workspace: WorkspaceSummary): void }) {
  const [value, setValue] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [problems, setProblems] = useState<NewPassphraseProblems | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const found = newPassphraseProblems(value)
    setProblems(found)
    if (found || busy) return
    setBusy(true)
    setError(null)
    try {
      props.onCreated(await api['workspace.startup']({ protection: { kind: 'passphrase', passphrase: value.passphrase, rememberOnDevice: false } }))
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Card size="4" style={{ maxWidth: 560 }}>
      <form onSubmit={submit} noValidate aria-labelledby="first-passphrase-heading">
        <Flex direction="column" gap="4">
          <Heading as="h1" size="6" id="first-passphrase-heading">
            Choose a passphrase
          </Heading>
          <Text as="p" size="2">
            Safeguard encrypts every workspace. This computer cannot keep the key safely, so the workspace is locked with a passphrase you choose, and
            Safeguard asks for it each time it starts.
          </Text>
          <Text as="p" size="1" color="gray">
            Why: {props.reason}
          </Text>
          <NewPassphraseFields value={value} onChange={setValue} problems={problems} canRemember={false} />
          {error && (
            <Callout.Root color="red" role="alert" size="1">
              <Callout.Text>{error}</Callout.Text>
            </Callout.Root>
          )}
          <Flex>
            <Button type="submit" loading={busy}>
              Create the encrypted workspace
            </Button>
          </Flex>
        </Flex>
      </form>
    </Card>
  )
}
