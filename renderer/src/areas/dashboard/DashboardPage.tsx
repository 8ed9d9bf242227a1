import { Button, Card, Flex, Grid, Heading, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useWorkspace } from '../../workspace-context'
import type { AreaId } from '..'

const NEXT_STEPS: { area: AreaId; title: string; text: string; action: string }[] = [
  {
    area: 'assessment',
    title: 'Answer the assessment',
    text: 'Go through the Security Rule safeguards one family at a time and record what is in place.',
    action: 'Open the assessment'
  },
  {
    area: 'findings',
    title: 'Import a cloud scan',
    text: 'Bring in the output of Prowler, AWS Security Hub or another scanner as evidence.',
    action: 'Open findings'
  },
  {
    area: 'business-associates',
    title: 'Record your agreements',
    text: 'List every vendor that handles PHI for you and whether a BAA is signed.',
    action: 'Open business associates'
  },
  {
    area: 'documents',
    title: 'Produce documents',
    text: 'Generate policies and the evidence pack for a procurement team.',
    action: 'Open documents'
  }
]

export function DashboardPage() {
  const { workspace, setWorkspace, navigate } = useWorkspace()

  if (!workspace.profileComplete) {
    return (
      <Flex direction="column" gap="4">
        <Heading as="h1" size="6">
          Welcome to Safeguard
        </Heading>
        <Text as="p" size="3" color="gray">
          This workspace keeps one organisation's HIPAA compliance records on this computer. Nothing is sent anywhere.
          Start by describing the organisation it is for.
        </Text>
        <Card size="3">
          <OrganizationProfileForm
            initial={{ ...workspace.organization, name: '' }}
            submitLabel="Save and continue"
            onSubmit={async organization => setWorkspace(await api['workspace.updateProfile']({ organization }))}
          />
        </Card>
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
      <Heading as="h2" size="4">
        Next steps
      </Heading>
      <Grid columns={{ initial: '1', md: '2' }} gap="4">
        {NEXT_STEPS.map(step => (
          <Card key={step.area} size="2">
            <Flex direction="column" gap="2" align="start">
              <Heading as="h3" size="3">
                {step.title}
              </Heading>
              <Text as="p" size="2" color="gray">
                {step.text}
              </Text>
              <Button variant="soft" onClick={() => navigate(step.area)}>
                {step.action}
              </Button>
            </Flex>
          </Card>
        ))}
      </Grid>
    </Flex>
  )
}
