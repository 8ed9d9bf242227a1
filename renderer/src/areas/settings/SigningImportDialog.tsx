import { useId, useState, type FormEvent } from 'react'
import { Code, Dialog, Flex, Text, TextField } from '@radix-ui/themes'
import type { SigningIdentitySummary } from '../../../../main/signing/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'

function importFailure(error: unknown): string {
  const reason = error instanceof ApiCallError ? (error.details as { reason?: unknown } | undefined)?.reason : undefined
  return reason === 'wrong-password' ? 'That password does not open this PKCS #12 file. Check it and try again.' : errorMessage(error)
}

/**
 * Asks for the password of a chosen PKCS #12 file and imports its key and certificates. Shown while `path` is set;
 * with `replacing`, the identity in use is replaced (the person was told what that means before choosing the file).
 */
export function SigningImportDialog(props: {
  path: string | null
  replacing: boolean
  onClose(): void
  onImported(identity: SigningIdentitySummary): void
}) {
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const passwordId = useId()

  const close = () => {
    setPassword('')
    setError(null)
    props.onClose()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!props.path || busy) return
    setBusy(true)
    setError(null)
    try {
      const identity = props.replacing
        ? (await api['signing.replace']({ confirmed: true, source: { kind: 'pkcs12', path: props.path, password } })).identity
        : await api['signing.importPkcs12']({ path: props.path, password })
      setPassword('')
      props.onImported(identity)
    } catch (caught) {
      setError(importFailure(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Dialog.Root open={props.path !== null} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>{props.replacing ? 'Replace the signing identity' : 'Import a signing identity'}</Dialog.Title>
        <Dialog.Description size="2">
          Enter the password of this PKCS #12 file. Its private key is kept only inside this workspace file; the password is not kept.
        </Dialog.Description>
        <form onSubmit={submit} noValidate>
          <Flex direction="column" gap="3" mt="3">
            {props.path && (
              <Code variant="ghost" size="1" data-testid="pkcs12-path">
                {props.path}
              </Code>
            )}
            <Flex direction="column" gap="1">
              <Text as="label" htmlFor={passwordId} size="2" weight="medium">
                Password
              </Text>
              <TextField.Root
                id={passwordId}
                type="password"
                autoComplete="off"
                autoFocus
                value={password}
                onChange={event => setPassword(event.target.value)}
                aria-invalid={!!error}
              />
            </Flex>
            <DialogFormFooter error={error} submitLabel={busy ? 'Importing…' : props.replacing ? 'Replace' : 'Import'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
