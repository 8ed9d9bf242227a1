import { useEffect, useRef, useState } from 'react'
import { DaysSelect } from '../../components/DaysSelect'
import { Badge, Button, Callout, Flex, Table, Tabs, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { ScrollableTable } from '../../components/ScrollableTable'
import type { BusinessAssociateDetail, ChecklistSummary } from '../../../../main/baas/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { AssociateDetail } from './AssociateDetail'
import { AssociateForm } from './AssociateForm'
import { ChainTree } from './ChainTree'
import { ImportButton } from './ImportButton'
import { RELATIONSHIP_LABELS, STATUS_LABELS, flagBadges } from './labels'
import { takeRecordTarget } from '../../components/record-link'
import { formatNumber } from '../../components/count-of'
import { formatDate } from '../../components/format-date'
import { ArchivedRecords } from '../../components/ArchivedRecords'

const WINDOWS = ['30', '60', '90', '180']

/** Business associates: the register with its flags, the subcontractor chain, and each agreement's checklist. */
export function BusinessAssociatesPage() {
  const [windowDays, setWindowDays] = useState('60')
  const [refresh, setRefresh] = useState(0)
  const [selectedId, setSelectedId] = useState<number | null>(() => Number(takeRecordTarget('business-associates')) || null)
  const [form, setForm] = useState<{ open: boolean; editing: BusinessAssociateDetail | null; key: number }>({ open: false, editing: null, key: 0 })
  const list = useLoaded(() => api['baas.list']({ expiringWithinDays: Number(windowDays) }), [windowDays, refresh])
  const chain = useLoaded(() => api['baas.chain']({ expiringWithinDays: Number(windowDays) }), [windowDays, refresh])
  const detail = useLoaded(
    () =>
      selectedId === null ? Promise.resolve(null) : api['baas.get']({ id: selectedId, expiringWithinDays: Number(windowDays) }).catch(() => null),
    [selectedId, windowDays, refresh]
  )
  const archived = useLoaded(() => api['baas.listArchived']({}), [refresh])
  const reload = () => setRefresh(r => r + 1)
  const associates = list.data ?? []
  // After archiving, the record's controls are gone: focus goes to the Archived toggle; after restoring, to the restored row.
  const archivedToggle = useRef<HTMLButtonElement>(null)
  const [focusAfter, setFocusAfter] = useState<{ to: 'archived' } | { to: 'row'; id: number } | null>(null)
  useEffect(() => {
    if (!focusAfter) return
    const target =
      focusAfter.to === 'archived' ? archivedToggle.current : document.querySelector<HTMLElement>(`[data-associate-id="${focusAfter.id}"]`)
    if (target) {
      target.focus()
      setFocusAfter(null)
    }
  }, [focusAfter, list.data, archived.data, detail.data])
  const archive = async (id: number, reason: string) => {
    await api['baas.archive']({ id, ...(reason ? { reason } : {}) })
    setSelectedId(null)
    setFocusAfter({ to: 'archived' })
    reload()
  }
  const restore = async (id: number) => {
    await api['baas.restore']({ id })
    setSelectedId(id)
    setFocusAfter({ to: 'row', id })
    reload()
  }
  const flagged = associates.filter(a => flagBadges(a.flags).length > 0).length

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Business associates"
        description={
          <>
            Every outside company that handles protected health information (PHI) for you, such as your cloud provider, billing service or IT support.
            HIPAA requires a signed business associate agreement (BAA) with each one: record it here, see which required clauses it contains, and when
            it must be renewed or reviewed. Subcontractors sit under the business associate that engaged them; each link needs its own agreement.
          </>
        }
        actions={
          <>
            <Button onClick={() => setForm(f => ({ open: true, editing: null, key: f.key + 1 }))}>Add a business associate</Button>
            <ImportButton
              label="Import a register (Excel, CSV or JSON)…"
              noun="business associates"
              run={options => api['baas.importFile']({}, options)}
              onImported={reload}
            />
            <DaysSelect label="Flag agreements expiring within" options={WINDOWS} value={windowDays} onChange={setWindowDays} />
            {list.data && (
              <Text size="2" color="gray" role="status">
                {formatNumber(associates.length)} recorded, {formatNumber(flagged)} need attention.
              </Text>
            )}
          </>
        }
      />
      {(list.error || chain.error) && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{list.error ?? chain.error}</Callout.Text>
        </Callout.Root>
      )}
      <Tabs.Root defaultValue="register">
        <Tabs.List aria-label="Business associate views">
          <Tabs.Trigger value="register">Register</Tabs.Trigger>
          <Tabs.Trigger value="chain">Subcontractor chain</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="register">
          {associates.length === 0 && list.data ? (
            <Text as="p" color="gray" mt="3">
              {(archived.data?.length ?? 0) > 0
                ? 'No business associates in the register. Archived ones are listed under Archived.'
                : 'No business associates yet. Add one, or import a register kept in a spreadsheet (CSV) or JSON.'}
            </Text>
          ) : (
            <ScrollableTable mt="3" label="Business associate register">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Relationship</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Agreement</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Expires</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Required clauses</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Flags</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {associates.map(a => (
                  <Table.Row key={a.id} aria-selected={a.id === selectedId}>
                    <Table.RowHeaderCell>
                      <Button variant="ghost" data-associate-id={a.id} onClick={() => setSelectedId(a.id)}>
                        {a.name}
                      </Button>
                    </Table.RowHeaderCell>
                    <Table.Cell>{RELATIONSHIP_LABELS[a.relationship]}</Table.Cell>
                    <Table.Cell>{STATUS_LABELS[a.baaStatus]}</Table.Cell>
                    <Table.Cell>{a.expiresOn ? formatDate(a.expiresOn) : '—'}</Table.Cell>
                    <Table.Cell>{clauseSummary(a.checklist)}</Table.Cell>
                    <Table.Cell>
                      <Flex gap="1" wrap="wrap">
                        {flagBadges(a.flags).map(b => (
                          <Badge highContrast key={b.label} color={b.color}>
                            {b.label}
                          </Badge>
                        ))}
                      </Flex>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollableTable>
          )}
        </Tabs.Content>
        <Tabs.Content value="chain">
          <Flex mt="3">
            <ChainTree roots={chain.data ?? []} onOpen={setSelectedId} />
          </Flex>
        </Tabs.Content>
      </Tabs.Root>
      {archived.data && (
        <ArchivedRecords
          ref={archivedToggle}
          label="Archived business associates"
          rows={archived.data}
          onRestore={restore}
          onDeletePermanently={async (id, confirmName) => {
            await api['baas.deletePermanently']({ id, confirmName })
            setFocusAfter({ to: 'archived' })
            reload()
          }}
        />
      )}
      {detail.data && detail.data.archivedAt === null && (
        <AssociateDetail
          key={`detail-${detail.data.id}`}
          detail={detail.data}
          onArchive={reason => archive(detail.data!.id, reason)}
          onEdit={() => setForm(f => ({ open: true, editing: detail.data, key: f.key + 1 }))}
          onChanged={() => reload()}
        />
      )}
      <AssociateForm
        key={`form-${form.key}`}
        open={form.open}
        existing={form.editing}
        others={associates}
        onOpenChange={open => setForm(f => ({ ...f, open }))}
        onSaved={id => {
          setSelectedId(id)
          reload()
        }}
      />
    </Flex>
  )
}

/** The checklist of required BAA clauses in a few words: what is missing, and what nobody has checked yet. */
function clauseSummary(checklist: ChecklistSummary): string {
  if (checklist.unchecked === checklist.total) return 'Not checked yet'
  const parts: string[] = []
  if (checklist.missing > 0) parts.push(`${checklist.missing} missing`)
  if (checklist.unchecked > 0) parts.push(`${checklist.unchecked} not checked yet`)
  return parts.length ? parts.join(', ') : 'All present'
}
