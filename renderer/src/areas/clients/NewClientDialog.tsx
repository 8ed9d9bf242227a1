import { useEffect, useId, useState } from 'react'
import { Button, Callout, Dialog, Flex, Select, Text } from '@radix-ui/themes'
import type { LibraryApplyPreview } from '../../../../main/library/contract'
import type { WorkspaceSummary } from '../../../../main/workspace/contract'
import type { AreaId } from '../../areas'
import { api, errorMessage } from '../../api'
import { EMPTY_NEW_PASSPHRASE, type NewPassphrase, type NewPassphraseProblems } from '../../components/NewPassphraseFields'
import { EMPTY_PROFILE, OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useShell } from '../../workspace-context'
import { ProtectionChoice, protectionInput, type ProtectionKind } from '../workspaces/ProtectionChoice'
import { LibraryStartSection, type StartLibrary } from './LibraryStartSection'
import { allNotApplied, planLibraryStart, type ListedItems, type NotApplied } from './library-start'

/**
 * Applies the picked library items to the workspace just made and opened, all together; returns what was not
 * applied (nothing, when all went well). Never throws: the workspace stays whatever happens here.
 */
async function applyPicked(ids: number[], listed: ListedItems): Promise<NotApplied[]> {
  let preview: LibraryApplyPreview | null = null
  let applying = ids
  try {
    preview = await api['library.applyPreview']({})
    const plan = planLibraryStart(preview, ids, listed)
    applying = plan.apply
    if (plan.apply.length > 0) await api['library.apply']({ itemIds: plan.apply })
    return plan.notApplied
  } catch (caught) {
    const failed = allNotApplied(preview?.kinds ?? listed, applying, errorMessage(caught))
    return preview ? [...planLibraryStart(preview, ids, listed).notApplied, ...failed] : failed
  }
}

/**
 * A new client's workspace in one of the chosen folders: the organisation, its encryption, then where in the folder
 * (the save dialog starts there), made by the same workspace.create as any workspace, and opened; then the picked
 * practice library items are applied to it. If they cannot be, the workspace stays and the dialog says what was not applied.
 */
export function NewClientDialog(props: { open: boolean; folders: string[]; onClose(): void }) {
  const { setWorkspace, navigate } = useShell()
  const [folder, setFolder] = useState<string | null>(null)
  const [deviceKeys, setDeviceKeys] = useState<{ usable: boolean; reason: string | null } | null>(null)
  const [choice, setChoice] = useState<ProtectionKind>('device')
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [problems, setProblems] = useState<NewPassphraseProblems | null>(null)
  const [picked, setPicked] = useState<Set<string> | null>(null)
  const [library, setLibrary] = useState<StartLibrary>(null)
  const [created, setCreated] = useState<{ workspace: WorkspaceSummary; notApplied: NotApplied[] } | null>(null)
  const folderLabelId = useId()

  useEffect(() => {
    if (!props.open) return
    api['security.deviceKeys']({}).then(
      keys => {
        setDeviceKeys(keys)
        if (!keys.usable) setChoice('passphrase')
      },
      () => setChoice('passphrase')
    )
  }, [props.open])

  const target = folder && props.folders.includes(folder) ? folder : (props.folders[0] ?? null)
  // Once made, the client is open in the program whatever else happened; leaving the dialog shows it.
  // The next opening starts afresh: everything in the library picked again.
  const leave = () => {
    setPicked(null)
    setCreated(null)
    props.onClose()
  }
  const finish = (workspace: WorkspaceSummary, area: AreaId) => {
    leave()
    setWorkspace(workspace)
    navigate(area)
  }
  const close = () => (created ? finish(created.workspace, 'dashboard') : leave())

  if (created) {
    return (
      <Dialog.Root open={props.open} onOpenChange={open => !open && close()}>
        <Dialog.Content maxWidth="640px">
          <Dialog.Title>New client</Dialog.Title>
          <Dialog.Description size="2">
            The workspace for “{created.workspace.organization.name}” was created, with what you typed.
          </Dialog.Description>
          <Callout.Root color="amber" role="alert" mt="3">
            <Callout.Text>
              {created.notApplied.length === 1 ? 'One library item was' : `${created.notApplied.length} library items were`} not applied to it. You
              can apply {created.notApplied.length === 1 ? 'it' : 'them'} from the Practice library page.
            </Callout.Text>
          </Callout.Root>
          <ul aria-label="Not applied from the library">
            {created.notApplied.map((item, index) => (
              <li key={index}>
                <Text size="2">
                  <Text weight="medium">{item.title}</Text> ({item.kindLabel}): {item.reason}
                </Text>
              </li>
            ))}
          </ul>
          <Flex gap="3" justify="end">
            <Button variant="soft" onClick={() => finish(created.workspace, 'library')}>
              Open the Practice library page
            </Button>
            <Button onClick={() => finish(created.workspace, 'dashboard')}>Open the client</Button>
          </Flex>
        </Dialog.Content>
      </Dialog.Root>
    )
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && close()}>
      <Dialog.Content maxWidth="640px">
        <Dialog.Title>New client</Dialog.Title>
        <Dialog.Description size="2">
          A workspace of its own for the client, in {target ? 'the folder you choose below' : 'a place you choose'}. Details can be changed later in
          Settings.
        </Dialog.Description>
        <Flex direction="column" gap="3" mt="3">
          {props.folders.length > 1 && target && (
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" id={folderLabelId}>
                Folder
              </Text>
              <Select.Root value={target} onValueChange={setFolder}>
                <Select.Trigger aria-labelledby={folderLabelId} />
                <Select.Content>
                  {props.folders.map(candidate => (
                    <Select.Item key={candidate} value={candidate}>
                      {candidate}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Flex>
          )}
          {props.folders.length === 1 && target && (
            <Text size="2" color="gray">
              Folder: {target}
            </Text>
          )}
          <OrganizationProfileForm
            initial={EMPTY_PROFILE}
            submitLabel="Choose where to save and create…"
            onSubmit={async organization => {
              const protection = protectionInput(choice, passphrase, deviceKeys?.usable === true)
              if ('problems' in protection) {
                setProblems(protection.problems)
                throw new Error('Check the passphrase.')
              }
              setProblems(null)
              const file = target
                ? await api['portfolio.chooseNewClientPath']({ folder: target, suggestedName: organization.name })
                : await api['workspace.chooseNewPath']({ suggestedName: organization.name })
              if (!file) throw new Error('No place was chosen; nothing was created.')
              const made = await api['workspace.create']({ path: file, organization, protection })
              setPassphrase(EMPTY_NEW_PASSPHRASE)
              const ids = library && picked ? [...picked].map(Number) : []
              const notApplied = library && ids.length > 0 ? await applyPicked(ids, library.kinds) : []
              if (notApplied.length > 0) setCreated({ workspace: made, notApplied })
              else finish(made, 'dashboard')
            }}
            extraFields={
              <Flex direction="column" gap="4">
                <ProtectionChoice
                  deviceKeys={deviceKeys}
                  choice={choice}
                  onChoice={setChoice}
                  passphrase={passphrase}
                  onPassphrase={setPassphrase}
                  problems={problems}
                />
                <LibraryStartSection picked={picked} onPicked={setPicked} onLibrary={setLibrary} onLeave={leave} />
              </Flex>
            }
          />
          <Flex justify="end">
            <Dialog.Close>
              <Button type="button" variant="soft" color="gray">
                Cancel
              </Button>
            </Dialog.Close>
          </Flex>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  )
}
