import { useId, useState, type FormEvent } from 'react'
import { Dialog, Flex, RadioGroup, Text, TextField } from '@radix-ui/themes'
import type { LibrarySummary } from '../../../../main/library/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { EMPTY_NEW_PASSPHRASE, NewPassphraseFields, newPassphraseProblems } from '../../components/NewPassphraseFields'

/** Names a new practice library and how it is protected (this computer's key, or a passphrase), then asks where to save it. */
export function CreateLibraryDialog(props: { open: boolean; onClose(): void; onCreated(summary: LibrarySummary): void }) {
  const nameId = useId()
  const protectionId = useId()
  const [name, setName] = useState('Practice library')
  const [kind, setKind] = useState<'device' | 'passphrase'>('device')
  const [passphrase, setPassphrase] = useState(EMPTY_NEW_PASSPHRASE)
  const [showProblems, setShowProblems] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const problems = kind === 'passphrase' ? newPassphraseProblems(passphrase) : null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return setError('Name the library.')
    if (problems) return setShowProblems(true)
    setError(null)
    try {
      const protection =
        kind === 'device'
          ? ({ kind: 'device' } as const)
          : ({ kind: 'passphrase', passphrase: passphrase.passphrase, rememberOnDevice: passphrase.remember } as const)
      const created = await api['library.create']({ name: name.trim(), protection })
      if (created) {
        setPassphrase(EMPTY_NEW_PASSPHRASE)
        props.onCreated(created)
      }
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>Create a practice library</Dialog.Title>
        <Dialog.Description size="2">
          One encrypted file of your own for what you reuse at every client. Client data goes into it only when you pick it; it never holds PHI
          fields.
        </Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor={nameId} size="2" weight="medium">
                Library name
              </Text>
              <TextField.Root id={nameId} value={name} onChange={event => setName(event.target.value)} autoFocus />
            </Flex>
            <Flex direction="column" gap="1">
              <Text id={protectionId} size="2" weight="medium">
                Protection
              </Text>
              <RadioGroup.Root aria-labelledby={protectionId} value={kind} onValueChange={value => setKind(value as 'device' | 'passphrase')}>
                <RadioGroup.Item value="device">This computer&apos;s key (kept by the operating system)</RadioGroup.Item>
                <RadioGroup.Item value="passphrase">A passphrase (to use the library on another computer)</RadioGroup.Item>
              </RadioGroup.Root>
            </Flex>
            {kind === 'passphrase' && (
              <NewPassphraseFields value={passphrase} onChange={setPassphrase} problems={showProblems ? problems : null} canRemember={false} />
            )}
            <DialogFormFooter error={error} submitLabel="Choose where to save…" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
