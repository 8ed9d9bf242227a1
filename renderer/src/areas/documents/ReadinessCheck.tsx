import { Callout, Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { DocumentReadiness } from '../../../../main/documents/contract'
import { countOf, formatNumber } from '../../components/count-of'
import { formatDate } from '../../components/format-date'

interface Check {
  label: string
  ok: boolean
  /** The status word when not ok (else 'Missing'). */
  missing?: string
  /** The status word when ok (else 'Done'). */
  done?: string
  detail: string
}

function checksOf(r: DocumentReadiness): Check[] {
  const { questions, signOffs, evidence } = r
  return [
    {
      label: 'Questions answered',
      ok: questions.unanswered === 0,
      detail: `${formatNumber(questions.answered)} of ${formatNumber(questions.applicable)}${questions.unanswered ? `, ${formatNumber(questions.unanswered)} not answered` : ''}`
    },
    {
      label: 'Addressable decisions',
      ok: r.decisionsMissing === 0,
      detail: r.decisionsMissing ? `${countOf(r.decisionsMissing, 'decision')} not recorded` : 'All recorded'
    },
    {
      label: 'Reviewer sign-offs',
      ok: signOffs.signedOff === signOffs.families,
      detail: `${formatNumber(signOffs.signedOff)} of ${countOf(signOffs.families, 'family', 'families')} signed off`
    },
    {
      label: 'Scanner evidence',
      ok: !evidence?.stale,
      missing: 'Out of date',
      done: evidence ? 'Recent' : 'Optional',
      detail: evidence
        ? `Newest scan ${formatDate(evidence.newestScanOn)}, ${countOf(evidence.ageDays, 'day')} old${evidence.stale ? ' (older than 90 days)' : ''}`
        : 'No scan imported (optional)'
    }
  ]
}

/** "Ready to send?": what a pack or review made now would lack, each with its count. */
export function ReadinessCheck(props: { readiness: DocumentReadiness }) {
  const { readiness } = props
  return (
    <Flex direction="column" gap="3" asChild>
      <section aria-labelledby="readiness-heading" data-testid="readiness">
        <Heading as="h2" size="4" id="readiness-heading">
          Ready to send?
        </Heading>
        <Table.Root size="1" variant="surface">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Check</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Detail</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {checksOf(readiness).map(check => (
              <Table.Row key={check.label}>
                <Table.RowHeaderCell>{check.label}</Table.RowHeaderCell>
                <Table.Cell>
                  <Text color={check.ok ? 'green' : 'amber'} weight="medium" highContrast>
                    {check.ok ? `✓ ${check.done ?? 'Done'}` : `! ${check.missing ?? 'Missing'}`}
                  </Text>
                </Table.Cell>
                <Table.Cell>{check.detail}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
        {readiness.ready ? (
          <Callout.Root color="green">
            <Callout.Text>Nothing is missing: the documents are created without a draft mark.</Callout.Text>
          </Callout.Root>
        ) : (
          <Callout.Root color="amber">
            <Callout.Text>
              Not ready to send. A pack or annual review created now is marked “DRAFT — not ready to send” on every page, and its cover lists what is
              missing.
            </Callout.Text>
          </Callout.Root>
        )}
      </section>
    </Flex>
  )
}
