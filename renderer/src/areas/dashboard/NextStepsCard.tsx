import { useEffect, useRef } from 'react'
import { Button, Flex, Text } from '@radix-ui/themes'
import type { DashboardView } from '../../../../main/calendar/contract'
import { DeadlineTable } from '../../components/DeadlineTable'
import { formatDate } from '../../components/format-date'
import { openRecord } from '../../components/record-link'
import { useWorkspace } from '../../workspace-context'
import { MarkDutyDone } from '../calendar/MarkDutyDone'
import { DashboardCard } from './DashboardCard'

const HEADING_ID = 'what-to-do-next'

/** The first few duties by name, then how many more. */
function dutyNames(duties: { title: string }[]): string {
  const named = duties.slice(0, 3).map(duty => duty.title)
  return duties.length > 3 ? `${named.join(', ')} and ${(duties.length - 3).toLocaleString()} more` : named.join(', ')
}

/**
 * What to do next, in the order the main side gives (breach notices, then overdue, then by days left), each row
 * opening its record; recurring duties never recorded as done stand as one "set up your calendar" step.
 */
export function NextStepsCard(props: { view: DashboardView; onChanged(): void }) {
  const { navigate } = useWorkspace()
  const { view } = props
  const setup = view.calendarSetup
  // A duty marked done leaves the list with the button that had the focus: the focus goes to the card's heading, not the page.
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    if (document.activeElement === null || document.activeElement === document.body) document.getElementById(HEADING_ID)?.focus()
  }, [view])
  const recorded = () => {
    refocus.current = true
    props.onChanged()
  }
  return (
    <DashboardCard
      title="What to do next"
      headingId={HEADING_ID}
      error={null}
      loading={false}
      action={{ label: 'Open the calendar', onClick: () => navigate('calendar') }}
    >
      <Text as="p" size="2" color="gray">
        As of {formatDate(view.asOf)}: breach notices first, then anything overdue, then what falls due in the next {view.withinDays.toLocaleString()}{' '}
        days.
        {view.later > 0 ? ` ${view.later.toLocaleString()} more later in the calendar.` : ''}
      </Text>
      {view.next.length > 0 ? (
        <DeadlineTable
          caption="What to do next"
          items={view.next}
          size="1"
          onOpen={link => openRecord(navigate, link)}
          action={entry =>
            entry.source.type === 'recurring' ? (
              <MarkDutyDone dutyId={entry.source.id} title={entry.title} neverDone={false} onRecorded={recorded} />
            ) : null
          }
        />
      ) : (
        <Text as="p" size="2">
          Nothing is overdue and nothing dated falls due in the next {view.withinDays.toLocaleString()} days.
        </Text>
      )}
      {setup && (
        <Flex className="calendar-setup" direction="column" gap="2" role="group" aria-labelledby="calendar-setup-title">
          <Flex justify="between" align="center" gap="3" wrap="wrap">
            <Text weight="medium" id="calendar-setup-title">
              Set up your calendar
            </Text>
            <Button size="1" onClick={() => navigate('calendar')}>
              Set up the calendar
            </Button>
          </Flex>
          <Text size="2" color="gray">
            {setup.duties.length === 1 ? '1 recurring duty has' : `${setup.duties.length.toLocaleString()} recurring duties have`} no completion
            recorded yet ({dutyNames(setup.duties)}). Record when each was last done, on its row in the calendar, and the calendar dates the next one.
          </Text>
        </Flex>
      )}
    </DashboardCard>
  )
}
