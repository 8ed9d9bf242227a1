import { useId, useState } from 'react'
import { Button, Dialog, Flex } from '@radix-ui/themes'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { api, errorMessage } from '../../api'
import { formatDate } from '../../components/format-date'
import { DateField, dateError, localToday } from '../business-associates/form-fields'

/**
 * Recording, on a recurring duty's own row, the day it was done: its next due date moves on by its interval.
 * For a duty never recorded, the day it was last done sets up its place in the calendar.
 */
export function MarkDutyDone(props: { dutyId: string; title: string; neverDone: boolean; onRecorded(message: string): void }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [doneOn, setDoneOn] = useState(localToday())
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dateProblem = dateError(doneOn, 'The date', true)
  const save = async () => {
    setTried(true)
    if (dateProblem) return
    try {
      const updated = await api['calendar.recordCompletion']({ definitionId: props.dutyId, doneOn })
      setError(null)
      setOpen(false)
      props.onRecorded(`Recorded: ${updated.title}, done ${formatDate(doneOn)}.`)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  const label = props.neverDone ? 'Record last done' : 'Mark done'
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button size="1" variant="soft" className="nowrap" aria-label={`${label}: ${props.title}`}>
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="440px">
        <Dialog.Title>{props.title}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          {props.neverDone
            ? 'When was it last done? The calendar dates the next time from that day.'
            : 'Record the day it was done; the next time is dated from it.'}
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void save()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <DateField id={`${id}-date`} label="Done on" value={doneOn} onChange={setDoneOn} error={tried ? dateProblem : null} />
            <DialogFormFooter error={error} submitLabel="Record" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
