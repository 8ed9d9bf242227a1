import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { Badge, Button, Callout, Card, Checkbox, Flex, Heading, Separator, Text, TextField } from '@radix-ui/themes'
import type { WorkspaceSecurity } from '../../../../main/security/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { useWorkspace } from '../../workspace-context'

const MIN_PASSPHRASE_LENGTH = 8

/** The message the call gave for the passphrase field, when it refused the input. */
function passphraseIssue(error: unknown): string | undefined {
  if (!(error instanceof ApiCallError) || error.code !== 'invalid-input') return undefined
  const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []
  return issues.find(issue => issue.path.at(-1) === 'passphrase')?.message
}

function describeEncryption(status: WorkspaceSecurity): string {
  return status.keySource === 'device'
    ? "Encrypted with a key kept by this computer's secure key store. It opens here without a passphrase, but the file cannot be opened on another computer."
    : 'Encrypted with a passphrase. Safeguard asks for it whenever this workspace is opened, on this computer or another one.'
}

/** Whether this workspace is encrypted at rest, and the two ways to encrypt it when it is not. */
export function ProtectionCard() {
  const { workspace } = useWorkspace()
  const [status, setStatus] = useState<WorkspaceSecurity | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [remember, setRemember] = useState(false)
  const [formError, setFormError] = useState<{ passphrase?: string; confirmation?: string } | null>(null)
  const [callError, setCallError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rememberId = useId()

  const reload = useCallback(() => api['security.status']({}).then(setStatus, error => setCallError(errorMessage(error))), [])
  useEffect(() => {
    void reload()
  }, [reload, workspace.path])

  const encrypt = async (input: { passphrase?: string; rememberOnDevice: boolean }) => {
    setBusy(true)
    setCallError(null)
    try {
      setStatus(await api['security.encrypt'](input))
      setPassphrase('')
      setConfirmation('')
    } catch (error) {
      const issue = passphraseIssue(error)
      if (issue) setFormError({ passphrase: issue })
      else setCallError(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  const submitPassphrase = (event: FormEvent) => {
    event.preventDefault()
    const problems: { passphrase?: string; confirmation?: string } = {}
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) problems.passphrase = `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`
    if (confirmation !== passphrase) problems.confirmation = 'The two passphrases are not the same.'
    setFormError(problems)
    if (problems.passphrase || problems.confirmation) return
    void encrypt({ passphrase, rememberOnDevice: status?.deviceKeys.usable === true && remember })
  }


  return (
    <Card size="3" data-testid="protection-card">
      <Flex direction="column" gap="3">
        <Flex align="center" gap="3" wrap="wrap">
          <Heading as="h2" size="4">
            Protection
          </Heading>
          {status && (status.encrypted ? <Badge color="green">Encrypted</Badge> : <Badge color="orange">Not encrypted</Badge>)}
        </Flex>
        {callError && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{callError}</Callout.Text>
          </Callout.Root>
        )}
        {status?.encrypted && (
          <Text as="p" size="2" data-testid="protection-status">
            {describeEncryption(status)}
          </Text>
        )}
        {status && !status.encrypted && (
          <>
            <Text as="p" size="2" data-testid="protection-status">
              This workspace is not encrypted. Anyone who gets hold of this computer, or a copy of the file, can read the client's
              security gaps, incidents and contacts. Encrypting it keeps the file unreadable without its key.
            </Text>
            <form onSubmit={submitPassphrase} noValidate aria-label="Encrypt with a passphrase">
              <Flex direction="column" gap="3" maxWidth="480px">
                <Heading as="h3" size="3">
                  Encrypt with a passphrase
                </Heading>
                <PassphraseField label="Passphrase" value={passphrase} onChange={setPassphrase} error={formError?.passphrase} />
                <PassphraseField label="Passphrase again" value={confirmation} onChange={setConfirmation} error={formError?.confirmation} />
                {status.deviceKeys.usable && (
                  <Text as="label" size="2" htmlFor={rememberId}>
                    <Flex gap="2" align="center">
                      <Checkbox id={rememberId} checked={remember} onCheckedChange={checked => setRemember(checked === true)} />
                      Remember on this device
                    </Flex>
                  </Text>
                )}
                <Callout.Root color="amber" size="1">
                  <Callout.Text>
                    Keep the passphrase somewhere safe. Without it the workspace cannot be opened, and nobody can recover it.
                  </Callout.Text>
                </Callout.Root>
                <Flex>
                  <Button type="submit" loading={busy}>
                    Encrypt with a passphrase
                  </Button>
                </Flex>
              </Flex>
            </form>
            <Separator size="4" />
            {status.deviceKeys.usable ? (
              <Flex direction="column" gap="2" align="start">
                <Text as="p" size="2">
                  Or let this computer keep a key in its secure key store: no passphrase to type here, but the file cannot be opened on
                  any other computer.
                </Text>
                <Button variant="soft" loading={busy} onClick={() => void encrypt({ rememberOnDevice: true })}>
                  Encrypt with this device&apos;s key
                </Button>
              </Flex>
            ) : (
              <Flex direction="column" gap="1">
                <Text as="p" size="2" color="gray">
                  This computer cannot keep a key safely, so a passphrase is the way to encrypt here.
                </Text>
                {status.deviceKeys.reason && (
                  <Text as="p" size="1" color="gray">
                    Why: {status.deviceKeys.reason}.
                  </Text>
                )}
              </Flex>
            )}
          </>
        )}
      </Flex>
    </Card>
  )
}

/** A new-passphrase field with its label and, when the last attempt was refused, why. */
function PassphraseField(props: { label: string; value: string; onChange(value: string): void; error: string | undefined }) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="medium">
        {props.label}
      </Text>
      <TextField.Root
        id={id}
        type="password"
        autoComplete="new-password"
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <Text id={errorId} size="1" className="form-error" role="alert">
          {props.error}
        </Text>
      )}
    </Flex>
  )
}
