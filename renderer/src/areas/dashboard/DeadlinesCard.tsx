import { Text } from '@radix-ui/themes'
import { api } from '../../api'
import { DeadlineTable } from '../../components/DeadlineTable'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'

/** What is overdue and what falls due within 30 days, from the compliance calendar. */
export function DeadlinesCard() {
  const { workspace, navigate } = useWorkspace()
  const { data, error } = useLoaded(() => api['calendar.upcoming']({ withinDays: 30 }), [workspace.path, workspace.updatedAt])
  const total = data ? data.overdue.length + data.dueSoon.length : 0
  return (
    <DashboardCard title="Deadlines" error={error} loading={!data} action={{ label: 'Open the calendar', onClick: () => navigate('calendar') }}>
      {data && total === 0 ? (
        <Text as="p" color="gray">
          Nothing is overdue and nothing falls due in the next 30 days.
        </Text>
      ) : data ? (
        <>
          <Text as="p" size="2" color="gray">
            {formatNumber(data.overdue.length)} overdue, {formatNumber(data.dueSoon.length)} due by the end of the next 30 days (as of {data.asOf}). A
            recurring duty never recorded as done counts as due now: mark it done in the calendar to move it to its next date.
          </Text>
          <DeadlineTable caption="Overdue and upcoming deadlines" items={[...data.overdue, ...data.dueSoon]} size="1" />
        </>
      ) : null}
    </DashboardCard>
  )
}
