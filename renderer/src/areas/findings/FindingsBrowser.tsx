import { Button, Callout, Flex, Select, Text, TextField } from '@radix-ui/themes'
import { useState } from 'react'
import type { FindingSort, ScanView } from '../../../../main/scanners/contract'
import { api } from '../../api'
import { CheckGroups } from './CheckGroups'
import { ExportFindings } from './ExportFindings'
import { FindingDetailDialog } from './FindingDetailDialog'
import { FindingRows } from './FindingRows'
import { SEVERITY_ORDER, STATUS_ORDER } from './labels'
import { DIRECTION_LABELS, SORT_LABELS, viewQueryOf, type FindingFilter } from './view-query'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'

const CITATION = /^164\.3\d\d(\([A-Za-z0-9]+\))*$/
const PAGE = 100

export type { FindingFilter } from './view-query'

/**
 * The Findings view: the latest scan of each account by default (superseded scans on request), grouped by check or
 * one finding per row, filtered, sorted, paged; a finding opens its detail; the view exports to CSV or Excel.
 */
export function FindingsBrowser(props: { scans: ScanView[]; filter: FindingFilter; onFilter(filter: FindingFilter): void; onTriaged?(): void }) {
  const { filter } = props
  const [citationDraft, setCitationDraft] = useState(filter.citation)
  const [offset, setOffset] = useState(0)
  const [detailId, setDetailId] = useState<number | null>(null)
  const citationValid = filter.citation === '' || CITATION.test(filter.citation)
  const query = viewQueryOf(filter)
  const { data, error, reload } = useLoaded(
    () =>
      citationValid
        ? api['findings.view']({ ...query, groupBy: filter.groupBy, limit: PAGE, offset })
        : Promise.resolve({ groupBy: 'none' as const, scans: [], total: 0, findings: [] }),
    [JSON.stringify(filter), offset]
  )
  const set = (patch: Partial<FindingFilter>) => {
    setOffset(0)
    props.onFilter({ ...filter, ...patch })
  }
  const draftValid = citationDraft.trim() === '' || CITATION.test(citationDraft.trim())
  const shown = data ? (data.groupBy === 'check' ? data.groups.length : data.findings.length) : 0
  const noun = data?.groupBy === 'check' ? 'checks' : 'findings'

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" wrap="wrap" align="start" asChild>
        <form
          onSubmit={event => {
            event.preventDefault()
            if (draftValid) set({ citation: citationDraft.trim() })
          }}
        >
          <Flex direction="column" gap="1">
            <Text as="label" size="2" htmlFor="findings-citation">
              Specification
            </Text>
            <Flex gap="2">
              <TextField.Root
                id="findings-citation"
                placeholder="164.312(a)(2)(iv)"
                value={citationDraft}
                onChange={event => setCitationDraft(event.target.value)}
                aria-invalid={!draftValid}
                aria-describedby="findings-citation-hint"
              />
              <Button type="submit" variant="soft" disabled={!draftValid}>
                Filter
              </Button>
            </Flex>
            <Text id="findings-citation-hint" size="1" color={draftValid ? 'gray' : 'red'}>
              {draftValid ? 'Empty for all specifications' : 'Write a citation such as 164.312(a)(2)(iv)'}
            </Text>
          </Flex>
          <LabelledSelect
            label="Status"
            value={filter.status}
            options={[['all', 'All statuses'], ...STATUS_ORDER.map(s => [s, s] as [string, string])]}
            onChange={v => set({ status: v as FindingFilter['status'] })}
          />
          <LabelledSelect
            label="Severity"
            value={filter.severity}
            options={[['all', 'All severities'], ...SEVERITY_ORDER.map(s => [s, s] as [string, string])]}
            onChange={v => set({ severity: v as FindingFilter['severity'] })}
          />
          <LabelledSelect
            label="Scans"
            value={filter.scanId === 'all' ? filter.scope : String(filter.scanId)}
            options={[
              ['latest', 'Latest scan of each account'],
              ['all', 'All scans, superseded too'],
              ...props.scans.map(s => [String(s.id), `Only ${s.fileName} (${formatDateTime(s.startedAt ?? s.importedAt)})`] as [string, string])
            ]}
            onChange={v => set(v === 'latest' || v === 'all' ? { scanId: 'all', scope: v } : { scanId: Number(v) })}
          />
          <LabelledSelect
            label="Group"
            value={filter.groupBy}
            options={[
              ['check', 'By check'],
              ['none', 'One finding per row']
            ]}
            onChange={v => set({ groupBy: v as FindingFilter['groupBy'] })}
          />
          <LabelledSelect
            label="Sort"
            value={filter.sort}
            options={(Object.keys(SORT_LABELS) as FindingSort[]).map(s => [s, SORT_LABELS[s]] as [string, string])}
            onChange={v => set({ sort: v as FindingSort })}
          />
          <LabelledSelect
            label="Order"
            value={filter.order}
            options={[
              ['asc', DIRECTION_LABELS[filter.sort].asc],
              ['desc', DIRECTION_LABELS[filter.sort].desc]
            ]}
            onChange={v => set({ order: v as FindingFilter['order'] })}
          />
        </form>
      </Flex>
      <ExportFindings query={query} />
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {data && (
        <>
          <Text size="2" color="gray" role="status">
            {data.total === 0
              ? 'No findings match.'
              : `Showing ${formatNumber(offset + 1)}–${formatNumber(offset + shown)} of ${formatNumber(data.total)} ${noun}.` +
                (filter.scanId === 'all' && filter.scope === 'latest' ? ' From the latest scan of each account.' : '')}
          </Text>
          {data.groupBy === 'check' && data.groups.length > 0 && (
            <CheckGroups groups={data.groups} query={query} onOpen={f => setDetailId(f.id)} onTriaged={() => props.onTriaged?.()} />
          )}
          {data.groupBy === 'none' && data.findings.length > 0 && (
            <FindingRows
              findings={data.findings}
              label="Findings"
              onOpen={f => setDetailId(f.id)}
              onTriaged={() => {
                reload()
                props.onTriaged?.()
              }}
            />
          )}
          <Flex gap="2">
            <Button variant="soft" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </Button>
            <Button variant="soft" disabled={offset + PAGE >= data.total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </Button>
          </Flex>
        </>
      )}
      <FindingDetailDialog
        findingId={detailId}
        onClose={() => setDetailId(null)}
        onTriaged={() => {
          reload()
          props.onTriaged?.()
        }}
      />
    </Flex>
  )
}

function LabelledSelect(props: { label: string; value: string; options: [string, string][]; onChange(value: string): void }) {
  const id = `findings-${props.label.toLowerCase()}`
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" id={`${id}-label`}>
        {props.label}
      </Text>
      <Select.Root value={props.value} onValueChange={props.onChange}>
        <Select.Trigger aria-labelledby={`${id}-label`} />
        <Select.Content>
          {props.options.map(([value, label]) => (
            <Select.Item key={value} value={value}>
              {label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  )
}
