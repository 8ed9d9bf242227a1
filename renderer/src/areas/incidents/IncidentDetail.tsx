import { useId, useState } from 'react'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { Badge, Button, Callout, Card, Dialog, Flex, Heading, Table, Text, TextField } from '@radix-ui/themes'
import type { BreachObligation, IncidentDetail as Detail } from '../../../../main/breach/contract'
import { api, errorMessage } from '../../api'
import { DateField, Field, dateError, localToday } from '../business-associates/form-fields'
import { CERTAINTY_LABELS } from '../business-associates/labels'
import { KIND_LABELS, OBLIGATION_STATUS } from './labels'
import { daysFrom, dueText } from '../../components/due-text'
import { formatDate } from '../../components/format-date'
import { formatNumber } from '../../components/count-of'
import { ArchiveDialog } from '../../components/ArchiveDialog'

/** Recording that a notice was given: date and method. */
function MarkDone(props: { incidentId: number; obligation: BreachObligation; onDone(): void }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const [doneOn, setDoneOn] = useState(localToday())
  const [method, setMethod] = useState('')
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dateProblem = dateError(doneOn, 'The date', true)
  const save = async () => {
    setTried(true)
    if (dateProblem) return
    try {
      await api['incidents.recordNotice']({
        id: props.incidentId,
        notice: {
          kind: props.obligation.kind,
          ...(props.obligation.jurisdiction ? { jurisdiction: props.obligation.jurisdiction } : {}),
          obligationId: props.obligation.id,
          doneOn,
          method
        }
      })
      setOpen(false)
      props.onDone()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button size="1" variant="soft" className="nowrap">
          Mark done
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="440px">
        <Dialog.Title>Notice given: {props.obligation.recipient}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Record when and how. Keep the notice itself with your evidence (45 CFR 164.414(b)).
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void save()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <DateField id={`${id}-date`} label="Given on" value={doneOn} onChange={setDoneOn} error={tried ? dateProblem : null} />
            <Field id={`${id}-method`} label="Method" hint="e.g. first-class mail, HHS breach portal, press release">
              <TextField.Root id={`${id}-method`} value={method} onChange={ev => setMethod(ev.target.value)} aria-describedby={`${id}-method-hint`} />
            </Field>
            <DialogFormFooter error={error} submitLabel={'Record'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}

/** One incident: why notices are (or are not) required, each obligation with its rule, and the notices given. */
export function IncidentDetail(props: { detail: Detail; onChanged(): void; onEdit(): void; onArchive(reason: string): Promise<void> }) {
  const { detail } = props
  const { incident, assessment } = detail
  const [error, setError] = useState<string | null>(null)
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work()
      setError(null)
      props.onChanged()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  const states = Object.entries(incident.affectedByState)
  return (
    <Card size="2">
      <Flex direction="column" gap="4">
        <Flex justify="between" align="start" wrap="wrap" gap="2">
          <Flex direction="column" gap="1">
            <Heading as="h2" size="4">
              {incident.title}
            </Heading>
            <Text size="2" color="gray">
              Discovered {formatDate(incident.discoveredOn)}
              {incident.breachOn ? `, happened ${formatDate(incident.breachOn)}` : ''} · {formatNumber(assessment.totalAffected)} people affected
              {states.length > 0 ? ` (${states.map(([state, count]) => `${state} ${formatNumber(count)}`).join(', ')})` : ''} ·{' '}
              {incident.role === 'covered-entity' ? 'we are the covered entity' : 'we are a business associate'}
            </Text>
          </Flex>
          <Flex gap="2">
            <Button variant="soft" onClick={props.onEdit}>
              Edit
            </Button>
            <ArchiveDialog name={`"${incident.title}"`} what="incident" onArchive={props.onArchive} />
          </Flex>
        </Flex>
        {incident.description && <Text as="p">{incident.description}</Text>}
        <Callout.Root highContrast color={assessment.notificationRequired ? 'amber' : 'green'} role="status">
          <Callout.Text>{assessment.reason}</Callout.Text>
        </Callout.Root>
        {error && (
          <Callout.Root highContrast color="red" role="alert">
            <Callout.Text>{error}</Callout.Text>
          </Callout.Root>
        )}
        {assessment.obligations.length > 0 && (
          <Table.Root size="1">
            <caption className="visually-hidden">Notification obligations for {incident.title}</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Notify</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Rule and basis</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>
                  <span className="visually-hidden">Action</span>
                </Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {assessment.obligations.map(o => (
                <Table.Row key={o.id}>
                  <Table.RowHeaderCell>
                    <Flex direction="column" gap="1">
                      <Text weight="medium">{o.recipient}</Text>
                      <Text size="1" color="gray">
                        {KIND_LABELS[o.kind]}
                        {o.jurisdiction ? ` · ${o.jurisdiction}` : ''}
                      </Text>
                    </Flex>
                  </Table.RowHeaderCell>
                  <Table.Cell>
                    <Text wrap="nowrap">{formatDate(o.dueOn)}</Text>
                    {o.originalDueOn && (
                      <Text as="div" size="1" color="gray">
                        was {formatDate(o.originalDueOn)}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Badge highContrast color={OBLIGATION_STATUS[o.status].color} className="nowrap">
                      {o.status === 'due' || o.status === 'overdue' ? dueText(daysFrom(detail.asOf, o.dueOn)) : OBLIGATION_STATUS[o.status].label}
                    </Badge>
                    {o.doneOn && (
                      <Text as="div" size="1" color="gray">
                        {formatDate(o.doneOn)}
                        {o.method ? `, ${o.method}` : ''}
                      </Text>
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Flex direction="column" gap="1">
                      <Text size="2" weight="medium">
                        {o.citation}
                      </Text>
                      <Text size="1">{o.basis}</Text>
                      <Flex gap="1" wrap="wrap">
                        <Badge highContrast color="gray" size="1">
                          {CERTAINTY_LABELS[o.certainty]}
                        </Badge>
                        {o.checkWithCounsel && (
                          <Badge highContrast color="orange" size="1">
                            Check with counsel
                          </Badge>
                        )}
                      </Flex>
                    </Flex>
                  </Table.Cell>
                  <Table.Cell>
                    {o.status === 'due' || o.status === 'overdue' ? (
                      <MarkDone incidentId={incident.id} obligation={o} onDone={props.onChanged} />
                    ) : null}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table.Root>
        )}
        {assessment.notes.length > 0 && (
          <Flex direction="column" gap="1">
            <Heading as="h3" size="2">
              Also note
            </Heading>
            <ul style={{ margin: 0, paddingLeft: 'var(--space-5)' }}>
              {assessment.notes.map(note => (
                <li key={note}>
                  <Text size="2">{note}</Text>
                </li>
              ))}
            </ul>
          </Flex>
        )}
        {detail.notices.length > 0 && (
          <Flex direction="column" gap="2">
            <Heading as="h3" size="2">
              Notices given
            </Heading>
            <ul style={{ margin: 0, paddingLeft: 'var(--space-5)' }}>
              {detail.notices.map(n => (
                <li key={n.id}>
                  <Flex gap="2" align="center" wrap="wrap">
                    <Text size="2">
                      {KIND_LABELS[n.kind]}
                      {n.jurisdiction ? ` (${n.jurisdiction})` : ''}: {formatDate(n.doneOn)}
                      {n.method ? `, ${n.method}` : ''}
                    </Text>
                    <Button
                      size="1"
                      variant="ghost"
                      color="red"
                      aria-label={`Remove the ${KIND_LABELS[n.kind]} notice of ${formatDate(n.doneOn)}`}
                      onClick={() => void act(() => api['incidents.removeNotice']({ id: incident.id, noticeId: n.id }))}
                    >
                      Remove
                    </Button>
                  </Flex>
                </li>
              ))}
            </ul>
          </Flex>
        )}
      </Flex>
    </Card>
  )
}
