import type { ReactNode } from 'react'
import { Badge, Button, Callout, DataList, Dialog, Flex, Link, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { formatDateTime } from '../../components/format-date'
import { formatNumber } from '../../components/count-of'
import { SEVERITY_COLOR, STATUS_COLOR } from './labels'
import { TriageDialog, TriageNote } from './TriageDialog'

const SOURCE_TEXT: Record<string, string> = {
  file: 'named in the scanner’s file',
  table: 'from Safeguard’s mapping table',
  user: 'from your own check mapping'
}

/** Every stored field of one finding, its scan and file, and when the same check on the same resource was first and last seen. */
export function FindingDetailDialog(props: { findingId: number | null; onClose(): void; onTriaged(): void }) {
  const { data, error, reload } = useLoaded(
    () => (props.findingId === null ? Promise.resolve(null) : api['findings.detail']({ id: props.findingId })),
    [props.findingId]
  )
  const f = data && data.id === props.findingId ? data : null
  const row = (label: string, value: ReactNode) => (
    <DataList.Item>
      <DataList.Label minWidth="140px">{label}</DataList.Label>
      <DataList.Value className="findings-break">{value ?? '—'}</DataList.Value>
    </DataList.Item>
  )
  const when = (value: string | null) => (value ? formatDateTime(value) : null)
  return (
    <Dialog.Root open={props.findingId !== null} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="720px" aria-describedby={undefined}>
        <Dialog.Title>{f ? f.title : 'Finding'}</Dialog.Title>
        {error && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{error}</Callout.Text>
          </Callout.Root>
        )}
        {f && (
          <Flex direction="column" gap="3">
            <Flex gap="2" wrap="wrap">
              <Badge color={STATUS_COLOR[f.status]}>{f.status}</Badge>
              <Badge color={SEVERITY_COLOR[f.severity]} variant="outline">
                {f.severity}
              </Badge>
              {f.muted && <Badge color="gray">muted by the scanner</Badge>}
              {f.status === 'failed' && (
                <TriageDialog
                  target={{ findingId: f.id, label: `${f.title} on ${f.resourceName ?? f.resourceId ?? 'no resource'}` }}
                  current={f.triage}
                  onChanged={() => {
                    reload()
                    props.onTriaged()
                  }}
                />
              )}
              {!f.current && (
                <Badge color="amber" variant="soft" highContrast>
                  superseded scan
                </Badge>
              )}
            </Flex>
            <TriageNote triage={f.triage} />
            <DataList.Root size="2">
              {row('Check', f.checkId)}
              {row('Resource', f.resourceName ?? f.resourceId)}
              {row('Resource id', f.resourceId)}
              {row('Resource type', f.resourceType)}
              {row('Account', f.account)}
              {row('Region', f.region)}
              {row('Detail', f.statusDetail)}
              {row('Remediation', f.remediationText)}
              {row(
                'Guidance',
                f.remediationUrl && /^https?:\/\//i.test(f.remediationUrl) ? (
                  <Link href={f.remediationUrl} target="_blank" rel="noreferrer noopener">
                    {f.remediationUrl}
                  </Link>
                ) : (
                  f.remediationUrl
                )
              )}
              {row('Specifications', f.citations.length ? `${f.citations.join(', ')} (${SOURCE_TEXT[f.citationSource] ?? f.citationSource})` : null)}
              {row('Resources', f.itemCount > 1 ? formatNumber(f.itemCount) : null)}
              {row('Observed', when(f.observedAt))}
              {row('Scan', `${f.scan.fileName} · ${f.scan.formatLabel} · ${formatDateTime(f.scan.startedAt ?? f.scan.importedAt)}`)}
              {row('Accounts in the scan', f.scan.accounts.join(', ') || null)}
              {row('First seen', when(f.firstSeen))}
              {row('Last seen', f.lastSeen ? `${formatDateTime(f.lastSeen)} (in ${formatNumber(f.seenInScans)} of the imported scans)` : null)}
            </DataList.Root>
            <Text size="1" color="gray">
              First and last seen: the scans holding the same check on the same resource, account and region.
            </Text>
          </Flex>
        )}
        <Flex justify="end" mt="4">
          <Dialog.Close>
            <Button variant="soft" color="gray">
              Close
            </Button>
          </Dialog.Close>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  )
}
