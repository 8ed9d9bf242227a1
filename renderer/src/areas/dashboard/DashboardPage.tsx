import { Flex, Heading, Text } from '@radix-ui/themes'
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
        <Heading as="h1" size="6">
          Welcome to Safeguard
        </Heading>
        <Text as="p" size="3" color="gray">
          This workspace keeps one organisation's HIPAA compliance records on this computer. Nothing is sent anywhere. Start by describing the
          organisation it is for.
        </Text>
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
      <Flex direction="column" gap="1">
        <Heading as="h1" size="6">
          Dashboard
        </Heading>
        <Text as="p" size="3" color="gray">
          {workspace.organization.name}: where its HIPAA compliance stands, and what to do next.
        </Text>
      </Flex>
      <ProtectionReminder />
      <DeadlinesCard />
      <AssessmentCard />
      <FindingsCard />
    </Flex>
  )
}
