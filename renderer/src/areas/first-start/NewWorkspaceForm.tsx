import { useEffect, useState } from 'react'
import type { WorkspaceSummary } from '../../../../main/workspace/contract'
import { api } from '../../api'
import { EMPTY_NEW_PASSPHRASE, type NewPassphrase, type NewPassphraseProblems } from '../../components/NewPassphraseFields'
import { EMPTY_PROFILE, OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { ProtectionChoice, protectionInput, type ProtectionKind } from '../workspaces/ProtectionChoice'

/**
 * The organisation a new workspace is for and how it is encrypted, as the Workspaces page asks; the file is made
 * only when the form is sent, in the folder the app's settings name (workspace.create without a path).
 */
export function NewWorkspaceForm(props: { submitLabel: string; onCreated(workspace: WorkspaceSummary): Promise<void> | void }) {
  const [deviceKeys, setDeviceKeys] = useState<{ usable: boolean; reason: string | null } | null>(null)
  const [protectionChoice, setProtectionChoice] = useState<ProtectionKind>('device')
  const [passphrase, setPassphrase] = useState<NewPassphrase>(EMPTY_NEW_PASSPHRASE)
  const [problems, setProblems] = useState<NewPassphraseProblems | null>(null)

  useEffect(() => {
    api['security.deviceKeys']({}).then(
      keys => {
        setDeviceKeys(keys)
        if (!keys.usable) setProtectionChoice('passphrase')
      },
      () => setProtectionChoice('passphrase')
    )
  }, [])

  return (
    <OrganizationProfileForm
      initial={EMPTY_PROFILE}
      submitLabel={props.submitLabel}
      onSubmit={async organization => {
        const protection = protectionInput(protectionChoice, passphrase, deviceKeys?.usable === true)
        if ('problems' in protection) {
          setProblems(protection.problems)
          throw new Error('Check the passphrase.')
        }
        setProblems(null)
        await props.onCreated(await api['workspace.create']({ organization, protection }))
      }}
      extraFields={
        <ProtectionChoice
          deviceKeys={deviceKeys}
          choice={protectionChoice}
          onChoice={setProtectionChoice}
          passphrase={passphrase}
          onPassphrase={setPassphrase}
          problems={problems}
        />
      }
    />
  )
}
