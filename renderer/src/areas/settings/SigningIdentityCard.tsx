import { useCallback, useEffect, useState } from 'react'
import { Button, Callout, Card, Code, DataList, Flex, Heading, Text } from '@radix-ui/themes'
import type { SigningIdentitySummary } from '../../../../main/signing/contract'
import { api, errorMessage } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { formatDate, formatDateTime } from '../../components/format-date'
import { useWorkspace } from '../../workspace-context'
import { SigningImportDialog } from './SigningImportDialog'

const REPLACE_WARNING =
  'Packs and reviews already sent stay signed with the current certificate and keep its fingerprint. Anyone who pinned that fingerprint will need the new certificate to check what you sign from now on.'

/**
 * The organisation's signing identity: who it names, its fingerprint, and how recipients are meant to trust it (by
 * pinning that fingerprint, since a certificate made here is self-signed, not issued by a certificate authority).
 */
export function SigningIdentityCard() {
  const { workspace } = useWorkspace()
  const [identity, setIdentity] = useState<SigningIdentitySummary | null | undefined>(undefined)
  const [message, setMessage] = useState<{ tone: 'green' | 'red'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [importing, setImporting] = useState<{ path: string; replacing: boolean } | null>(null)

  const reload = useCallback(() => api['signing.identity']({}).then(setIdentity, error => setMessage({ tone: 'red', text: errorMessage(error) })), [])
  useEffect(() => {
    void reload()
  }, [reload, workspace.path])

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true)
    setMessage(null)
    try {
      const text = await work()
      if (text) setMessage({ tone: 'green', text })
    } catch (error) {
      setMessage({ tone: 'red', text: errorMessage(error) })
    } finally {
      setBusy(false)
      await reload()
    }
  }

  const chooseFile = (replacing: boolean) =>
    run(async () => {
      const path = await api['signing.choosePkcs12File']({})
      if (path) setImporting({ path, replacing })
      return null
    })

  return (
    <Card size="3" data-testid="signing-identity-card">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4">
          Signing identity
        </Heading>
        <Text as="p" size="2" color="gray">
          Safeguard digitally signs the evidence pack and the annual review with this identity, so a recipient can check that nothing was changed
          after you issued them. Its private key is kept only inside this workspace file.
        </Text>
        {message && (
          <Callout.Root color={message.tone} role={message.tone === 'red' ? 'alert' : 'status'}>
            <Callout.Text>{message.text}</Callout.Text>
          </Callout.Root>
        )}
        {identity === null && (
          <>
            <Text as="p" size="2" data-testid="signing-identity-none">
              No signing identity yet. One is created the first time you generate a signed pack, or you can create one now (a key pair and a
              certificate naming {workspace.organization.name} and {workspace.organization.contactName || 'its security official'}), or import a PKCS
              #12 file your organisation already has.
            </Text>
            <Flex gap="3" wrap="wrap">
              <Button loading={busy} onClick={() => run(async () => (await api['signing.create']({}), 'Signing identity created.'))}>
                Create signing identity
              </Button>
              <Button variant="soft" disabled={busy} onClick={() => chooseFile(false)}>
                Import PKCS #12…
              </Button>
            </Flex>
          </>
        )}
        {identity && (
          <>
            <DataList.Root>
              <DataList.Item>
                <DataList.Label>Signer</DataList.Label>
                <DataList.Value data-testid="signing-signer">{identity.commonName}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>Organisation</DataList.Label>
                <DataList.Value>{identity.organization ?? '—'}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>Fingerprint (SHA-256)</DataList.Label>
                <DataList.Value>
                  <Code variant="ghost" size="2" style={{ wordBreak: 'break-all' }} data-testid="signing-fingerprint">
                    {identity.fingerprintSha256}
                  </Code>
                </DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>Valid</DataList.Label>
                <DataList.Value>
                  {formatDate(identity.validFrom.slice(0, 10))} to {formatDate(identity.validTo.slice(0, 10))}
                </DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>Key</DataList.Label>
                <DataList.Value>{identity.keyAlgorithm}</DataList.Value>
              </DataList.Item>
              <DataList.Item>
                <DataList.Label>{identity.origin === 'created' ? 'Created' : 'Imported'}</DataList.Label>
                <DataList.Value>{formatDateTime(identity.createdAt)}</DataList.Value>
              </DataList.Item>
            </DataList.Root>
            {!identity.keyEncryptedAtRest && (
              <Callout.Root color="amber" role="alert" data-testid="signing-key-unencrypted">
                <Callout.Text>
                  This workspace is not encrypted, so the signing key is only as safe as the file. Encrypt it under Protection above.
                </Callout.Text>
              </Callout.Root>
            )}
            <Callout.Root color="blue" variant="surface">
              <Callout.Text>
                {identity.selfSigned ? (
                  <>
                    This is a <strong>self-signed</strong> certificate: no certificate authority vouches for it, so PDF readers show the signer as
                    unknown. A recipient trusts it by <strong>pinning its fingerprint</strong>: send them the exported certificate, and confirm the
                    fingerprint above with them another way (by phone, or in person), not in the same email as a pack.
                  </>
                ) : (
                  <>
                    This certificate was issued to your organisation by another party and imported with its chain ({identity.chainLength} issuing
                    certificate{identity.chainLength === 1 ? '' : 's'}). Recipients can also pin its fingerprint.
                  </>
                )}
              </Callout.Text>
            </Callout.Root>
            <Flex gap="3" wrap="wrap">
              <Button
                variant="soft"
                loading={busy}
                onClick={() =>
                  run(async () => {
                    const written = await api['signing.exportCertificate']({})
                    return written ? `Certificate saved to ${written.path}.` : null
                  })
                }
              >
                Export certificate…
              </Button>
              <ConfirmDialog
                trigger={
                  <Button variant="soft" color="gray" disabled={busy}>
                    Create a new identity…
                  </Button>
                }
                title="Replace the signing identity with a new one?"
                description={REPLACE_WARNING}
                confirmLabel="Create a new identity"
                destructive
                onConfirm={() =>
                  run(async () => {
                    const result = await api['signing.replace']({ confirmed: true, source: { kind: 'create' } })
                    return `New signing identity created. ${result.note}`
                  })
                }
              />
              <ConfirmDialog
                trigger={
                  <Button variant="soft" color="gray" disabled={busy}>
                    Replace by importing PKCS #12…
                  </Button>
                }
                title="Replace the signing identity with one from a PKCS #12 file?"
                description={REPLACE_WARNING}
                confirmLabel="Choose the file"
                destructive
                onConfirm={() => void chooseFile(true)}
              />
            </Flex>
            {identity.retired.length > 0 && (
              <Text as="p" size="1" color="gray" data-testid="signing-retired">
                Replaced earlier (packs signed with them keep these fingerprints):{' '}
                {identity.retired.map(r => `${r.fingerprintSha256} until ${formatDateTime(r.retiredAt)}`).join('; ')}
              </Text>
            )}
          </>
        )}
      </Flex>
      <SigningImportDialog
        path={importing?.path ?? null}
        replacing={importing?.replacing ?? false}
        onClose={() => setImporting(null)}
        onImported={imported => {
          setImporting(null)
          setIdentity(imported)
          setMessage({ tone: 'green', text: `Signing identity imported: ${imported.commonName}.` })
        }}
      />
    </Card>
  )
}
