import { Badge, Flex, Link, Text } from '@radix-ui/themes'
import type { DashboardView } from '../../../../main/calendar/contract'
import { openRecord } from '../../components/record-link'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'

/** Risks rated high or critical that are not yet treated or closed. */
export function RisksCard(props: { risks: DashboardView['risks'] }) {
  const { navigate } = useWorkspace()
  const { highOpen, total } = props.risks
  return (
    <DashboardCard title="Risks" error={null} loading={false} action={{ label: 'Open the risk analysis', onClick: () => navigate('risks') }}>
      {highOpen.length === 0 ? (
        <Text as="p" size="2" color="gray">
          {total === 0 ? 'No risks recorded yet.' : `${total.toLocaleString()} recorded; none rated high or critical is still open.`}
        </Text>
      ) : (
        <>
          <Text as="p" size="2" color="gray">
            {highOpen.length.toLocaleString()} of {total.toLocaleString()} rated high or critical and not yet treated.
          </Text>
          <ul className="dashboard-list" aria-label="Open high and critical risks">
            {highOpen.slice(0, 5).map(risk => (
              <li key={risk.id}>
                <Flex justify="between" gap="2" align="center">
                  <Link asChild size="2">
                    <button type="button" className="link-button" onClick={() => openRecord(navigate, { kind: 'risk', id: String(risk.id) })}>
                      {risk.title}
                    </button>
                  </Link>
                  <Badge highContrast color={risk.level === 'critical' ? 'red' : 'orange'}>
                    {risk.levelLabel}
                  </Badge>
                </Flex>
              </li>
            ))}
          </ul>
        </>
      )}
    </DashboardCard>
  )
}
