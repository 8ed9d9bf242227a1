import { useEffect, useId, useState } from 'react'
import { Button, Callout, Card, Code, DataList, Flex, Heading, RadioGroup, Text } from '@radix-ui/themes'
import type { AppSettingsView, HomeArea, WorkspaceUsage } from '../../../../main/workspace/contract'
import { api, errorMessage } from '../../api'
import { useShell } from '../../workspace-context'

const HOME_NAMES: Record<HomeArea, string> = { dashboard: 'Dashboard', clients: 'Clients' }

/**
 * How this computer is used (one organisation, or a consultant's clients) and where new workspaces are made: the
 * choice first start asked for, changed here. Only Save writes, and only the app's settings: no workspace is moved.
 */
export function ComputerUsageCard() {
  const { home, setHome } = useShell()
  const [settings, setSettings] = useState<AppSettingsView | null>(null)
  const [choice, setChoice] = useState<WorkspaceUsage | null>(null)
  const [folder, setFolder] = useState<string | null>(null)
  const [message, setMessage] = useState<{ tone: 'green' | 'red'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const choiceLabelId = useId()

  const show = (view: AppSettingsView) => {
    setSettings(view)
    setChoice(view.usage)
    setFolder(view.newWorkspaceFolder)
  }
  useEffect(() => {
    api['app.settings']({}).then(show, error => setMessage({ tone: 'red', text: errorMessage(error) }))
  }, [])

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
    }
  }

  if (!settings) {
    return message ? (
      <Card size="3">
        <Callout.Root color="red" role="alert">
          <Callout.Text>{message.text}</Callout.Text>
        </Callout.Root>
      </Card>
    ) : null
  }

  const consultant = settings.usage === 'consultant'
  const folderChanged = choice === 'consultant' && folder !== null && folder !== settings.newWorkspaceFolder
  const changed = choice !== null && (choice !== settings.usage || folderChanged)
  // Folders the Clients view reads besides the one new workspaces go to: earlier folders stay listed.
  const otherFolders = settings.clientFolders.filter(other => other !== settings.newWorkspaceFolder)

  const save = () =>
    run(async () => {
      if (!choice) return null
      const saved = await api['app.setUsage']({
        usage: choice,
        ...(choice === 'consultant' && folder && folder !== settings.defaultWorkspaceFolder ? { workspaceFolder: folder } : {})
      })
      show(saved)
      // The home follows from the settings and the workspaces this computer knows; the open workspace is unchanged.
      const next = (await api['workspace.startup']({})).home
      setHome(next)
      return `Saved. The home page is now ${HOME_NAMES[next]}.`
    })

  return (
    <Card size="3">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4">
          This computer
        </Heading>
        <DataList.Root>
          <DataList.Item>
            <DataList.Label>Used for</DataList.Label>
            <DataList.Value data-testid="computer-usage">
              {consultant ? "A consultant's computer" : settings.usage === 'own-organization' ? 'One organisation' : 'Not chosen yet'}
            </DataList.Value>
          </DataList.Item>
          <DataList.Item>
            <DataList.Label>{consultant ? 'Client workspaces in' : 'New workspaces in'}</DataList.Label>
            <DataList.Value>
              <Code variant="ghost" data-testid="computer-workspace-folder">
                {settings.newWorkspaceFolder}
              </Code>
            </DataList.Value>
          </DataList.Item>
          {otherFolders.length > 0 && (
            <DataList.Item>
              <DataList.Label>Clients also lists</DataList.Label>
              <DataList.Value>
                <Flex direction="column" gap="1" data-testid="computer-other-folders">
                  {otherFolders.map(other => (
                    <Code key={other} variant="ghost">
                      {other}
                    </Code>
                  ))}
                </Flex>
              </DataList.Value>
            </DataList.Item>
          )}
          <DataList.Item>
            <DataList.Label>Home page</DataList.Label>
            <DataList.Value data-testid="computer-home">
              {HOME_NAMES[home]}
              {home === 'clients' && !consultant ? ' (this computer knows more than one workspace)' : ''}
            </DataList.Value>
          </DataList.Item>
        </DataList.Root>

        <Text id={choiceLabelId} size="2" weight="medium">
          This computer is for
        </Text>
        <RadioGroup.Root
          aria-labelledby={choiceLabelId}
          value={choice ?? ''}
          onValueChange={value => {
            setMessage(null)
            setChoice(value as WorkspaceUsage)
          }}
        >
          <RadioGroup.Item value="own-organization">My own organisation: one workspace, the Dashboard is home</RadioGroup.Item>
          <RadioGroup.Item value="consultant">A consultant's clients: one workspace per client, the Clients view is home</RadioGroup.Item>
        </RadioGroup.Root>

        {choice === 'consultant' && (
          <Flex direction="column" gap="2">
            <Text size="2">
              New client workspaces will be made in{' '}
              <Code variant="ghost" data-testid="computer-chosen-folder">
                {folder}
              </Code>
              .{folderChanged && consultant && ` Workspaces already in ${settings.newWorkspaceFolder} stay there and stay listed in Clients.`}
            </Text>
            <Flex>
              <Button
                variant="soft"
                color="gray"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    const chosen = await api['app.chooseWorkspaceFolder']({})
                    if (chosen) setFolder(chosen)
                    return null
                  })
                }
              >
                Change folder…
              </Button>
            </Flex>
          </Flex>
        )}

        <Text as="p" size="2" color="gray">
          Saving changes the home page and, for a consultant, the folder new workspaces are made in. No workspace is moved or changed, and every
          workspace already in a client folder stays listed in Clients.
        </Text>
        <Flex>
          <Button disabled={!changed} loading={busy} onClick={save}>
            Save
          </Button>
        </Flex>
        {message && (
          <Text size="2" color={message.tone} role={message.tone === 'red' ? 'alert' : 'status'}>
            {message.text}
          </Text>
        )}
      </Flex>
    </Card>
  )
}
