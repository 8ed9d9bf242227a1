import { useState } from 'react'
import { Badge, Button, Callout, Card, Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { IncidentDetail as Detail } from '../../../../main/breach/contract'
import { api, errorMessage } from '../../api'
import { CERTAINTY_LABELS } from '../business-associates/labels'
import { KIND_LABELS, OBLIGATION_STATUS } from './labels'
import { daysFrom, dueText } from '../../components/due-text'
import { formatDate } from '../../components/format-date'
import { formatNumber } from '../../components/count-of'
import { ArchiveDialog } from '../../components/ArchiveDialog'
import { NoticeDialog } from './NoticeDialog'
import { NoticeList } from './NoticeList'
import { useLoaded } from '../../components/use-loaded'
import { OutcomeSummary } from './OutcomeSummary'
import { IncidentDocuments } from './IncidentDocuments'
import { EvidencePanel } from '../../evidence/EvidencePanel'

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
  // The notice methods come from the main side's one registry; until they arrive a method shows as its id.
  const methods = useLoaded(() => api['incidents.noticeMethods']({}), []).data
  const methodLabel = (method: string) => methods?.methods.find(entry => entry.id === method)?.label ?? method
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
        <OutcomeSummary detail={detail} />
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
                        {o.method ? `, ${methodLabel(o.method)}` : ''}
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
                        {o.kept && (
                          <Badge highContrast color="blue" size="1">
                            {o.kept}
                          </Badge>
                        )}
                        {o.checkWithCounsel && (
                          <Badge highContrast color="orange" size="1">
                            Check with counsel
                          </Badge>
                        )}
                      </Flex>
                    </Flex>
                  </Table.Cell>
                  <Table.Cell>
                    {methods && <NoticeDialog incidentId={incident.id} obligation={o} methods={methods} onDone={props.onChanged} />}
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
          <NoticeList
            notices={detail.notices}
            methodLabel={methodLabel}
            onRemove={noticeId => void act(() => api['incidents.removeNotice']({ id: incident.id, noticeId }))}
            onAttach={noticeId => void act(() => api['incidents.attachNoticeFile']({ id: incident.id, noticeId }))}
            onSaveCopy={noticeId => void act(() => api['incidents.saveNoticeFileCopy']({ id: incident.id, noticeId }))}
          />
        )}
        <IncidentDocuments detail={detail} />
        <EvidencePanel target={{ kind: 'incident', id: String(incident.id) }} targetName="this incident" />
      </Flex>
    </Card>
  )
}
