import { Button, Flex, Table, Text } from '@radix-ui/themes'
import type { ScanView } from '../../../../main/scanners/contract'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ScrollableTable } from '../../components/ScrollableTable'
import { formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'

/** Every imported scan, newest first, with ways to look at its findings or compare it. */
export function ScansTable(props: {
  scans: ScanView[]
  onShowFindings(scan: ScanView): void
  onCompare(scan: ScanView): void
  onDelete(scan: ScanView): void
}) {
  if (props.scans.length === 0) {
    return (
      <Text as="p" color="gray">
        No scans imported yet.
      </Text>
    )
  }
  return (
    <ScrollableTable variant="surface" label="Imported scans">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>File</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Format</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Accounts</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Scanned</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Failed</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Passed</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>
            <span className="visually-hidden">Actions</span>
          </Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.scans.map(scan => (
          <Table.Row key={scan.id}>
            <Table.RowHeaderCell>{scan.fileName}</Table.RowHeaderCell>
            <Table.Cell>{scan.formatLabel}</Table.Cell>
            <Table.Cell>{scan.accounts.join(', ') || '—'}</Table.Cell>
            <Table.Cell>{formatDateTime(scan.startedAt ?? scan.importedAt)}</Table.Cell>
            <Table.Cell justify="end">{formatNumber(scan.failed)}</Table.Cell>
            <Table.Cell justify="end">{formatNumber(scan.passed)}</Table.Cell>
            <Table.Cell>
              <Flex gap="2" justify="end">
                <Button size="1" variant="soft" onClick={() => props.onShowFindings(scan)} aria-label={`Findings of ${scan.fileName}`}>
                  Findings
                </Button>
                <Button size="1" variant="soft" onClick={() => props.onCompare(scan)} aria-label={`Compare ${scan.fileName} with the previous scan`}>
                  Compare
                </Button>
                <ConfirmDialog
                  trigger={
                    <Button size="1" variant="soft" color="red" aria-label={`Delete scan ${scan.fileName}`}>
                      Delete
                    </Button>
                  }
                  title="Delete this scan?"
                  description={`The findings of ${scan.fileName} will no longer count as evidence, and review flags it raised stay only where a current scan still fails. The file itself is not touched and can be imported again.`}
                  cancelLabel="Keep it"
                  confirmLabel="Delete scan"
                  destructive
                  onConfirm={() => props.onDelete(scan)}
                />
              </Flex>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  )
}
