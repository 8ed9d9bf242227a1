import { useCallback, useEffect, useState } from 'react'
import { Badge, Button, Callout, Card, Code, Flex, Heading, Table, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import type { RecentWorkspace, WorkspaceSummary } from '../../../../main/workspace/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { formatDateTime } from '../../components/format-date'
import { EMPTY_PROFILE, OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { EMPTY_NEW_PASSPHRASE, type NewPassphrase, type NewPassphraseProblems } from '../../components/NewPassphraseFields'
import { UnlockDialog } from '../../components/UnlockDialog'
import { useWorkspace } from '../../workspace-context'
import { ProtectionChoice, protectionInput, type ProtectionKind } from './ProtectionChoice'

/**
 * The file an open failed on because it is encrypted and this device holds no key for it, else null.
 * The error names the file in its details when it can; a file picked in a dialog is otherwise only
 * named at the start of the message.
 */
function lockedWorkspacePath(error: unknown, knownPath?: string): string | null {
  if (!(error instanceof ApiCallError) || error.code !== 'not-a-workspace') return null
  const details = error.details as { reason?: unknown; path?: unknown } | undefined
  if (details?.reason !== 'encrypted') return null
  if (typeof details.path === 'string') return details.path
  return knownPath ?? /^"(.+?)" is not a Safeguard workspace/.exec(error.message)?.[1] ?? null
}

export function WorkspacesPage() {
  const { workspace, setWorkspace, navigate } = useWorkspace()
  const [recent, setRecent] = useState<RecentWorkspace[]>([])
  const [error, setError] = useState<string | null>(null)
  const [newPath, setNewPath] = useState<string | null>(null)
  const [locked, setLocked] = useState<{ path: string; canRemember: boolean } | null>(null)
  const [deviceKeys, setDeviceKeys] = useState<{ usable: boolean; reason: string | null } | null>(null)
  const [protectionChoice, setProtectionChoice] = useState<ProtectionKind>('device')
  const [newPassphrase, setNewPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [passphraseProblems, setPassphraseProblems] = useState<NewPassphraseProblems | null>(null)
  // Where a new workspace goes unless a location is chosen: the folder chosen at first start, else the data folder's.
  const [defaultFolder, setDefaultFolder] = useState<string | null>(null)

  const refresh = useCallback(() => api['workspace.listRecent']({}).then(setRecent), [])
  useEffect(() => {
    void refresh()
    api['app.settings']({}).then(
      settings => setDefaultFolder(settings.newWorkspaceFolder),
      () => undefined
    )
    api['security.deviceKeys']({}).then(
      keys => {
        setDeviceKeys(keys)
        if (!keys.usable) setProtectionChoice('passphrase')
      },
      () => setProtectionChoice('passphrase')
    )
  }, [refresh])

  const run = async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(errorMessage(caught))
      await refresh()
    }
  }

  const showOpened = (opened: WorkspaceSummary) => {
    setWorkspace(opened)
    navigate('dashboard')
  }

  const askPassphrase = async (path: string) => {
    const deviceKeys = await api['security.deviceKeys']({}).catch(() => null)
    setLocked({ path, canRemember: deviceKeys?.usable === true })
  }

  /**
   * Opens a workspace. A file unreadable without a key is encrypted (or, rarely, not a workspace at all: the two look
   * alike on purpose), so its passphrase is asked at once rather than shown as an error; a file that is not a workspace
   * is then refused by the passphrase prompt itself.
   */
  const openOrUnlock = (openIt: () => Promise<WorkspaceSummary | null>, knownPath?: string) =>
    run(async () => {
      try {
        const opened = await openIt()
        if (opened) showOpened(opened)
      } catch (caught) {
        const lockedPath = lockedWorkspacePath(caught, knownPath)
        if (!lockedPath) throw caught
        await askPassphrase(lockedPath)
      }
    })

  const open = (path: string) => openOrUnlock(() => api['workspace.open']({ path }), path)

  return (
    <Flex direction="column" gap="5">
      <PageHeader title="Workspaces" description="Keep one workspace per client organisation. Each is a single file you can move, copy or back up." />

      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      <UnlockDialog
        path={locked?.path ?? null}
        canRemember={locked?.canRemember ?? false}
        onClose={() => setLocked(null)}
        onUnlocked={opened => {
          setLocked(null)
          setError(null)
          showOpened(opened)
        }}
      />

      <Card size="3">
        <Flex direction="column" gap="3">
          <Flex justify="between" align="center" gap="3" wrap="wrap">
            <Heading as="h2" size="4">
              Recent workspaces
            </Heading>
            <Button variant="soft" onClick={() => openOrUnlock(() => api['workspace.openFromDisk']({}))}>
              Open a workspace file…
            </Button>
          </Flex>
          {recent.length === 0 ? (
            <Text as="p" color="gray">
              No workspaces opened yet.
            </Text>
          ) : (
            <Table.Root variant="surface" aria-label="Recent workspaces">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Organisation</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>File</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Last opened</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>
                    <span className="visually-hidden">Actions</span>
                  </Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {recent.map(entry => {
                  const isCurrent = entry.path === workspace.path
                  return (
                    <Table.Row key={entry.path} data-testid="recent-workspace">
                      <Table.RowHeaderCell>
                        <Flex gap="2" align="center">
                          {entry.organizationName}
                          {isCurrent && <Badge>Current</Badge>}
                          {!entry.available && <Badge color="orange">File missing</Badge>}
                        </Flex>
                      </Table.RowHeaderCell>
                      <Table.Cell>
                        <Code variant="ghost" size="1">
                          {entry.path}
                        </Code>
                      </Table.Cell>
                      <Table.Cell>{formatDateTime(entry.lastOpenedAt)}</Table.Cell>
                      <Table.Cell>
                        <Flex gap="2" justify="end">
                          <Button
                            size="1"
                            disabled={isCurrent || !entry.available}
                            onClick={() => open(entry.path)}
                            aria-label={`Open ${entry.organizationName}`}
                          >
                            Open
                          </Button>
                          <Button
                            size="1"
                            variant="soft"
                            color="gray"
                            disabled={isCurrent}
                            onClick={() => run(async () => setRecent(await api['workspace.forgetRecent']({ path: entry.path })))}
                            aria-label={`Remove ${entry.organizationName} from this list`}
                          >
                            Remove from list
                          </Button>
                        </Flex>
                      </Table.Cell>
                    </Table.Row>
                  )
                })}
              </Table.Body>
            </Table.Root>
          )}
        </Flex>
      </Card>

      <Card size="3">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            New workspace
          </Heading>
          <Text as="p" size="2" color="gray">
            Describe the organisation this workspace is for. You can change these details later in Settings.
          </Text>
          <OrganizationProfileForm
            initial={EMPTY_PROFILE}
            submitLabel="Create workspace"
            onSubmit={async organization => {
              const protection = protectionInput(protectionChoice, newPassphrase, deviceKeys?.usable === true)
              if ('problems' in protection) {
                setPassphraseProblems(protection.problems)
                throw new Error('Check the passphrase.')
              }
              setPassphraseProblems(null)
              const created = await api['workspace.create']({ organization, protection, ...(newPath ? { path: newPath } : {}) })
              setWorkspace(created)
              setNewPath(null)
              setNewPassphrase(EMPTY_NEW_PASSPHRASE)
              navigate('dashboard')
            }}
            extraFields={
              <Flex direction="column" gap="4">
                <ProtectionChoice
                  deviceKeys={deviceKeys}
                  choice={protectionChoice}
                  onChoice={setProtectionChoice}
                  passphrase={newPassphrase}
                  onPassphrase={setNewPassphrase}
                  problems={passphraseProblems}
                />
                <Flex direction="column" gap="1">
                  <Text size="2" weight="medium">
                    Location
                  </Text>
                  <Flex gap="3" align="center" wrap="wrap">
                    <Text size="2" color="gray" data-testid="new-workspace-location">
                      {newPath ?? (defaultFolder ? `In ${defaultFolder}` : "Safeguard's data folder")}
                    </Text>
                    <Button
                      type="button"
                      variant="soft"
                      color="gray"
                      size="1"
                      onClick={() =>
                        run(async () => {
                          const chosen = await api['workspace.chooseNewPath']({ suggestedName: 'Workspace' })
                          if (chosen) setNewPath(chosen)
                        })
                      }
                    >
                      Choose location…
                    </Button>
                  </Flex>
                </Flex>
              </Flex>
            }
          />
        </Flex>
      </Card>
    </Flex>
  )
}
