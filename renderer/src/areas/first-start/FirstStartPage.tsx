import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Button, Callout, Card, Code, Flex, Heading, RadioCards, Separator, Text } from '@radix-ui/themes'
import type { HomeArea, WorkspaceSummary, WorkspaceUsage } from '../../../../main/workspace/contract'
import { api, ApiCallError, errorMessage } from '../../api'
import { UnlockDialog } from '../../components/UnlockDialog'
import { NewWorkspaceForm } from './NewWorkspaceForm'

type Step = 'choose' | 'own-organization' | 'consultant-folder' | 'consultant-first-client'

/** The file an open failed on because it is encrypted with a key this computer does not keep, else null. */
function encryptedPath(error: unknown): string | null {
  if (!(error instanceof ApiCallError)) return null
  const details = error.details as { reason?: unknown; path?: unknown } | undefined
  return details?.reason === 'encrypted' && typeof details.path === 'string' ? details.path : null
}

/**
 * First start, with nothing to open: who this computer's workspaces are for, before any file is made. Only the
 * confirming buttons write: creating a workspace, or a consultant's folder (kept in the app's settings).
 */
export function FirstStartPage(props: { onOpened(workspace: WorkspaceSummary, home: HomeArea): void; onClientsWithoutWorkspace(): void }) {
  const [step, setStep] = useState<Step>('choose')
  const [usage, setUsage] = useState<WorkspaceUsage | null>(null)
  const [folder, setFolder] = useState<{ chosen: string; isDefault: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [locked, setLocked] = useState<{ path: string; canRemember: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const choiceLabelId = useId()

  // Each step's heading takes focus, so keyboard and screen-reader users start at the top of what changed.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    headingRef.current?.focus()
  }, [step])

  const run = async (action: () => Promise<void>) => {
    setError(null)
    setBusy(true)
    try {
      await action()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const go = (next: Step) => {
    setError(null)
    setStep(next)
  }

  const openExisting = () =>
    run(async () => {
      try {
        const opened = await api['workspace.openFromDisk']({})
        if (opened) props.onOpened(opened, 'dashboard')
      } catch (caught) {
        const path = encryptedPath(caught)
        if (!path) throw caught
        const keys = await api['security.deviceKeys']({}).catch(() => null)
        setLocked({ path, canRemember: keys?.usable === true })
      }
    })

  const chooseFolderStep = () =>
    run(async () => {
      const settings = await api['app.settings']({})
      setFolder(
        current => current ?? { chosen: settings.newWorkspaceFolder, isDefault: settings.newWorkspaceFolder === settings.defaultWorkspaceFolder }
      )
      go('consultant-folder')
    })

  const heading = (text: string) => (
    <Heading as="h1" size="6" ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
      {text}
    </Heading>
  )
  const errorCallout = error && (
    <Callout.Root color="red" role="alert">
      <Callout.Text>{error}</Callout.Text>
    </Callout.Root>
  )
  const back = (to: Step) => (
    <Flex>
      <Button variant="ghost" color="gray" onClick={() => go(to)}>
        ← Back
      </Button>
    </Flex>
  )

  let content: ReactNode
  if (step === 'choose') {
    content = (
      <>
        {heading('Who is this Safeguard for?')}
        <Text as="p" size="3" color="gray">
          Safeguard keeps each organisation's security work in its own encrypted workspace file. Nothing is saved until you confirm.
        </Text>
        <Text id={choiceLabelId} size="2" weight="medium">
          This computer is for
        </Text>
        <RadioCards.Root
          aria-labelledby={choiceLabelId}
          columns={{ initial: '1', sm: '2' }}
          value={usage ?? ''}
          onValueChange={value => setUsage(value as WorkspaceUsage)}
        >
          <RadioCards.Item value="own-organization">
            <Flex direction="column" width="100%">
              <Text weight="bold">My own organisation</Text>
              <Text size="2" color="gray">
                One workspace for the practice, plan or business you work for.
              </Text>
            </Flex>
          </RadioCards.Item>
          <RadioCards.Item value="consultant">
            <Flex direction="column" width="100%">
              <Text weight="bold">I'm a consultant</Text>
              <Text size="2" color="gray">
                This computer holds several clients' workspaces, one file per client.
              </Text>
            </Flex>
          </RadioCards.Item>
        </RadioCards.Root>
        <Flex>
          <Button size="3" disabled={!usage || busy} onClick={() => (usage === 'consultant' ? chooseFolderStep() : go('own-organization'))}>
            Continue
          </Button>
        </Flex>
        <Separator size="4" />
        <Flex align="center" gap="3" wrap="wrap">
          <Text size="2" color="gray">
            Already have a workspace file?
          </Text>
          <Button variant="soft" disabled={busy} onClick={openExisting}>
            Open an existing workspace…
          </Button>
        </Flex>
      </>
    )
  } else if (step === 'own-organization') {
    content = (
      <>
        {back('choose')}
        {heading('Your organisation')}
        <Text as="p" size="2" color="gray">
          Describe the organisation this workspace is for. You can change these details later in Settings.
        </Text>
        <NewWorkspaceForm
          submitLabel="Create workspace"
          onCreated={async created => {
            // The workspace exists now; a settings file Safeguard cannot write (a newer version's) must not stop it opening.
            await api['app.setUsage']({ usage: 'own-organization' }).catch(() => undefined)
            props.onOpened(created, 'dashboard')
          }}
        />
      </>
    )
  } else if (step === 'consultant-folder') {
    content = (
      <>
        {back('choose')}
        {heading('Where client workspaces live')}
        <Text as="p" size="2" color="gray">
          Each client gets its own workspace file in this folder, and the Clients view lists every workspace in it. You can add other folders later.
        </Text>
        <Flex direction="column" gap="2">
          <Text size="2" weight="medium">
            Folder
          </Text>
          <Code size="2" variant="ghost" data-testid="client-folder">
            {folder?.chosen}
          </Code>
          {folder?.isDefault && (
            <Text size="1" color="gray">
              In Safeguard's data folder on this computer.
            </Text>
          )}
        </Flex>
        <Flex gap="3" wrap="wrap">
          <Button
            variant="soft"
            color="gray"
            disabled={busy}
            onClick={() =>
              run(async () => {
                const chosen = await api['app.chooseWorkspaceFolder']({})
                if (chosen) setFolder({ chosen, isDefault: false })
              })
            }
          >
            Choose another folder…
          </Button>
          <Button
            disabled={busy || !folder}
            onClick={() =>
              run(async () => {
                await api['app.setUsage']({ usage: 'consultant', ...(folder && !folder.isDefault ? { workspaceFolder: folder.chosen } : {}) })
                go('consultant-first-client')
              })
            }
          >
            Use this folder
          </Button>
        </Flex>
      </>
    )
  } else {
    content = (
      <>
        {heading('Your first client')}
        <Text as="p" size="2" color="gray">
          Describe the client organisation; its workspace is made in <Code variant="ghost">{folder?.chosen}</Code>. Or skip this and add clients from
          the Clients view.
        </Text>
        <NewWorkspaceForm submitLabel="Create the client's workspace" onCreated={created => props.onOpened(created, 'clients')} />
        <Separator size="4" />
        <Flex>
          <Button variant="soft" color="gray" onClick={props.onClientsWithoutWorkspace}>
            Skip: go to the Clients view
          </Button>
        </Flex>
      </>
    )
  }

  return (
    <Flex justify="center" px="4" py="6" asChild>
      <main aria-labelledby="first-start-title">
        <Card size="4" style={{ width: '100%', maxWidth: 720 }}>
          <Flex direction="column" gap="4">
            <Text id="first-start-title" size="2" weight="bold" color="indigo">
              Safeguard: first start
            </Text>
            {content}
            {errorCallout}
          </Flex>
        </Card>
        <UnlockDialog
          path={locked?.path ?? null}
          canRemember={locked?.canRemember ?? false}
          onClose={() => setLocked(null)}
          onUnlocked={opened => {
            setLocked(null)
            props.onOpened(opened, 'dashboard')
          }}
        />
      </main>
    </Flex>
  )
}
