import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { Badge, Button, Callout, Card, Flex, Heading, Separator, Text } from '@radix-ui/themes'
import type { WorkspaceSecurity } from '../../../../main/security/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import {
  EMPTY_NEW_PASSPHRASE,
  NewPassphraseFields,
  newPassphraseProblems,
  type NewPassphrase,
  type NewPassphraseProblems
} from '../../components/NewPassphraseFields'
import { RecoveryKeyDialog } from '../../components/RecoveryKeyDialog'
import { useWorkspace } from '../../workspace-context'

/** The message the call gave for the passphrase field, when it refused the input. */
function passphraseIssue(error: unknown): string | undefined {
  if (!(error instanceof ApiCallError) || error.code !== 'invalid-input') return undefined
  const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []
  return issues.find(issue => issue.path.at(-1) === 'passphrase')?.message ?? (/passphrase/i.test(error.message) ? error.message : undefined)
}

function describeEncryption(status: WorkspaceSecurity): string {
  return status.keySource === 'device'
    ? "Encrypted with a key kept by this computer's secure key store. It opens here without a passphrase; elsewhere, or if this computer is reset, its recovery key opens it."
    : 'Encrypted with a passphrase. Safeguard asks for it whenever this workspace is opened, on this computer or another one.'
}

/** Whether this workspace is encrypted at rest, how to encrypt it, keep its recovery key, or change its key. */
export function ProtectionCard() {
  const { workspace } = useWorkspace()
  const [status, setStatus] = useState<WorkspaceSecurity | null>(null)
  const [callError, setCallError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [showKey, setShowKey] = useState(false)

  const reload = useCallback(() => api['security.status']({}).then(setStatus, error => setCallError(errorMessage(error))), [])
  useEffect(() => {
    void reload()
  }, [reload, workspace.path])

  /** Runs a change of protection; a device key's recovery key is shown straight after. */
  const change = async (action: () => Promise<WorkspaceSecurity>) => {
    setBusy(true)
    setCallError(null)
    try {
      const next = await action()
      setStatus(next)
      if (next.keySource === 'device' && !next.recoveryKeySaved) setShowKey(true)
    } finally {
      setBusy(false)
    }
  }
  const toPassphrase = (passphrase: string, rememberOnDevice: boolean) => change(() => api['security.changeKey']({ passphrase, rememberOnDevice }))
  const deviceChange = (action: () => Promise<WorkspaceSecurity>) => change(action).catch(error => setCallError(errorMessage(error)))

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
        {status?.keySource === 'device' && (
          <>
            <Flex direction="column" gap="2" align="start">
              <Flex align="center" gap="2">
                <Heading as="h3" size="3">
                  Recovery key
                </Heading>
                {status.recoveryKeySaved ? <Badge color="green">Saved</Badge> : <Badge color="amber">Not saved yet</Badge>}
              </Flex>
              <Button variant="soft" onClick={() => setShowKey(true)}>
                Show the recovery key
              </Button>
            </Flex>
            <Separator size="4" />
            <PassphraseForm
              heading="Use a passphrase instead"
              description="A passphrase opens the workspace on any computer, and the command line can use it. This computer's key then stops working."
              submitLabel="Use this passphrase"
              canRemember={status.deviceKeys.usable}
              busy={busy}
              onSubmit={toPassphrase}
            />
          </>
        )}
        {status?.keySource === 'passphrase' && (
          <>
            <PassphraseForm
              heading="Change the passphrase"
              description="The workspace and its backups get the new passphrase; the old one stops working."
              labels={{ passphrase: 'New passphrase', confirmation: 'New passphrase again' }}
              submitLabel="Change the passphrase"
              canRemember={status.deviceKeys.usable}
              busy={busy}
              onSubmit={toPassphrase}
            />
            {status.deviceKeys.usable && (
              <>
                <Separator size="4" />
                <Flex direction="column" gap="2" align="start">
                  <Text as="p" size="2">
                    Or let this computer keep a key instead: no passphrase to type here, and a recovery key for everywhere else.
                  </Text>
                  <Button variant="soft" loading={busy} onClick={() => void deviceChange(() => api['security.changeKey']({}))}>
                    Use this computer&apos;s key
                  </Button>
                </Flex>
              </>
            )}
          </>
        )}
        {status && !status.encrypted && (
          <>
            <Text as="p" size="2" data-testid="protection-status">
              This workspace is not encrypted. Anyone who gets hold of this computer, or a copy of the file, can read the client&apos;s security gaps,
              incidents and contacts. Encrypting it keeps the file unreadable without its key.
            </Text>
            <PassphraseForm
              heading="Encrypt with a passphrase"
              submitLabel="Encrypt with a passphrase"
              canRemember={status.deviceKeys.usable}
              busy={busy}
              onSubmit={(passphrase, rememberOnDevice) => change(() => api['security.encrypt']({ passphrase, rememberOnDevice }))}
            />
            <Separator size="4" />
            {status.deviceKeys.usable ? (
              <Flex direction="column" gap="2" align="start">
                <Text as="p" size="2">
                  Or let this computer keep a key in its secure key store: no passphrase to type here, and a recovery key to keep for anywhere else.
                </Text>
                <Button variant="soft" loading={busy} onClick={() => void deviceChange(() => api['security.encrypt']({ rememberOnDevice: true }))}>
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
      <RecoveryKeyDialog
        open={showKey}
        onClose={() => setShowKey(false)}
        onSaved={next => {
          if (next) setStatus(next)
        }}
      />
    </Card>
  )
}

/** A new passphrase typed twice, checked here first, then by the call (whose refusal is shown on the field). */
function PassphraseForm(props: {
  heading: string
  description?: string
  submitLabel: string
  labels?: { passphrase: string; confirmation: string }
  canRemember: boolean
  busy: boolean
  onSubmit(passphrase: string, rememberOnDevice: boolean): Promise<void>
}) {
  const [value, setValue] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [problems, setProblems] = useState<NewPassphraseProblems | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setDone(false)
    const found = newPassphraseProblems(value)
    setProblems(found)
    if (found) return
    try {
      await props.onSubmit(value.passphrase, props.canRemember && value.remember)
      setValue(EMPTY_NEW_PASSPHRASE)
      setDone(true)
    } catch (caught) {
      const issue = passphraseIssue(caught)
      if (issue) setProblems({ passphrase: issue })
      else setError(errorMessage(caught))
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={props.heading}>
      <Flex direction="column" gap="3" maxWidth="480px">
        <Heading as="h3" size="3">
          {props.heading}
        </Heading>
        {props.description && (
          <Text as="p" size="2">
            {props.description}
          </Text>
        )}
        <NewPassphraseFields
          value={value}
          onChange={setValue}
          problems={problems}
          canRemember={props.canRemember}
          {...(props.labels ? { labels: props.labels } : {})}
        />
        {error && (
          <Callout.Root color="red" role="alert" size="1">
            <Callout.Text>{error}</Callout.Text>
          </Callout.Root>
        )}
        {done && (
          <Callout.Root color="green" role="status" size="1">
            <Callout.Text>Done: the workspace and its backups now open with the new passphrase.</Callout.Text>
          </Callout.Root>
        )}
        <Flex>
          <Button type="submit" loading={props.busy}>
            {props.submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  )
}
