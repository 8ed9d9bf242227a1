import { Callout, Flex, Table, Text } from '@radix-ui/themes'
import type { NotAssessedAsset, RiskCatalogView } from '../../../../main/risks/contract'
import { NewRiskDialog } from './NewRiskDialog'
import { formatNumber } from '../../components/count-of'

/** PHI assets with no risk assessed: a finding of its own, since an analysis that skips assets is not enterprise-wide. */
export function NotAssessedPanel(props: {
  assets: NotAssessedAsset[]
  catalog: RiskCatalogView
  readOnly: boolean
  onCreated(riskId: number): void
}) {
  if (props.assets.length === 0)
    return (
      <Text as="p" color="gray">
        Every asset marked as holding health information has at least one risk assessed.
      </Text>
    )
  return (
    <Flex direction="column" gap="3">
      <Callout.Root color="orange" highContrast>
        <Callout.Text>
          {formatNumber(props.assets.length)} {props.assets.length === 1 ? 'asset holds' : 'assets hold'} health information with no risk assessed. A
          risk analysis is expected to cover every place ePHI is created, received, kept or sent; assess each one or record why it needs no scenario.
        </Callout.Text>
      </Callout.Root>
      <Table.Root variant="surface">
        <caption className="visually-hidden">PHI assets not yet assessed</caption>
        <Table.Header>
          <Table.Row>
            <Table.ColumnHeaderCell>Asset</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Kind</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Zone</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>Owner</Table.ColumnHeaderCell>
            <Table.ColumnHeaderCell>
              <span className="visually-hidden">Actions</span>
            </Table.ColumnHeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {props.assets.map(asset => (
            <Table.Row key={asset.id} data-testid="not-assessed-asset">
              <Table.RowHeaderCell>{asset.name}</Table.RowHeaderCell>
              <Table.Cell>{asset.kind}</Table.Cell>
              <Table.Cell>{asset.zoneName ?? '—'}</Table.Cell>
              <Table.Cell>{asset.owner || '—'}</Table.Cell>
              <Table.Cell>
                {!props.readOnly && (
                  <NewRiskDialog catalog={props.catalog} asset={asset} onCreated={props.onCreated} triggerLabel={`Assess ${asset.name}`} small />
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table.Root>
    </Flex>
  )
}
