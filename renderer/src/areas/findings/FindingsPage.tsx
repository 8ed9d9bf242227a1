import { Callout, Flex, Heading, Tabs, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { useCallback, useState } from 'react'
import { api, errorMessage } from '../../api'
import { useWorkspace } from '../../workspace-context'
import { ComparePanel } from './ComparePanel'
import { FindingsBrowser } from './FindingsBrowser'
import { DEFAULT_FILTER as ALL, type FindingFilter } from './view-query'
import { openAreaAt, takeRecordTarget } from '../../components/record-link'
import { ImportPanel } from './ImportPanel'
import { ReviewFlags } from './ReviewFlags'
import { TriageList } from './TriageList'
import { ScansTable } from './ScansTable'
import { SpecificationsTable } from './SpecificationsTable'
import { useLoaded } from '../../components/use-loaded'
import './findings.css'

/** The Findings area: import scanner output, the scans, their findings by specification, and scan comparison. */
export function FindingsPage() {
  const { workspace, navigate } = useWorkspace()
  // Opened from a question card: the findings of its specification.
  const [target] = useState(() => takeRecordTarget('findings'))
  const [tab, setTab] = useState(target ? 'findings' : 'scans')
  const [filter, setFilter] = useState<FindingFilter>(target ? { ...ALL, citation: target } : ALL)
  const [compareScan, setCompareScan] = useState<number | null>(null)
  const [actionError, setActionError] = useState<string | null>(null)
  const { data, error, reload } = useLoaded(
    async () => ({
      scans: await api['scans.list']({}),
      flags: await api['findings.reviewFlags']({ status: 'open' }),
      dismissed: await api['findings.reviewFlags']({ status: 'dismissed' }),
      coverage: await api['findings.bySpecification']({})
    }),
    [workspace.path]
  )
  const onImported = useCallback(() => reload(), [reload])
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setActionError(null)
        reload()
      },
      (e: unknown) => setActionError(errorMessage(e))
    )

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Findings"
        description={
          <>
            Results of cloud security scanners, used as evidence for the safeguards they check. A safeguard with failing checks is flagged so you can
            review your answer to it; your answers are never changed for you.
          </>
        }
      />
      {(error || actionError) && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error ?? actionError}</Callout.Text>
        </Callout.Root>
      )}
      <Tabs.Root value={tab} onValueChange={setTab}>
        <Tabs.List aria-label="Findings views">
          <Tabs.Trigger value="scans">Import and scans</Tabs.Trigger>
          <Tabs.Trigger value="specifications">By specification</Tabs.Trigger>
          <Tabs.Trigger value="findings">Findings</Tabs.Trigger>
          <Tabs.Trigger value="compare">Compare scans</Tabs.Trigger>
        </Tabs.List>
        <Flex direction="column" gap="4" pt="4">
          <Tabs.Content value="scans">
            <Flex direction="column" gap="4">
              <ImportPanel onImported={onImported} />
              {data && (
                <ReviewFlags
                  flags={data.flags}
                  dismissed={data.dismissed}
                  onShow={citation => {
                    setFilter({ ...ALL, citation, status: 'failed', groupBy: 'none' })
                    setTab('findings')
                  }}
                  onChanged={reload}
                  onOpenQuestion={citation => openAreaAt(navigate, 'assessment', citation)}
                />
              )}
              {data && <TriageList reloadKey={data} onChanged={reload} />}
              <Heading as="h2" size="4">
                Imported scans
              </Heading>
              {data && (
                <ScansTable
                  scans={data.scans}
                  onShowFindings={scan => {
                    setFilter({ ...ALL, scanId: scan.id })
                    setTab('findings')
                  }}
                  onCompare={scan => {
                    setCompareScan(scan.id)
                    setTab('compare')
                  }}
                  onDelete={scan => void act(api['scans.delete']({ scanId: scan.id }))}
                />
              )}
            </Flex>
          </Tabs.Content>
          <Tabs.Content value="specifications">
            <Text as="p" size="2" color="gray" mb="3">
              Counts come from the latest scan of each cloud account; earlier scans of the same account are kept for comparison but not counted here.
            </Text>
            {data && (
              <SpecificationsTable
                coverage={data.coverage}
                onOpenQuestion={citation => openAreaAt(navigate, 'assessment', citation)}
                onShow={citation => {
                  setFilter({ ...ALL, citation })
                  setTab('findings')
                }}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="findings">
            {data && (
              <FindingsBrowser
                key={`${filter.citation}|${filter.scanId}`}
                scans={data.scans}
                filter={filter}
                onFilter={setFilter}
                onTriaged={reload}
              />
            )}
          </Tabs.Content>
          <Tabs.Content value="compare">
            {data && <ComparePanel scans={data.scans} scanId={compareScan ?? data.scans[0]?.id ?? null} onScan={setCompareScan} />}
          </Tabs.Content>
        </Flex>
      </Tabs.Root>
    </Flex>
  )
}
