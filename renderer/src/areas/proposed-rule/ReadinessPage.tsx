import { Badge, Callout, Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { ReadinessRow } from '../../../../main/proposed-rule/contract'
import { api } from '../../api'
import { formatDate } from '../../components/format-date'
import { PageHeader } from '../../components/PageHeader'
import { ScrollableTable } from '../../components/ScrollableTable'
import { useLoaded } from '../../components/use-loaded'
import { CERTAINTY } from './certainty-words'
import { ProposedSectionLine, ProposedSectionSources, RowProposedSections } from './ProposedSections'
import './readiness.css'

/** "2025-01" as the locale's month and year; a full date as the locale's date. */
function formatEvidenceDate(on: string): string {
  if (/^\d{4}-\d{2}$/.test(on))
    return new Date(`${on}-01T00:00:00Z`).toLocaleDateString(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  return formatDate(on)
}

function ProposalCell({ row }: { row: ReadinessRow }) {
  return (
    <ul className="readiness-changes">
      {row.proposal.changes.map(change => (
        <li key={change.id}>
          <Text size="2">{change.text}</Text>{' '}
          <Text size="1" color="gray">
            ({CERTAINTY[change.certainty].toLowerCase()})
          </Text>
          {change.placement && (
            <Text as="p" size="1" color="gray">
              {change.placement}
            </Text>
          )}
          <ProposedSectionLine section={change.proposedSection} />
        </li>
      ))}
    </ul>
  )
}

/**
 * The proposed Security Rule (90 FR 898) beside the rule in force, one row per specification it would change: how it
 * stands today, what the proposal would ask, the workspace's answers and decision, and what that would mean. It is a
 * comparison to plan with, never a list of duties: the proposal is not in force.
 */
export function ReadinessPage() {
  const view = useLoaded(() => api['proposedRule.readiness']({}), [])
  const data = view.data
  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Proposed rule readiness"
        description="How each Security Rule specification stands today and what the proposed update would change, with your assessment's answers and decisions beside it. Nothing here is due: the proposal is not in force."
      />
      {view.error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{view.error}</Callout.Text>
        </Callout.Root>
      )}
      {data && (
        <>
          <Callout.Root color="violet" highContrast role="note" data-testid="proposed-rule-status">
            <Callout.Text>
              <Text weight="bold">Proposed, not in force; status as of {formatDate(data.status.statusAsOf)}.</Text> {data.status.summary} (
              {CERTAINTY[data.status.certainty].toLowerCase()}; check with counsel.)
            </Callout.Text>
          </Callout.Root>
          <Text as="p" size="2">
            {data.status.title}, {data.status.citation}, published {formatDate(data.status.publishedOn)} (RIN {data.status.rin}).{' '}
            {data.status.timingIfFinalised.text}
          </Text>
          <details className="readiness-evidence">
            <summary>
              <Heading as="h2" size="3" className="readiness-evidence-heading">
                Where the status comes from
              </Heading>
            </summary>
            <ul>
              {data.status.evidence.map(evidence => (
                <li key={evidence.on}>
                  <Text size="2">
                    {formatEvidenceDate(evidence.on)}: {evidence.event}{' '}
                    <Text color="gray">
                      ({evidence.source}; {CERTAINTY[evidence.certainty].toLowerCase()})
                    </Text>
                  </Text>
                </li>
              ))}
            </ul>
          </details>
          <ProposedSectionSources view={data} />
          <Text as="p" size="2" color="gray">
            Answers and decisions from the assessment period {data.period.id}.
          </Text>
          <ScrollableTable label="Specifications the proposed rule would change" className="readiness-table">
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Specification</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Rule in force</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Proposal</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Your assessment</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Readiness</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.rows.map(row => (
                <Table.Row key={row.citation} data-citation={row.citation}>
                  <Table.RowHeaderCell>
                    <Flex direction="column" gap="1">
                      <Text weight="medium">{row.title}</Text>
                      <Text size="1" color="gray">
                        45 CFR {row.citation}
                      </Text>
                      <RowProposedSections sections={row.proposedSections} />
                    </Flex>
                  </Table.RowHeaderCell>
                  <Table.Cell>
                    <Badge highContrast color={row.currentRequirement === 'required' ? 'gray' : 'blue'}>
                      {row.currentRequirement === 'required' ? 'Required' : 'Addressable'}
                    </Badge>
                  </Table.Cell>
                  <Table.Cell>
                    <ProposalCell row={row} />
                  </Table.Cell>
                  <Table.Cell>
                    <Flex direction="column" gap="1">
                      <Text size="2">{row.answers.summary}</Text>
                      {row.decision && (
                        <Text size="2">
                          Decision: {row.decision.label}
                          {row.decision.explanation ? ` (${row.decision.explanation})` : ''}
                        </Text>
                      )}
                    </Flex>
                  </Table.Cell>
                  <Table.Cell>
                    <Text size="2">{row.readinessNote}</Text>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        </>
      )}
    </Flex>
  )
}
