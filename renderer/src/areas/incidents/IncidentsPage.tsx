import { useEffect, useRef, useState } from 'react'
import { Badge, Button, Callout, Flex, Table, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import type { IncidentRecord } from '../../../../main/breach/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { ImportButton } from '../business-associates/ImportButton'
import { IncidentDetail } from './IncidentDetail'
import { IncidentForm } from './IncidentForm'
import { OBLIGATION_STATUS } from './labels'
import { daysFrom, dueText } from '../../components/due-text'
import { formatDate } from '../../components/format-date'
import { takeRecordTarget } from '../../components/record-link'
import { localToday } from '../business-associates/form-fields'
import { formatNumber } from '../../components/count-of'
import { ArchivedRecords } from '../../components/ArchivedRecords'

/** Incidents: the log, and for each one the notices the breach rules require, with their deadlines. */
export function IncidentsPage() {
  const [refresh, setRefresh] = useState(0)
  // An incident opened from a link elsewhere (the dashboard, the calendar) starts selected.
  const [selectedId, setSelectedId] = useState<number | null>(() => Number(takeRecordTarget('incidents')) || null)
  const [form, setForm] = useState<{ open: boolean; editing: IncidentRecord | null; key: number }>({ open: false, editing: null, key: 0 })
  const list = useLoaded(() => api['incidents.list']({}), [refresh])
  const laws = useLoaded(() => api['incidents.stateLaws']({}), [])
  const parties = useLoaded(() => api['baas.list']({}), [form.key])
  const detail = useLoaded(
    () => (selectedId === null ? Promise.resolve(null) : api['incidents.get']({ id: selectedId }).catch(() => null)),
    [selectedId, refresh]
  )
  const archived = useLoaded(() => api['incidents.listArchived']({}), [refresh])
  const reload = () => setRefresh(r => r + 1)
  const incidents = list.data ?? []
  // After archiving, the record's controls are gone: focus goes to the Archived toggle; after restoring, to the restored row.
  const archivedToggle = useRef<HTMLButtonElement>(null)
  const [focusAfter, setFocusAfter] = useState<{ to: 'archived' } | { to: 'row'; id: number } | null>(null)
  useEffect(() => {
    if (!focusAfter) return
    const target =
      focusAfter.to === 'archived' ? archivedToggle.current : document.querySelector<HTMLElement>(`[data-incident-id="${focusAfter.id}"]`)
    if (target) {
      target.focus()
      setFocusAfter(null)
    }
  }, [focusAfter, list.data, archived.data, detail.data])
  const archive = async (id: number, reason: string) => {
    await api['incidents.archive']({ id, ...(reason ? { reason } : {}) })
    setSelectedId(null)
    setFocusAfter({ to: 'archived' })
    reload()
  }
  const restore = async (id: number) => {
    await api['incidents.restore']({ id })
    setSelectedId(id)
    setFocusAfter({ to: 'row', id })
    reload()
  }

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Incidents"
        description={
          <>
            Log security incidents and possible breaches by counts and categories, never names. For a breach of unsecured PHI (protected health
            information that was neither encrypted nor destroyed), the app works out who must be told and by when under the HIPAA Breach Notification
            Rule, plus state laws that set a number of days.
          </>
        }
        actions={
          <>
            <Button onClick={() => setForm(f => ({ open: true, editing: null, key: f.key + 1 }))} disabled={!laws.data}>
              Record an incident
            </Button>
            <ImportButton
              label="Import incidents (Excel, CSV or JSON)…"
              noun="incidents"
              run={options => api['incidents.importFile']({}, options)}
              onImported={reload}
            />
            {laws.data && (
              <Text size="1" color="gray">
                State deadlines come from a research table current to {laws.data.sourcesCurrentTo}: check with counsel.
              </Text>
            )}
          </>
        }
      />
      {(list.error || laws.error) && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{list.error ?? laws.error}</Callout.Text>
        </Callout.Root>
      )}
      {list.data && incidents.length === 0 && (archived.data?.length ?? 0) > 0 ? (
        <Text as="p" color="gray">
          No incidents in the log. Archived incidents are listed under Archived.
        </Text>
      ) : list.data && incidents.length === 0 ? (
        <Text as="p" color="gray">
          No incidents recorded. When something goes wrong, such as a lost laptop, an email sent to the wrong person or an intrusion into a system,
          choose Record an incident on the day you find out: the notice deadlines count from the day of discovery.
        </Text>
      ) : (
        <Table.Root>
          <caption className="visually-hidden">Incident log</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Incident</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Discovered</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Affected</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Next deadline</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {incidents.map(i => (
              <Table.Row key={i.id} aria-selected={i.id === selectedId}>
                <Table.RowHeaderCell>
                  <Button variant="ghost" data-incident-id={i.id} onClick={() => setSelectedId(i.id)}>
                    {i.title}
                  </Button>
                </Table.RowHeaderCell>
                <Table.Cell>{formatDate(i.discoveredOn)}</Table.Cell>
                <Table.Cell>{formatNumber(i.totalAffected)}</Table.Cell>
                <Table.Cell>
                  {i.next ? (
                    <Flex gap="2" align="center" wrap="wrap">
                      <Badge highContrast color={OBLIGATION_STATUS[i.next.status].color}>
                        {i.next.status === 'due' || i.next.status === 'overdue'
                          ? dueText(daysFrom(localToday(), i.next.dueOn))
                          : OBLIGATION_STATUS[i.next.status].label}
                      </Badge>
                      <Text size="2">
                        {i.next.recipient} by {formatDate(i.next.dueOn)}
                      </Text>
                      {i.overdue > 0 && (
                        <Text size="1" color="red">
                          {i.overdue} overdue
                        </Text>
                      )}
                    </Flex>
                  ) : (
                    <Text size="2" color="gray">
                      {i.notificationRequired ? 'All notices given' : 'No notice required'}
                    </Text>
                  )}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {archived.data && (
        <ArchivedRecords
          ref={archivedToggle}
          label="Archived incidents"
          rows={archived.data.map(a => ({ ...a, name: a.title }))}
          onRestore={restore}
          onDeletePermanently={async (id, confirmTitle) => {
            await api['incidents.deletePermanently']({ id, confirmTitle })
            setFocusAfter({ to: 'archived' })
            reload()
          }}
        />
      )}
      {detail.data && detail.data.incident.archivedAt === null && (
        <IncidentDetail
          key={`detail-${detail.data.incident.id}`}
          detail={detail.data}
          onChanged={reload}
          onArchive={reason => archive(detail.data!.incident.id, reason)}
          onEdit={() => setForm(f => ({ open: true, editing: detail.data?.incident ?? null, key: f.key + 1 }))}
        />
      )}
      {laws.data && (
        <IncidentForm
          key={`form-${form.key}`}
          open={form.open}
          existing={form.editing}
          jurisdictions={laws.data.jurisdictions}
          parties={(parties.data ?? []).map(p => ({ id: p.id, name: p.name }))}
          onOpenChange={open => setForm(f => ({ ...f, open }))}
          onSaved={id => {
            setSelectedId(id)
            reload()
          }}
        />
      )}
    </Flex>
  )
}
