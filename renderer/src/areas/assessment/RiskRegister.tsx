import { useState } from 'react'
import { Badge, Flex, Select, Table, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { ANSWER_LABELS, GROUP_LABELS, RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, RISK_SORT_LABELS, RISK_STATUS_LABELS, type RiskSort } from './labels'
import { useLoaded } from '../../components/use-loaded'

/** Every gap with its rating, owner, plan and due date. */
export function RiskRegister(props: { periodId: string; refreshKey: number }) {
  const [sort, setSort] = useState<RiskSort>('level')
  const { data } = useLoaded(() => api['assessment.risks']({ periodId: props.periodId, sort }), [props.periodId, sort, props.refreshKey])
  return (
    <Flex direction="column" gap="3">
      <Text as="p" size="2" color="gray">
        Every question answered No or Partly is a gap. Rate each one in the questionnaire: how likely a problem is and how bad it would be give its
        level (low to critical). Then give it an owner, a plan and a due date.
      </Text>
      <Flex direction="column" gap="1" style={{ alignSelf: 'flex-start' }}>
        <Text as="label" size="2" weight="medium" htmlFor="risk-sort">
          Sort
        </Text>
        <Select.Root value={sort} onValueChange={value => setSort(value as RiskSort)}>
          <Select.Trigger id="risk-sort" />
          <Select.Content>
            {(Object.keys(RISK_SORT_LABELS) as RiskSort[]).map(s => (
              <Select.Item key={s} value={s}>
                {RISK_SORT_LABELS[s]}
              </Select.Item>
            ))}
          </Select.Content>
        </Select.Root>
      </Flex>
      {data && data.length === 0 && (
        <Text as="p" color="gray">
          No gaps yet. Gaps appear here when a question is answered No or Partly.
        </Text>
      )}
      {data && data.length > 0 && (
        <Table.Root variant="surface" aria-label="Risk register">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Level</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Gap</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Answer</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Owner</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.map(risk => (
              <Table.Row key={risk.questionId} data-testid="risk-row">
                <Table.Cell>
                  {risk.rating ? (
                    <Badge color={RISK_LEVEL_COLORS[risk.rating.level]} variant="soft" highContrast>
                      {RISK_LEVEL_LABELS[risk.rating.level]} ({risk.rating.likelihood}×{risk.rating.impact})
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="outline" highContrast>
                      Not rated
                    </Badge>
                  )}
                </Table.Cell>
                <Table.RowHeaderCell>
                  <Flex direction="column" gap="1">
                    <Text size="2" weight="medium">
                      {risk.topic}
                    </Text>
                    <Text size="1" color="gray">
                      {GROUP_LABELS[risk.group]} · {risk.text}
                    </Text>
                    {risk.rating?.remediation && <Text size="1">Plan: {risk.rating.remediation}</Text>}
                  </Flex>
                </Table.RowHeaderCell>
                <Table.Cell>{ANSWER_LABELS[risk.answer]}</Table.Cell>
                <Table.Cell>{risk.rating?.owner || '—'}</Table.Cell>
                <Table.Cell>
                  {risk.rating?.dueOn ?? '—'}
                  {risk.overdue && (
                    <Badge color="red" variant="soft" highContrast ml="2">
                      Overdue
                    </Badge>
                  )}
                </Table.Cell>
                <Table.Cell>{risk.rating ? RISK_STATUS_LABELS[risk.rating.status] : '—'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
    </Flex>
  )
}
