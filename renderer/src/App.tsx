import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button, Callout, Flex, Spinner, Text, Theme } from '@radix-ui/themes'
import type { WorkspaceSummary } from '../../main/workspace/contract'
import { api, ApiCallError, errorMessage } from './api'
import type { AreaId } from './areas'
import { AppShell } from './components/AppShell'
import { FirstPassphrase } from './components/FirstPassphrase'
import { UnlockDialog } from './components/UnlockDialog'
import { useOsAppearance } from './use-os-appearance'
import { WorkspaceContext } from './workspace-context'

export function App() {
  const appearance = useOsAppearance()
  const [workspace, setWorkspace] = useState<WorkspaceSummary | null>(null)
  const [startupError, setStartupError] = useState<string | null>(null)
  // The workspace to reopen is encrypted with a passphrase this device does not keep: ask for it.
  const [lockedPath, setLockedPath] = useState<string | null>(null)
  const [unlocking, setUnlocking] = useState(false)
  const [canRemember, setCanRemember] = useState(false)
  // First start where no key can be kept: the passphrase for the first workspace, and why.
  const [passphraseNeeded, setPassphraseNeeded] = useState<string | null>(null)
  const [area, setArea] = useState<AreaId>('dashboard')

  const start = useCallback(() => {
    api['workspace.startup']({}).then(setWorkspace, error => {
      const details = error instanceof ApiCallError ? (error.details as { reason?: unknown; path?: unknown } | undefined) : undefined
      if (details?.reason === 'encrypted' && typeof details.path === 'string') {
        setLockedPath(details.path)
        setUnlocking(true)
        void api['security.deviceKeys']({}).then(
          keys => setCanRemember(keys.usable),
          () => undefined
        )
      } else if (details?.reason === 'passphrase-needed') {
        void api['security.deviceKeys']({}).then(
          keys => setPassphraseNeeded(keys.reason ?? 'no secure key store'),
          () => setPassphraseNeeded('no secure key store')
        )
      } else {
        setStartupError(errorMessage(error))
      }
    })
  }, [])
  useEffect(start, [start])

  // Once per opened workspace: a desktop notification of open breach notices and what is overdue or due within a week.
  const workspacePath = workspace?.path
  useEffect(() => {
    if (workspacePath) void api['calendar.notifyDue']({}).catch(() => undefined)
  }, [workspacePath])

  const navigate = useCallback((next: AreaId) => setArea(next), [])
  const [droppedFiles, setDroppedFiles] = useState<string[] | null>(null)
  const takeDroppedFiles = useCallback(() => {
    const files = droppedFiles
    if (files) setDroppedFiles(null)
    return files
  }, [droppedFiles])
  const onFilesDropped = useCallback((paths: string[]) => {
    setDroppedFiles(paths)
    setArea('findings')
  }, [])
  const context = useMemo(
    () => (workspace ? { workspace, setWorkspace, navigate, droppedFiles, takeDroppedFiles } : null),
    [workspace, navigate, droppedFiles, takeDroppedFiles]
  )

  return (
    <Theme appearance={appearance} accentColor="indigo" grayColor="slate" radius="medium" panelBackground="solid">
      {context ? (
        <WorkspaceContext.Provider value={context}>
          <AppShell area={area} onNavigate={navigate} onFilesDropped={onFilesDropped} />
        </WorkspaceContext.Provider>
      ) : (
        <Flex align="center" justify="center" height="100vh" direction="column" gap="3" asChild>
          <main>
            {passphraseNeeded ? (
              <FirstPassphrase
                reason={passphraseNeeded}
                onCreated={opened => {
                  setPassphraseNeeded(null)
                  setWorkspace(opened)
                }}
              />
            ) : lockedPath ? (
              <>
                <Text as="p">This workspace is encrypted. Enter its passphrase or recovery key to open it.</Text>
                <Button onClick={() => setUnlocking(true)}>Enter the passphrase…</Button>
                <UnlockDialog
                  path={unlocking ? lockedPath : null}
                  canRemember={canRemember}
                  onClose={() => setUnlocking(false)}
                  onUnlocked={opened => {
                    setLockedPath(null)
                    setWorkspace(opened)
                  }}
                />
              </>
            ) : startupError ? (
              <>
                <Callout.Root color="red" role="alert" size="2">
                  <Callout.Text>Safeguard could not open a workspace: {startupError}</Callout.Text>
                </Callout.Root>
                <Button
                  onClick={() => {
                    setStartupError(null)
                    start()
                  }}
                >
                  Try again
                </Button>
              </>
            ) : (
              <>
                <Spinner size="3" />
                <Text color="gray">Opening your workspace…</Text>
              </>
            )}
          </main>
        </Flex>
      )}
    </Theme>
  )
}
