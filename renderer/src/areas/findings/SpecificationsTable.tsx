import { Badge, Button, Table, Text } from '@radix-ui/themes'
import type { SpecificationCoverage } from '../../../../main/scanners/contract'
import { formatNumber } from '../../components/count-of'

/** The specifications the current evidence bears on (latest scan of each account), with failing and passing counts. */
export function SpecificationsTable(props: {
  coverage: SpecificationCoverage[]
  onShow(citation: string): void
  onOpenQuestion(citation: string): void
}) {
  if (props.coverage.length === 0) {
    return (
      <Text as="p" color="gray">
        No imported finding bears on a Security Rule specification yet. Import a scan on the “Import and scans” tab to see, for each specification,
        how many checks pass and fail.
      </Text>
    )
  }
  return (
    <Table.Root variant="surface">
      <caption className="visually-hidden">Evidence by specification</caption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Specification</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Failing</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell justify="end">Passing</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Review</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>
            <span className="visually-hidden">Actions</span>
          </Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.coverage.map(c => (
          <Table.Row key={c.citation}>
            <Table.RowHeaderCell>{c.citation}</Table.RowHeaderCell>
            <Table.Cell justify="end">
              {formatNumber(c.failing)}
              {c.triaged > 0 && (
                <Text as="div" size="1" color="gray">
                  {formatNumber(c.triaged)} triaged
                </Text>
              )}
            </Table.Cell>
            <Table.Cell justify="end">{formatNumber(c.passing)}</Table.Cell>
            <Table.Cell>{c.flagged ? <Badge color="red">flagged</Badge> : <Text color="gray">—</Text>}</Table.Cell>
            <Table.Cell>
              <Button size="1" variant="soft" onClick={() => props.onShow(c.citation)} aria-label={`Evidence for ${c.citation}`}>
                Evidence
              </Button>
              <Button
                size="1"
                variant="ghost"
                ml="3"
                onClick={() => props.onOpenQuestion(c.citation)}
                aria-label={`Open the assessment question on ${c.citation}`}
              >
                Question
              </Button>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  )
}
