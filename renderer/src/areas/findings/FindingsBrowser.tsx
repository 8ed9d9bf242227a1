import { Button, Callout, Flex, Select, Text, TextField } from '@radix-ui/themes'
import { useState } from 'react'
import type { FindingStatus, ScanView, Severity } from '../../../../main/scanners/contract'
import { api } from '../../api'
import { FindingRows } from './FindingRows'
import { SEVERITY_ORDER, STATUS_ORDER } from './labels'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'

const CITATION = /^164\.3\d\d(\([A-Za-z0-9]+\))*$/
const PAGE = 200

export interface FindingFilter {
  scanId: number | 'all'
  citation: string
  status: FindingStatus | 'all'
  severity: Severity | 'all'
}

/** Findings filtered by specification, status, severity and scan. */
export function FindingsBrowser(props: { scans: ScanView[]; filter: FindingFilter; onFilter(filter: FindingFilter): void }) {
  const { filter } = props
  const [citationDraft, setCitationDraft] = useState(filter.citation)
  const [offset, setOffset] = useState(0)
  const citationValid = filter.citation === '' || CITATION.test(filter.citation)
  const { data, error } = useLoaded(
    () =>
      citationValid
        ? api['findings.query']({
            ...(filter.scanId !== 'all' ? { scanId: filter.scanId } : {}),
            ...(filter.citation ? { citation: filter.citation } : {}),
            ...(filter.status !== 'all' ? { status: filter.status } : {}),
            ...(filter.severity !== 'all' ? { severity: filter.severity } : {}),
            limit: PAGE,
            offset
          })
        : Promise.resolve({ total: 0, findings: [] }),
    [filter.scanId, filter.citation, filter.status, filter.severity, offset]
  )
  const set = (patch: Partial<FindingFilter>) => {
    setOffset(0)
    props.onFilter({ ...filter, ...patch })
  }
  const draftValid = citationDraft.trim() === '' || CITATION.test(citationDraft.trim())

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
            label="Scan"
            value={String(filter.scanId)}
            options={[
              ['all', 'All scans'],
              ...props.scans.map(s => [String(s.id), `${s.fileName} (${formatDateTime(s.startedAt ?? s.importedAt)})`] as [string, string])
            ]}
            onChange={v => set({ scanId: v === 'all' ? 'all' : Number(v) })}
          />
        </form>
      </Flex>
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
              : `Showing ${formatNumber(offset + 1)}–${formatNumber(offset + data.findings.length)} of ${formatNumber(data.total)} findings.`}
          </Text>
          {data.findings.length > 0 && <FindingRows findings={data.findings} label="Findings" />}
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
