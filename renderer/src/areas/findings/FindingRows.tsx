import { Badge, Button, Link, Table, Text } from '@radix-ui/themes'
import { useState } from 'react'
import type { FindingView } from '../../../../main/scanners/contract'
import type { FindingTriage } from '../../../../main/scanners/triage/contract'
import { TriageDialog, TriageNote } from './TriageDialog'
import { ScrollableTable } from '../../components/ScrollableTable'
import { SEVERITY_COLOR, STATUS_COLOR } from './labels'
import { formatNumber } from '../../components/count-of'

/**
 * Findings as table rows. Every value is imported data, rendered as text only. `onOpen`: a Details button on each row.
 * A finding's triage shows under its status; with `onTriaged`, each failing row has Triage… (the row shows the new triage at once).
 */
export function FindingRows<F extends FindingView>(props: { findings: F[]; label: string; onOpen?(finding: F): void; onTriaged?(): void }) {
  // Triages made here, shown before the list is read again.
  const [changed, setChanged] = useState(new Map<number, FindingTriage | null>())
  return (
    <ScrollableTable variant="surface" size="1" label={props.label}>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Severity</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Check</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Resource</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Account / region</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Specifications</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Remediation</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.findings.map(f => (
          <Table.Row key={f.id}>
            <Table.Cell>
              <Badge color={STATUS_COLOR[f.status]}>{f.status}</Badge>
              {f.muted && (
                <Badge color="gray" ml="1">
                  muted
                </Badge>
              )}
              {'current' in f && f.current === false && (
                <Badge color="amber" variant="soft" highContrast ml="1">
                  superseded scan
                </Badge>
              )}
              <TriageNote triage={changed.has(f.id) ? changed.get(f.id) : f.triage} />
              {props.onTriaged && f.status === 'failed' && (
                <TriageDialog
                  target={{ findingId: f.id, label: `${f.title} on ${f.resourceName ?? f.resourceId ?? 'no resource'}` }}
                  current={changed.has(f.id) ? changed.get(f.id) : f.triage}
                  onChanged={triage => {
                    setChanged(new Map(changed).set(f.id, triage.state === 'active' ? { triage, active: true, why: null } : null))
                    props.onTriaged?.()
                  }}
                />
              )}
            </Table.Cell>
            <Table.Cell>
              <Badge color={SEVERITY_COLOR[f.severity]} variant="outline">
                {f.severity}
              </Badge>
            </Table.Cell>
            <Table.RowHeaderCell>
              <Text as="div" weight="medium" size="2">
                {f.title}
              </Text>
              <Text as="div" size="1" color="gray">
                {f.checkId}
                {f.itemCount > 1 ? ` · ${formatNumber(f.itemCount)} resources` : ''}
              </Text>
              {props.onOpen && (
                <Button
                  size="1"
                  variant="ghost"
                  onClick={() => props.onOpen?.(f)}
                  aria-label={`Details of ${f.title} on ${f.resourceName ?? f.resourceId ?? 'no resource'}`}
                >
                  Details
                </Button>
              )}
            </Table.RowHeaderCell>
            <Table.Cell className="findings-break">{f.resourceName ?? f.resourceId ?? '—'}</Table.Cell>
            <Table.Cell>{[f.account, f.region].filter(Boolean).join(' / ') || '—'}</Table.Cell>
            <Table.Cell>{f.citations.join(', ') || '—'}</Table.Cell>
            <Table.Cell>
              {f.remediationText && (
                <Text as="div" size="1">
                  {f.remediationText}
                </Text>
              )}
              {f.remediationUrl && /^https?:\/\//i.test(f.remediationUrl) && (
                <Link size="1" href={f.remediationUrl} target="_blank" rel="noreferrer noopener">
                  Guidance
                </Link>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  )
}
