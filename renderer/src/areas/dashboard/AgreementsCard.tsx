import { Badge, Flex, Link, Text } from '@radix-ui/themes'
import type { DashboardView } from '../../../../main/calendar/contract'
import { formatDate } from '../../components/format-date'
import { openRecord } from '../../components/record-link'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'

/** Business associate agreements that expire within the window (or already have), and parties holding PHI without one. */
export function AgreementsCard(props: { agreements: DashboardView['agreements'] }) {
  const { navigate } = useWorkspace()
  const { expiring, withoutSignedBaa, total, windowDays } = props.agreements
  return (
    <DashboardCard
      title="Business associates"
      error={null}
      loading={false}
      action={{ label: 'Open business associates', onClick: () => navigate('business-associates') }}
    >
      <Text as="p" size="2" color="gray">
        {total === 0
          ? 'No business associates recorded yet.'
          : `${total.toLocaleString()} recorded. ${withoutSignedBaa === 0 ? 'None holds' : `${withoutSignedBaa.toLocaleString()} ${withoutSignedBaa === 1 ? 'holds' : 'hold'}`} PHI without a signed agreement.`}
      </Text>
      {total === 0 ? null : expiring.length === 0 ? (
        <Text as="p" size="2">
          No agreement expires in the next {windowDays.toLocaleString()} days.
        </Text>
      ) : (
        <ul className="dashboard-list" aria-label={`Agreements expiring within ${windowDays} days`}>
          {expiring.map(agreement => (
            <li key={agreement.id}>
              <Flex justify="between" gap="2" wrap="wrap" align="center">
                <Link asChild weight="medium">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => openRecord(navigate, { kind: 'business-associate', id: String(agreement.id) })}
                  >
                    {agreement.name}
                  </button>
                </Link>
                <Flex gap="2" align="center">
                  <Text size="2" color="gray">
                    expires {formatDate(agreement.expiresOn)}
                  </Text>
                  <Badge highContrast color={agreement.daysLeft < 0 ? 'red' : 'amber'}>
                    {agreement.dueText}
                  </Badge>
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </DashboardCard>
  )
}
