import { useCallback, useEffect, useMemo, useState } from 'react'
import { Button, Callout, Flex, Tabs, Text } from '@radix-ui/themes'
import type { PortfolioView, UnlockedSummary } from '../../../../main/portfolio/contract'
import { api, errorMessage } from '../../api'
import { formatDate } from '../../components/format-date'
import { PageHeader } from '../../components/PageHeader'
import { UnlockDialog } from '../../components/UnlockDialog'
import { useShell } from '../../workspace-context'
import { filterRows, isFiltered, NO_FILTERS, sortRows, toRows, type ClientFilters, type ClientRow, type ClientSort } from './client-rows'
import { ClientFiltersBar } from './ClientFiltersBar'
import { ClientFolders } from './ClientFolders'
import { ClientsCalendar } from './ClientsCalendar'
import { ClientsTable } from './ClientsTable'
import { NewClientDialog } from './NewClientDialog'
import { UnlockSummaryDialog } from './UnlockSummaryDialog'

/** A locked client's summary just read: shown at once, whether or not it could be saved for the next visit. */
function withUnlocked(view: PortfolioView, unlocked: UnlockedSummary): PortfolioView {
  const cached = { summary: unlocked.summary, readAt: unlocked.readAt, asOf: unlocked.asOf, stale: null }
  return { ...view, entries: view.entries.map(entry => (entry.locked && entry.path === unlocked.summary.path ? { ...entry, cached } : entry)) }
}

export function ClientsPage() {
  const { setWorkspace, navigate } = useShell()
  const [view, setView] = useState<PortfolioView | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [sort, setSort] = useState<ClientSort>({ key: 'nextDeadline', descending: false })
  const [filters, setFilters] = useState<ClientFilters>(NO_FILTERS)
  const [unlockTarget, setUnlockTarget] = useState<{ path: string; name: string } | null>(null)
  const [openLocked, setOpenLocked] = useState<{ path: string; canRemember: boolean } | null>(null)
  const [newClient, setNewClient] = useState(false)
  const [calendarVersion, setCalendarVersion] = useState(0)
  const [reading, setReading] = useState<{ done: number; total: number } | null>(null)
  const onProgress = useCallback((update: { done?: number; total?: number }) => setReading({ done: update.done ?? 0, total: update.total ?? 0 }), [])

  const run = useCallback(async (work: () => Promise<void>) => {
    setError(null)
    setBusy(true)
    try {
      await work()
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }, [])

  const load = useCallback(
    (chooseFolder = false) =>
      run(async () => {
        const answer = await api['portfolio.summary']({ chooseFolder }, { onProgress }).finally(() => setReading(null))
        if (answer) {
          setView(answer)
          setCalendarVersion(version => version + 1)
        }
      }),
    [run, onProgress]
  )
  useEffect(() => {
    api['portfolio.summary']({}, { onProgress })
      .then(
        answer => answer && setView(answer),
        (caught: unknown) => setError(errorMessage(caught))
      )
      .finally(() => setReading(null))
  }, [onProgress])

  const allRows = useMemo(() => toRows(view?.entries ?? []), [view])
  const rows = useMemo(() => sortRows(filterRows(allRows, filters), sort), [allRows, filters, sort])

  const open = (row: ClientRow) =>
    run(async () => {
      if (row.state === 'locked') {
        const keys = await api['security.deviceKeys']({}).catch(() => ({ usable: false }))
        setOpenLocked({ path: row.path, canRemember: keys.usable })
        return
      }
      setWorkspace(await api['workspace.open']({ path: row.path }))
      navigate('dashboard')
    })

  const removeFolder = (folder: string) =>
    run(async () => {
      await api['portfolio.removeFolder']({ folder })
      const answer = await api['portfolio.summary']({})
      if (answer) setView(answer)
      setCalendarVersion(version => version + 1)
    })

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Clients"
        description="Every client workspace in the folders you choose and in the recent list, at a glance. Reading them changes nothing; the figures describe the status of safeguards, not compliance."
        actions={
          <Flex gap="2" wrap="wrap">
            <Button variant="soft" disabled={busy} onClick={() => void load()}>
              Refresh
            </Button>
            <Button variant="soft" disabled={busy} onClick={() => void load(true)}>
              Add folder…
            </Button>
            <Button disabled={busy} onClick={() => setNewClient(true)}>
              New client…
            </Button>
          </Flex>
        }
      />
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {note && (
        <Callout.Root color="amber" role="status">
          <Callout.Text>{note}</Callout.Text>
        </Callout.Root>
      )}
      {reading && reading.total > 0 && (
        <Text size="2" color="gray" role="status">
          Reading {reading.done} of {reading.total} workspaces…
        </Text>
      )}
      {view?.cacheProblem && (
        <Callout.Root color="amber">
          <Callout.Text>{view.cacheProblem}</Callout.Text>
        </Callout.Root>
      )}
      {view && <ClientFolders folders={view.folders} busy={busy} onRemove={folder => void removeFolder(folder)} />}
      <Tabs.Root defaultValue="clients">
        <Tabs.List>
          <Tabs.Trigger value="clients">Clients</Tabs.Trigger>
          <Tabs.Trigger value="calendar">Calendar</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="clients">
          <Flex direction="column" gap="3" pt="3">
            <ClientFiltersBar filters={filters} onChange={setFilters} />
            {view && (
              <Text size="2" color="gray" role="status">
                As of {formatDate(view.asOf)}: {isFiltered(filters) ? `${rows.length} of ${allRows.length}` : allRows.length}{' '}
                {allRows.length === 1 ? 'workspace' : 'workspaces'}.
              </Text>
            )}
            <ClientsTable
              rows={rows}
              sort={sort}
              onSort={setSort}
              onOpen={row => void open(row)}
              onUnlock={row => setUnlockTarget({ path: row.path, name: row.name })}
            />
            {view && view.entries.length === 0 && (
              <Text color="gray">No workspaces yet: add a folder of client workspaces, or create a new client.</Text>
            )}
          </Flex>
        </Tabs.Content>
        <Tabs.Content value="calendar">
          <Flex pt="3" direction="column">
            <ClientsCalendar version={calendarVersion} />
          </Flex>
        </Tabs.Content>
      </Tabs.Root>
      <UnlockSummaryDialog
        target={unlockTarget}
        onClose={() => setUnlockTarget(null)}
        onUnlocked={unlocked => {
          setUnlockTarget(null)
          setView(current => (current ? withUnlocked(current, unlocked) : current))
          setNote(unlocked.notSavedReason ? `The summary is shown but not saved for next time: ${unlocked.notSavedReason}.` : null)
        }}
      />
      <UnlockDialog
        path={openLocked?.path ?? null}
        canRemember={openLocked?.canRemember ?? false}
        onClose={() => setOpenLocked(null)}
        onUnlocked={opened => {
          setOpenLocked(null)
          setWorkspace(opened)
          navigate('dashboard')
        }}
      />
      <NewClientDialog open={newClient} folders={view?.folders ?? []} onClose={() => setNewClient(false)} />
    </Flex>
  )
}
