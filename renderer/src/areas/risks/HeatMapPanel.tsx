import { useState } from 'react'
import { Flex, Heading, SegmentedControl, Table, Text } from '@radix-ui/themes'
import type { RiskLevel } from '../../../../main/assessment/contract'
import type { GroupCount, HeatCell, RiskCatalogView, RiskOverview, ScaleStep } from '../../../../main/risks/contract'
import { LEVEL_LABELS, LEVELS_HIGH_FIRST } from './labels'
import { formatNumber } from '../../components/count-of'

type View = 'inherent' | 'residual'
export type HeatCellFilter = { rating: View; likelihood: ScaleStep; impact: ScaleStep }

/**
 * Counts per likelihood × impact cell, as a table with headers: each cell says its level and count in words, colour
 * only repeats it. Each cell is a button that shows its risks in the register.
 */
export function HeatMapPanel(props: { overview: RiskOverview; catalog: RiskCatalogView; onShowCell(cell: HeatCellFilter): void }) {
  const [view, setView] = useState<View>('inherent')
  const { scale } = props.catalog
  const cells = props.overview.heatMap[view]
  const unrated = view === 'inherent' ? props.overview.heatMap.unratedInherent : props.overview.heatMap.unratedResidual
  const cell = (likelihood: string, impact: string): HeatCell | undefined => cells.find(c => c.likelihood === likelihood && c.impact === impact)
  const caption = view === 'inherent' ? 'Inherent risk: before the planned treatment' : 'Residual risk: after the planned treatment'

  return (
    <Flex direction="column" gap="4">
      <Flex direction="column" gap="1">
        <Text as="div" size="2" weight="medium" id="heat-map-view-label">
          Show
        </Text>
        <SegmentedControl.Root
          value={view}
          onValueChange={value => setView(value as View)}
          aria-labelledby="heat-map-view-label"
          style={{ alignSelf: 'flex-start' }}
        >
          <SegmentedControl.Item value="inherent">Inherent risk</SegmentedControl.Item>
          <SegmentedControl.Item value="residual">Residual risk</SegmentedControl.Item>
        </SegmentedControl.Root>
      </Flex>
      <table className="risk-heat-map" data-testid="risk-heat-map">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <td />
            {scale.impact.map(impact => (
              <th key={impact.id} scope="col">
                Impact {impact.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...scale.likelihood].reverse().map(likelihood => (
            <tr key={likelihood.id}>
              <th scope="row">Likelihood {likelihood.label}</th>
              {scale.impact.map(impact => {
                const found = cell(likelihood.id, impact.id)
                const level: RiskLevel = found?.level ?? scale.matrix[likelihood.id][impact.id]
                const count = found?.count ?? 0
                return (
                  <td key={impact.id} className={`risk-heat-cell risk-heat-cell--${level}`} data-testid={`heat-${likelihood.id}-${impact.id}`}>
                    <button
                      type="button"
                      className="risk-heat-button"
                      // Starts with the words on the cell, then says where it is and what it does.
                      aria-label={`${formatNumber(count)} ${LEVEL_LABELS[level]}: ${count === 1 ? 'risk' : 'risks'} with likelihood ${likelihood.label} and impact ${impact.label}. Show in the register`}
                      onClick={() => props.onShowCell({ rating: view, likelihood: likelihood.id, impact: impact.id })}
                    >
                      <span className="risk-heat-count">{formatNumber(count)}</span>
                      <span className="risk-heat-level">{LEVEL_LABELS[level]}</span>
                    </button>
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <Text size="2" color="gray" data-testid="heat-map-unrated">
        {unrated} {unrated === 1 ? 'risk is' : 'risks are'} not rated yet and {unrated === 1 ? 'is' : 'are'} not in the grid. Choose a cell to see its
        risks in the register.
      </Text>
      <GroupTable title="By asset" groups={props.overview.byAsset} />
      <GroupTable title="By threat" groups={props.overview.byThreat} />
      <GroupTable title="By owner" groups={props.overview.byOwner} />
    </Flex>
  )
}

function GroupTable(props: { title: string; groups: GroupCount[] }) {
  if (props.groups.length === 0) return null
  return (
    <Flex direction="column" gap="2">
      <Heading as="h2" size="3">
        {props.title}
      </Heading>
      <Table.Root size="1" variant="surface">
        <caption className="visually-hidden">{`Risks ${props.title.toLowerCase()}`}</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>{props.title.replace('By ', '').replace(/^./, c => c.toUpperCase())}</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Risks</Table.ColumnHeaderCell>
            {LEVELS_HIGH_FIRST.map(level => (
              <Table.ColumnHeaderCell key={level}>{LEVEL_LABELS[level]}</Table.ColumnHeaderCell>
            ))}
            <Table.ColumnHeaderCell>Not rated</Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {props.groups.map(group => (
            <Table.Row key={group.id}>
              <Table.RowHeaderCell>{group.name || '(no owner)'}</Table.RowHeaderCell>
              <Table.Cell>{formatNumber(group.count)}</Table.Cell>
              {LEVELS_HIGH_FIRST.map(level => (
                <Table.Cell key={level}>{group.byLevel[level]}</Table.Cell>
              ))}
              <Table.Cell>{group.byLevel.unrated}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Flex>
  )
}
