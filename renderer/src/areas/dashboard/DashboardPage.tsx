import { Flex } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../api'
import { OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useWorkspace } from '../../workspace-context'
import { AssessmentCard } from './AssessmentCard'
import { DeadlinesCard } from './DeadlinesCard'
import { FindingsCard } from './FindingsCard'
import { ProtectionReminder } from './ProtectionReminder'

export function DashboardPage() {
  const { workspace, setWorkspace } = useWorkspace()

  if (!workspace.profileComplete) {
    return (
      <Flex direction="column" gap="4">
        <PageHeader
          title="Welcome to Safeguard"
          description="This workspace keeps one organisation's HIPAA compliance records on this computer. Nothing is sent anywhere. Start by describing the organisation it is for."
        />
        <OrganizationProfileForm
          initial={{ ...workspace.organization, name: '' }}
          submitLabel="Save and continue"
          onSubmit={async organization => setWorkspace(await api['workspace.updateProfile']({ organization }))}
        />
      </Flex>
    )
  }

  return (
    <Flex direction="column" gap="5">
      <PageHeader title="Dashboard" description={`${workspace.organization.name}: where its HIPAA compliance stands, and what to do next.`} />
      <ProtectionReminder />
      <DeadlinesCard />
      <AssessmentCard />
      <FindingsCard />
    </Flex>
  )
}
