import { useId, useState } from 'react'
import { DaysSelect } from '../../components/DaysSelect'
import { Button, Callout, Card, Checkbox, Flex, Heading, Select, Text } from '@radix-ui/themes'
import { DeadlineTable } from '../../components/DeadlineTable'
import { PageHeader } from '../../components/PageHeader'
import type { CalendarItem } from '../../../../main/calendar/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { DateField, Field, dateError, localToday } from '../business-associates/form-fields'

const WINDOWS = ['7', '30', '60', '90']
type Show = 'attention' | 'open' | 'all'

/** Recording that a recurring duty was done, which moves its next due date. */
function RecordCompletion(props: { onRecorded(message: string): void }) {
  const id = useId()
  const definitions = useLoaded(() => api['calendar.definitions']({}), [])
  const [definitionId, setDefinitionId] = useState<string | undefined>(undefined)
  const [doneOn, setDoneOn] = useState(localToday())
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dateProblem = dateError(doneOn, 'The date', true)
  const save = async () => {
    setTried(true)
    if (!definitionId || dateProblem) return
    try {
      const updated = await api['calendar.recordCompletion']({ definitionId, doneOn })
      setError(null)
      props.onRecorded(`Recorded: ${updated.title}, done ${doneOn}.`)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Card>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault()
          void save()
        }}
      >
        <Flex direction="column" gap="3">
          <Heading as="h2" size="3">
            Record a recurring duty as done
          </Heading>
          <Flex gap="3" align="end" wrap="wrap">
            <Field id={`${id}-duty`} label="Duty" error={tried && !definitionId ? 'Choose the duty that was done.' : null}>
              <Select.Root value={definitionId} onValueChange={setDefinitionId}>
                <Select.Trigger id={`${id}-duty`} placeholder="Choose a duty" />
                <Select.Content>
                  {(definitions.data ?? []).map(d => (
                    <Select.Item key={d.id} value={d.id}>
                      {d.title}
                      {d.proposed ? ' (proposed rule)' : ''}
                      {d.lastDoneOn ? ` · last ${d.lastDoneOn}` : ''}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Field>
            <DateField id={`${id}-date`} label="Done on" value={doneOn} onChange={setDoneOn} error={tried ? dateProblem : null} />
            <Button type="submit">Record</Button>
          </Flex>
          {(error || definitions.error) && (
            <Text size="2" color="red" role="alert">
              {error ?? definitions.error}
            </Text>
          )}
        </Flex>
      </form>
    </Card>
  )
}

function visible(items: CalendarItem[], show: Show): CalendarItem[] {
  if (show === 'all') return items
  if (show === 'attention') return items.filter(i => i.status === 'overdue' || i.status === 'due-soon')
  return items.filter(i => i.status === 'overdue' || i.status === 'due-soon' || i.status === 'upcoming')
}

/** The compliance calendar: recurring duties, agreement renewals and reviews, and every breach deadline. */
export function CalendarPage() {
  const showId = useId()
  const [windowDays, setWindowDays] = useState('30')
  const [show, setShow] = useState<Show>('open')
  const [includeProposed, setIncludeProposed] = useState(true)
  const [refresh, setRefresh] = useState(0)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const view = useLoaded(() => api['calendar.list']({ dueSoonDays: Number(windowDays), includeProposed }), [windowDays, includeProposed, refresh])
  const items = view.data ? visible(view.data.items, show) : []

  const exportIcs = async () => {
    try {
      const result = await api['calendar.exportIcs']({ includeProposed, reminderDaysBefore: 7 })
      if (result) setMessage({ error: false, text: `Wrote ${result.events} events to ${result.path}. Import that file into your calendar app.` })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    }
  }

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Calendar"
        description={
          <>
            Everything that falls due: recurring Security Rule duties, agreement renewals and reviews, and the notices each incident requires.
            {view.data ? ` As of ${view.data.asOf}.` : ''}
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
                Include duties of the proposed Security Rule
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
        <DeadlineTable caption="Compliance calendar" items={items} />
      )}
      <RecordCompletion
        onRecorded={text => {
          setMessage({ error: false, text })
          setRefresh(r => r + 1)
        }}
      />
      {view.data && (
        <Text as="p" size="1" color="gray">
          {view.data.disclaimer}
        </Text>
      )}
    </Flex>
  )
}
