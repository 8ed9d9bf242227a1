import { Flex, Table, Text } from '@radix-ui/themes'
import type { RiskCatalogView } from '../../../../main/risks/contract'
import { LEVEL_LABELS } from './labels'

/** The scale the ratings use and where it comes from, so a reader can judge the levels. */
export function ScaleStatement(props: { catalog: RiskCatalogView }) {
  const { scale } = props.catalog
  const steps = scale.likelihood
  return (
    <details className="risk-scale" data-testid="risk-scale">
      <summary>
        <Text size="2" weight="medium">
          The scale: {scale.title}
        </Text>
      </summary>
      <Flex direction="column" gap="3" mt="3">
        <Text as="p" size="2">
          {scale.source}
          {scale.certainty !== 'confirmed' && ' Check with counsel or your assessor before relying on it.'}
        </Text>
        <Table.Root size="1" variant="surface">
          <caption className="visually-hidden">Risk level for each likelihood and impact</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Likelihood \ impact</Table.ColumnHeaderCell>
              {scale.impact.map(impact => (
                <Table.ColumnHeaderCell key={impact.id}>Impact {impact.label}</Table.ColumnHeaderCell>
              ))}
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {steps.map(likelihood => (
              <Table.Row key={likelihood.id}>
                <Table.RowHeaderCell>Likelihood {likelihood.label}</Table.RowHeaderCell>
                {scale.impact.map(impact => (
                  <Table.Cell key={impact.id}>{LEVEL_LABELS[scale.matrix[likelihood.id][impact.id]]}</Table.Cell>
                ))}
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
        <dl className="risk-scale-steps">
          {scale.likelihood.map(step => (
            <div key={`l-${step.id}`}>
              <dt>Likelihood {step.label}</dt>
              <dd>{step.description}</dd>
            </div>
          ))}
          {scale.impact.map(step => (
            <div key={`i-${step.id}`}>
              <dt>Impact {step.label}</dt>
              <dd>{step.description}</dd>
            </div>
          ))}
        </dl>
        <Text as="p" size="1" color="gray">
          {props.catalog.note}
        </Text>
      </Flex>
    </details>
  )
}
