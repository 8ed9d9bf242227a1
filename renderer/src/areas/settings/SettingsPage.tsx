import { useEffect, useState } from 'react'
import { Card, Code, DataList, Flex, Heading, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import type { AppInfo } from '../../../../main/workspace/contract'
import { api } from '../../api'
import { formatDateTime } from '../../components/format-date'
import { OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useFormDraft } from '../../components/form-draft'
import { UnsavedChangesNote } from '../../components/UnsavedChangesNote'
import { useWorkspace } from '../../workspace-context'
import { BackupsCard } from './BackupsCard'
import { ComputerUsageCard } from './ComputerUsageCard'
import { ProtectionCard } from './ProtectionCard'
import { SigningIdentityCard } from './SigningIdentityCard'
import { ReadinessSettingCard } from '../proposed-rule/ReadinessSettingCard'

export function SettingsPage() {
  const { workspace, setWorkspace } = useWorkspace()
  const [info, setInfo] = useState<AppInfo | null>(null)
  const [saved, setSaved] = useState(false)
  // Typed changes survive a visit to another area until saved or discarded.
  const draft = useFormDraft('settings.organization', () => workspace.organization)
  const [formVersion, setFormVersion] = useState(0)

  useEffect(() => {
    void api['app.info']({}).then(setInfo)
  }, [])

  return (
    <Flex direction="column" gap="5">
      <PageHeader
        title="Settings"
        description={
          <>
            The organisation this workspace is for. Its name and contact appear on every document Safeguard writes, and its role decides which
            questions and deadlines apply.
          </>
        }
      />
      <Card size="3">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            Organisation
          </Heading>
          <UnsavedChangesNote
            shown={draft.restored}
            onDiscard={() => {
              draft.discard()
              setFormVersion(v => v + 1)
            }}
          />
          <OrganizationProfileForm
            key={`${workspace.updatedAt}:${formVersion}`}
            initial={draft.values}
            submitLabel="Save organisation"
            onChange={profile => {
              setSaved(false)
              draft.replace(profile)
            }}
            onSubmit={async organization => {
              setWorkspace(await api['workspace.updateProfile']({ organization }))
              draft.clear()
              setSaved(true)
            }}
          />
          {saved && (
            <Text size="2" color="green" role="status">
              Saved.
            </Text>
          )}
        </Flex>
      </Card>
      <Card size="3">
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4">
            This workspace
          </Heading>
          <DataList.Root>
            <DataList.Item>
              <DataList.Label>File</DataList.Label>
              <DataList.Value>
                <Code variant="ghost" data-testid="workspace-path">
                  {workspace.path}
                </Code>
              </DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>Created</DataList.Label>
              <DataList.Value>{formatDateTime(workspace.createdAt)}</DataList.Value>
            </DataList.Item>
            <DataList.Item>
              <DataList.Label>Format version</DataList.Label>
              <DataList.Value>{workspace.schemaVersion}</DataList.Value>
            </DataList.Item>
            {info && (
              <DataList.Item>
                <DataList.Label>Safeguard version</DataList.Label>
                <DataList.Value>{info.version}</DataList.Value>
              </DataList.Item>
            )}
          </DataList.Root>
          <Text as="p" size="2" color="gray">
            The workspace is a single file. Moving or copying it moves or copies everything it holds.
          </Text>
        </Flex>
      </Card>
      <ProtectionCard />
      <BackupsCard />
      <SigningIdentityCard />
      <ReadinessSettingCard />
      <ComputerUsageCard />
    </Flex>
  )
}
