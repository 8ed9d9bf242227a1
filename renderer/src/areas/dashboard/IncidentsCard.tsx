import { Badge, Flex, Link, Text } from '@radix-ui/themes'
import type { DashboardView } from '../../../../main/calendar/contract'
import { formatDate } from '../../components/format-date'
import { openRecord } from '../../components/record-link'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'

/** Incidents with a breach notice still to give: the nearest deadline of each. */
export function IncidentsCard(props: { incidents: DashboardView['incidents'] }) {
  const { navigate } = useWorkspace()
  const { open, total } = props.incidents
  return (
    <DashboardCard title="Incidents" error={null} loading={false} action={{ label: 'Open incidents', onClick: () => navigate('incidents') }}>
      {open.length === 0 ? (
        <Text as="p" size="2" color="gray">
          {total === 0 ? 'No incidents recorded.' : `${total.toLocaleString()} recorded; no notice is waiting to be given.`}
        </Text>
      ) : (
        <ul className="dashboard-list" aria-label="Incidents with notices to give">
          {open.map(incident => (
            <li key={incident.id}>
              <Flex direction="column" gap="1">
                <Flex justify="between" gap="2" wrap="wrap" align="center">
                  <Link asChild weight="medium">
                    <button type="button" className="link-button" onClick={() => openRecord(navigate, { kind: 'incident', id: String(incident.id) })}>
                      {incident.title}
                    </button>
                  </Link>
                  <Badge highContrast color={incident.daysLeft < 0 ? 'red' : 'amber'}>
                    {incident.dueText}
                  </Badge>
                </Flex>
                <Text size="2" color="gray">
                  Next: notify {incident.nextRecipient} by {formatDate(incident.dueOn)}. {incident.openNotices.toLocaleString()}{' '}
                  {incident.openNotices === 1 ? 'notice' : 'notices'} to give
                  {incident.overdueNotices > 0 ? `, ${incident.overdueNotices.toLocaleString()} overdue` : ''}.
                </Text>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  )
}
