import { useState } from 'react'
import { Callout, Flex, Grid, Skeleton } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../api'
import { OrganizationProfileForm } from '../../components/OrganizationProfileForm'
import { useLoaded } from '../../components/use-loaded'
import { useWorkspace } from '../../workspace-context'
import { AgreementsCard } from './AgreementsCard'
import { AssessmentCard } from './AssessmentCard'
import { EvidenceCard } from './EvidenceCard'
import { GettingStartedCard } from './GettingStartedCard'
import { IncidentsCard } from './IncidentsCard'
import { NextStepsCard } from './NextStepsCard'
import { ProtectionReminder } from './ProtectionReminder'
import { RisksCard } from './RisksCard'
import './dashboard.css'

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
  return <Overview />
}

/** The dashboard of a described workspace: first steps, what to do next, then one card per area with dates or open items. */
function Overview() {
  const { workspace } = useWorkspace()
  const [changes, setChanges] = useState(0)
  const view = useLoaded(() => api['calendar.dashboard']({}), [workspace.path, workspace.updatedAt, changes])
  const data = view.data
  // A breach notice or anything overdue goes above the first steps; otherwise a new workspace starts with them.
  const urgent = data?.next.some(entry => entry.source.type === 'incident' || entry.daysLeft < 0) ?? false
  const gettingStarted = data && <GettingStartedCard steps={data.gettingStarted} />
  const nextSteps = data && <NextStepsCard view={data} onChanged={() => setChanges(c => c + 1)} />
  return (
    <Flex direction="column" gap="5">
      <PageHeader title="Dashboard" description={`${workspace.organization.name}: the status of its safeguards, and what to do next.`} />
      <ProtectionReminder />
      {view.error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{view.error}</Callout.Text>
        </Callout.Root>
      )}
      {!data && !view.error && <Skeleton height="160px" />}
      {data && (
        <>
          {urgent ? (
            <>
              {nextSteps}
              {gettingStarted}
            </>
          ) : (
            <>
              {gettingStarted}
              {nextSteps}
            </>
          )}
          <Grid columns={{ initial: '1', md: '2' }} gap="5">
            <IncidentsCard incidents={data.incidents} />
            <AgreementsCard agreements={data.agreements} />
            <RisksCard risks={data.risks} />
            <EvidenceCard evidence={data.evidence} />
          </Grid>
        </>
      )}
      <AssessmentCard />
    </Flex>
  )
}
