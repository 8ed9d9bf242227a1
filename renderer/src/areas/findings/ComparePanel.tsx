import { Callout, Flex, Heading, Select, Text } from '@radix-ui/themes'
import type { ScanView } from '../../../../main/scanners/contract'
import { api } from '../../api'
import { FindingRows } from './FindingRows'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'

/** A scan against the previous scan of the same account(s): what is new, resolved and still failing. */
export function ComparePanel(props: { scans: ScanView[]; scanId: number | null; onScan(scanId: number): void }) {
  const { scanId } = props
  const { data, error } = useLoaded(() => (scanId === null ? Promise.resolve(null) : api['scans.compare']({ scanId, limit: 200 })), [scanId])
  if (props.scans.length === 0) {
    return (
      <Text as="p" color="gray">
        Nothing to compare yet. Import a scan on the “Import and scans” tab; once an account has two scans, this shows what is new, resolved and still
        failing.
      </Text>
    )
  }
  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="label" size="2" id="compare-scan-label">
          Scan to compare
        </Text>
        <Select.Root value={scanId === null ? undefined : String(scanId)} onValueChange={v => props.onScan(Number(v))}>
          <Select.Trigger aria-labelledby="compare-scan-label" placeholder="Choose a scan" />
          <Select.Content>
            {props.scans.map(s => (
              <Select.Item key={s.id} value={String(s.id)}>
                {s.fileName} ({formatDateTime(s.startedAt ?? s.importedAt)})
              </Select.Item>
            ))}
          </Select.Content>
        </Select.Root>
      </Flex>
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {data && (
        <>
          <Text as="p" role="status">
            {data.previous
              ? `Compared with ${data.previous.fileName} (${formatDateTime(data.previous.startedAt ?? data.previous.importedAt)}): ${formatNumber(data.counts.newFailures)} new, ${formatNumber(data.counts.resolved)} resolved, ${formatNumber(data.counts.persisting)} persisting failures.`
              : `No earlier scan of the same account: all ${formatNumber(data.counts.newFailures)} failures are new.`}
          </Text>
          <Section title={`New failures (${formatNumber(data.counts.newFailures)})`} findings={data.newFailures} />
          <Section title={`Resolved since the previous scan (${formatNumber(data.counts.resolved)})`} findings={data.resolved} />
          <Section title={`Still failing (${formatNumber(data.counts.persisting)})`} findings={data.persisting} />
        </>
      )}
    </Flex>
  )
}

function Section(props: { title: string; findings: Parameters<typeof FindingRows>[0]['findings'] }) {
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="3">
        {props.title}
      </Heading>
      {props.findings.length ? <FindingRows findings={props.findings} label={props.title} /> : <Text color="gray">None.</Text>}
    </Flex>
  )
}
