import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button, Callout, Flex, Spinner, Text, Theme } from '@radix-ui/themes'
import type { HomeArea, WorkspaceSummary } from '../../main/workspace/contract'
import { api, ApiCallError, errorMessage } from './api'
import type { AreaId } from './areas'
import { ClientsWithoutWorkspace } from './areas/first-start/ClientsWithoutWorkspace'
import { FirstStartPage } from './areas/first-start/FirstStartPage'
import { AppShell } from './components/AppShell'
import { UnlockDialog } from './components/UnlockDialog'
import { useOsAppearance } from './use-os-appearance'
import { ShellContext, WorkspaceContext } from './workspace-context'

export function App() {
  const appearance = useOsAppearance()
  const [workspace, setWorkspace] = useState<WorkspaceSummary | null>(null)
  const [startupError, setStartupError] = useState<string | null>(null)
  // The workspace to reopen is encrypted with a passphrase this device does not keep: ask for it.
  const [lockedPath, setLockedPath] = useState<string | null>(null)
  const [unlocking, setUnlocking] = useState(false)
  const [canRemember, setCanRemember] = useState(false)
  // Nothing to open at start: first start asks who the workspace is for; a consultant sees the Clients view.
  const [noWorkspace, setNoWorkspace] = useState<'first-start' | 'clients' | null>(null)
  // The Clients view for a consultant or anyone with more than one workspace, else the Dashboard: the first page, and the top of the navigation.
  const [home, setHome] = useState<HomeArea>('dashboard')
  const [area, setArea] = useState<AreaId>('dashboard')

  const start = useCallback(() => {
    api['workspace.startup']({}).then(
      result => {
        setHome(result.home)
        setArea(result.home)
        if (result.workspace) setWorkspace(result.workspace)
        else setNoWorkspace(result.home === 'clients' ? 'clients' : 'first-start')
      },
      error => {
        const details = error instanceof ApiCallError ? (error.details as { reason?: unknown; path?: unknown } | undefined) : undefined
        if (details?.reason === 'encrypted' && typeof details.path === 'string') {
          setLockedPath(details.path)
          setUnlocking(true)
          void api['security.deviceKeys']({}).then(
            keys => setCanRemember(keys.usable),
            () => undefined
          )
        } else {
          setStartupError(errorMessage(error))
        }
      }
    )
  }, [])
  useEffect(start, [start])

  // Once per opened workspace: a desktop notification of open breach notices and what is overdue or due within a week.
  const workspacePath = workspace?.path
  useEffect(() => {
    if (workspacePath) void api['calendar.notifyDue']({}).catch(() => undefined)
  }, [workspacePath])

  const navigate = useCallback((next: AreaId) => setArea(next), [])
  const openWorkspace = useCallback((opened: WorkspaceSummary) => {
    setNoWorkspace(null)
    setWorkspace(opened)
  }, [])
  const shell = useMemo(() => ({ workspace, setWorkspace: openWorkspace, navigate, home, setHome }), [workspace, openWorkspace, navigate, home])
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
    () => (workspace ? { workspace, setWorkspace: openWorkspace, navigate, droppedFiles, takeDroppedFiles } : null),
    [workspace, openWorkspace, navigate, droppedFiles, takeDroppedFiles]
  )

  return (
    <Theme appearance={appearance} accentColor="indigo" grayColor="slate" radius="medium" panelBackground="solid">
      <ShellContext.Provider value={shell}>
        {context ? (
          <WorkspaceContext.Provider value={context}>
            <AppShell area={area} home={home} onNavigate={navigate} onFilesDropped={onFilesDropped} />
          </WorkspaceContext.Provider>
        ) : noWorkspace === 'first-start' ? (
          <FirstStartPage
            onOpened={(opened, firstPage) => {
              setHome(firstPage)
              setArea(firstPage)
              openWorkspace(opened)
            }}
            onClientsWithoutWorkspace={() => {
              setHome('clients')
              setArea('clients')
              setNoWorkspace('clients')
            }}
          />
        ) : noWorkspace === 'clients' ? (
          <ClientsWithoutWorkspace />
        ) : (
          <Flex align="center" justify="center" height="100vh" direction="column" gap="3" asChild>
            <main>
              {lockedPath ? (
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
      </ShellContext.Provider>
    </Theme>
  )
}
