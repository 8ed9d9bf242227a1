import { useEffect, useId, useState } from 'react'
import { DaysSelect } from '../../components/DaysSelect'
import { Button, Callout, Checkbox, Flex, Heading, Select, Text } from '@radix-ui/themes'
import { DeadlineTable } from '../../components/DeadlineTable'
import { PageHeader } from '../../components/PageHeader'
import type { CalendarEntry } from '../../../../main/calendar/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { formatDate } from '../../components/format-date'
import { openRecord, takeRecordTarget } from '../../components/record-link'
import { useWorkspace } from '../../workspace-context'
import { MarkDutyDone } from './MarkDutyDone'
import './calendar.css'

const WINDOWS = ['7', '30', '60', '90']
type Show = 'attention' | 'open' | 'all'
/** Retention ends further off than this go to their own folded list: they are not deadlines, and years away. */
const DISTANT_DAYS = 365

function visible(items: CalendarEntry[], show: Show): CalendarEntry[] {
  if (show === 'all') return items
  if (show === 'attention') return items.filter(i => i.status === 'overdue' || i.status === 'due-soon')
  // A duty of the proposed rule (shown only when asked for) is never overdue or due soon, but it is not done either.
  return items.filter(i => i.status === 'overdue' || i.status === 'due-soon' || i.status === 'upcoming' || i.status === 'proposed')
}

const isDistantRetention = (item: CalendarEntry) => item.kind === 'retention-ends' && item.daysLeft > DISTANT_DAYS

/** The compliance calendar: recurring duties, agreement renewals and reviews, and every breach deadline. */
export function CalendarPage() {
  const showId = useId()
  const { navigate } = useWorkspace()
  const [windowDays, setWindowDays] = useState('30')
  const [show, setShow] = useState<Show>('open')
  // Off by default: the proposed rule is not in force.
  const [includeProposed, setIncludeProposed] = useState(false)
  const [refresh, setRefresh] = useState(0)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  // A duty opened from the dashboard: its row is shown as chosen and its button takes the focus.
  const [targetDuty] = useState(() => takeRecordTarget('calendar'))
  const view = useLoaded(() => api['calendar.list']({ dueSoonDays: Number(windowDays), includeProposed }), [windowDays, includeProposed, refresh])
  const shown = view.data ? visible(view.data.items, show) : []
  const items = shown.filter(item => !isDistantRetention(item))
  const distant = shown.filter(isDistantRetention)
  const targetUid = targetDuty ? `recurring-${targetDuty}` : null
  const loaded = view.data !== null

  useEffect(() => {
    if (!loaded || !targetUid) return
    const row = document.querySelector<HTMLElement>(`[data-uid="${CSS.escape(targetUid)}"]`)
    row?.scrollIntoView({ block: 'center' })
    row?.querySelector<HTMLElement>('button')?.focus()
  }, [loaded, targetUid])

  const exportIcs = async () => {
    try {
      const result = await api['calendar.exportIcs']({ includeProposed, reminderDaysBefore: 7 })
      if (result)
        setMessage({
          error: false,
          text: `Wrote ${result.events.toLocaleString()} events to ${result.path}. Import that file into your calendar app.`
        })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    }
  }
  const recorded = (text: string) => {
    setMessage({ error: false, text })
    setRefresh(r => r + 1)
  }
  const rowAction = (item: CalendarEntry) =>
    item.source.type === 'recurring' && item.status !== 'done' && item.status !== 'done-late' ? (
      <MarkDutyDone dutyId={item.source.id} title={item.title} neverDone={item.neverDone === true} onRecorded={recorded} />
    ) : null
  // A duty's row is the duty itself; every other row opens its incident, agreement or risk.
  const opensElsewhere = (item: CalendarEntry) => item.link !== null && item.link.kind !== 'recurring-duty'

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Calendar"
        description={
          <>
            Everything that falls due: recurring Security Rule duties, agreement renewals and reviews, and the notices each incident requires. Mark a
            duty done on its row to date the next one.
            {view.data ? ` As of ${formatDate(view.data.asOf)}.` : ''}
          </>
        }
        actions={
          <>
            <DaysSelect label="Due soon means within" options={WINDOWS} value={windowDays} onChange={setWindowDays} />
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={showId}>
                Show
              </Text>
              <Select.Root value={show} onValueChange={value => setShow(value as Show)}>
                <Select.Trigger id={showId} />
                <Select.Content>
                  <Select.Item value="attention">Overdue and due soon</Select.Item>
                  <Select.Item value="open">Everything not done</Select.Item>
                  <Select.Item value="all">Everything, done included</Select.Item>
                </Select.Content>
              </Select.Root>
            </Flex>
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={includeProposed} onCheckedChange={checked => setIncludeProposed(checked === true)} />
                Include duties of the proposed Security Rule (not in force)
              </Flex>
            </Text>
            <Button variant="soft" onClick={() => void exportIcs()}>
              Export to a calendar file (.ics)…
            </Button>
          </>
        }
      />
      {(view.error || message) && (
        <Callout.Root highContrast color={view.error || message?.error ? 'red' : 'green'} role={view.error || message?.error ? 'alert' : 'status'}>
          <Callout.Text>{view.error ?? message?.text}</Callout.Text>
        </Callout.Root>
      )}
      {view.data && items.length === 0 ? (
        <Text as="p" color="gray">
          Nothing to show with these settings.
        </Text>
      ) : (
        <DeadlineTable
          caption="Compliance calendar"
          items={items}
          action={rowAction}
          onOpen={link => openRecord(navigate, link)}
          linkable={opensElsewhere}
          selectedUid={targetUid}
        />
      )}
      {distant.length > 0 && (
        <details className="calendar-distant">
          <summary>
            <Heading as="h2" size="3" className="calendar-distant-heading">
              Retention ends more than a year away ({distant.length.toLocaleString()})
            </Heading>
          </summary>
          <Text as="p" size="2" color="gray" my="2">
            The earliest day each record may be disposed of. Nothing is due: the records are kept until then.
          </Text>
          <DeadlineTable caption="Retention ends more than a year away" items={distant} size="1" onOpen={link => openRecord(navigate, link)} />
        </details>
      )}
      {view.data && (
        <Text as="p" size="1" color="gray" data-testid="calendar-disclaimer">
          {view.data.disclaimer} Status of the proposal ({view.data.proposedRule.citation}) as of {formatDate(view.data.proposedRule.statusAsOf)}:{' '}
          {view.data.proposedRule.summary}
        </Text>
      )}
    </Flex>
  )
}
