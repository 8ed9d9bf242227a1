import { useEffect, useId, useState } from 'react'
import { Button, Dialog, Flex, Select, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { EMPTY_NEW_PASSPHRASE, type NewPassphrase, type NewPassphraseProblems } from '../../components/NewPassphraseFields'
import { EMPTY_PROFILE, OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useShell } from '../../workspace-context'
import { ProtectionChoice, protectionInput, type ProtectionKind } from '../workspaces/ProtectionChoice'

/**
 * A new client's workspace in one of the chosen folders: the organisation, its encryption, then where in the folder
 * (the save dialog starts there), made by the same workspace.create as any workspace, and opened.
 */
export function NewClientDialog(props: { open: boolean; folders: string[]; onClose(): void }) {
  const { setWorkspace, navigate } = useShell()
  const [folder, setFolder] = useState<string | null>(null)
  const [deviceKeys, setDeviceKeys] = useState<{ usable: boolean; reason: string | null } | null>(null)
  const [choice, setChoice] = useState<ProtectionKind>('device')
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [problems, setProblems] = useState<NewPassphraseProblems | null>(null)
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

  return (
    <Dialog.Root open={props.open} onOpenChange={open => !open && props.onClose()}>
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
              const created = await api['workspace.create']({ path: file, organization, protection })
              setPassphrase(EMPTY_NEW_PASSPHRASE)
              props.onClose()
              setWorkspace(created)
              navigate('dashboard')
            }}
            extraFields={
              <ProtectionChoice
                deviceKeys={deviceKeys}
                choice={choice}
                onChoice={setChoice}
                passphrase={passphrase}
                onPassphrase={setPassphrase}
                problems={problems}
              />
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
