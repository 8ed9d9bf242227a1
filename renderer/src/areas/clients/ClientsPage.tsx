import { useCallback, useEffect, useMemo, useState } from 'react'
import { Badge, Button, Callout, Flex, Table, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import type { PortfolioEntry, PortfolioView, WorkspaceSummaryEntry } from '../../../../main/portfolio/contract'
import { api, errorMessage } from '../../api'
import { useWorkspace } from '../../workspace-context'

/** The folders of client workspaces chosen in this run of the app, shown again on the next visit (paths only). */
let chosenFolders: string[] = []

type SortKey = 'organization' | 'progress' | 'gaps' | 'highRisks' | 'nextDeadline' | 'overdue' | 'lastScanOn' | 'expiringAgreements'

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'organization', label: 'Organisation' },
  { key: 'progress', label: 'Assessed' },
  { key: 'gaps', label: 'Gaps' },
  { key: 'highRisks', label: 'High or critical risks' },
  { key: 'nextDeadline', label: 'Next deadline' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'lastScanOn', label: 'Last scan' },
  { key: 'expiringAgreements', label: 'Agreements ending ≤ 90 days' }
]

const PROTECTION_WORDS: Record<WorkspaceSummaryEntry['protection'], string> = {
  'device-key': "Encrypted (this computer's key)",
  passphrase: 'Encrypted (passphrase)',
  'not-encrypted': 'Not encrypted'
}

function sortValue(entry: WorkspaceSummaryEntry, key: SortKey): string | number {
  if (key === 'progress') return entry.progress?.percent ?? -1
  // Breach notices first, as on the Dashboard, then by date.
  if (key === 'nextDeadline') return entry.nextDeadline ? `${entry.nextDeadline.breachNotice ? 0 : 1}${entry.nextDeadline.dueOn}` : '9'
  if (key === 'lastScanOn') return entry.lastScanOn ?? ''
  return entry[key]
}

const isRead = (entry: PortfolioEntry): entry is WorkspaceSummaryEntry => !entry.locked && !('error' in entry)

export function ClientsPage() {
  const { setWorkspace, navigate } = useWorkspace()
  const [view, setView] = useState<PortfolioView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'overdue', descending: true })

  const show = useCallback((answer: PortfolioView | null) => {
    if (!answer) return
    chosenFolders = answer.folders
    setView(answer)
  }, [])

  useEffect(() => {
    api['portfolio.summary']({ folders: chosenFolders }).then(show, (caught: unknown) => setError(errorMessage(caught)))
  }, [show])

  const load = async (chooseFolder: boolean) => {
    setError(null)
    setBusy(true)
    try {
      show(await api['portfolio.summary']({ folders: chosenFolders, chooseFolder }))
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  const read = useMemo(() => {
    const rows = (view?.entries ?? []).filter(isRead)
    const direction = sort.descending ? -1 : 1
    return [...rows].sort((a, b) => {
      const x = sortValue(a, sort.key)
      const y = sortValue(b, sort.key)
      return (x < y ? -1 : x > y ? 1 : 0) * direction || a.organization.localeCompare(b.organization)
    })
  }, [view, sort])
  const others = (view?.entries ?? []).filter(entry => !isRead(entry))

  const open = async (path: string) => {
    setError(null)
    try {
      setWorkspace(await api['workspace.open']({ path }))
      navigate('dashboard')
    } catch (caught) {
      setError(`${errorMessage(caught)} To give a passphrase, open it from Workspaces.`)
    }
  }

  return (
    <Flex direction="column" gap="5">
      <PageHeader
        title="Clients"
        description="Every client workspace in the folders you choose and in the recent list, at a glance. Reading them changes nothing; the figures describe the status of safeguards, not compliance."
        actions={
          <Flex gap="2">
            <Button variant="soft" disabled={busy} onClick={() => void load(false)}>
              Refresh
            </Button>
            <Button disabled={busy} onClick={() => void load(true)}>
              Add a folder…
            </Button>
          </Flex>
        }
      />
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {view && (
        <Text size="2" color="gray">
          As of {view.asOf}. Folders: {view.folders.length > 0 ? view.folders.join(', ') : 'none yet (the recent list only)'}.
        </Text>
      )}
      <Table.Root variant="surface" aria-label="Client workspaces">
        <Table.Header>
          <Table.Row>
            {COLUMNS.map(column => (
              <Table.ColumnHeaderCell key={column.key} aria-sort={sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <Button
                  variant="ghost"
                  size="1"
                  onClick={() => setSort(current => ({ key: column.key, descending: current.key === column.key ? !current.descending : false }))}
                >
                  {column.label}
                </Button>
              </Table.ColumnHeaderCell>
            ))}
            <Table.ColumnHeaderCell>Protection</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {read.map(entry => (
            <Table.Row key={entry.path}>
              <Table.RowHeaderCell>
                <Text weight="medium">{entry.organization}</Text>
                <Text as="div" size="1" color="gray">
                  {entry.role === 'business-associate' ? 'Business associate' : 'Covered entity'}
                </Text>
              </Table.RowHeaderCell>
              <Table.Cell>{entry.progress ? `${entry.progress.percent}%` : 'Not started'}</Table.Cell>
              <Table.Cell>{entry.gaps}</Table.Cell>
              <Table.Cell>{entry.highRisks}</Table.Cell>
              <Table.Cell>
                {entry.nextDeadline ? (
                  <>
                    {entry.nextDeadline.dueOn} {entry.nextDeadline.title}{' '}
                    {entry.nextDeadline.breachNotice && <Badge color="red">Breach notice</Badge>}
                  </>
                ) : (
                  'None open'
                )}
              </Table.Cell>
              <Table.Cell>{entry.overdue > 0 ? <Badge color="red">{entry.overdue}</Badge> : 0}</Table.Cell>
              <Table.Cell>{entry.lastScanOn ?? 'None'}</Table.Cell>
              <Table.Cell>{entry.expiringAgreements}</Table.Cell>
              <Table.Cell>{PROTECTION_WORDS[entry.protection]}</Table.Cell>
              <Table.Cell>
                <Button size="1" variant="soft" onClick={() => void open(entry.path)}>
                  Open
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
          {others.map(entry => (
            <Table.Row key={entry.path}>
              <Table.RowHeaderCell>
                <Text weight="medium">{'organization' in entry && entry.organization ? entry.organization : entry.path}</Text>
              </Table.RowHeaderCell>
              <Table.Cell colSpan={COLUMNS.length + 1}>
                <Badge color={entry.locked ? 'amber' : 'gray'}>{entry.locked ? 'Locked' : 'Cannot be read'}</Badge>{' '}
                {entry.locked ? entry.reason : 'message' in entry ? entry.message : ''}
              </Table.Cell>
              <Table.Cell>
                {(entry.locked || ('error' in entry && entry.error === 'needs-upgrade')) && (
                  <Button size="1" variant="soft" onClick={() => navigate('workspaces')}>
                    Workspaces
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
      {view && view.entries.length === 0 && <Text color="gray">No workspaces yet: add a folder of client workspaces.</Text>}
    </Flex>
  )
}
