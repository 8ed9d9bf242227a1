import { useState, type FormEvent } from 'react'
import { Badge, Button, Callout, Card, Checkbox, Code, Flex, Heading, Select, Table, Text, TextField } from '@radix-ui/themes'
import type { Eligibility, InventoryItem } from '../../../../main/assessment/contract'
import { api, errorMessage } from '../../api'
import { ELIGIBILITY_LABELS } from './labels'
import { useLoaded } from '../../components/use-loaded'
import { countOf } from '../../components/count-of'
import { ScrollableTable } from '../../components/ScrollableTable'

/**
 * How sure the eligibility shown is. A service listed as eligible only from the maintainers' knowledge, not from the
 * source table, is shown as uncertain rather than covered: a green "covered" above "verify" would contradict itself.
 */
function eligibilityBadge(item: InventoryItem): { label: string; color: 'green' | 'amber' | 'gray' | 'red'; reason: string | null } {
  if (item.eligibility === 'eligible' && item.eligibilityBasis === 'maintainer-knowledge') {
    return {
      label: 'Uncertain: verify',
      color: 'amber',
      reason: 'Believed eligible, but not in the source table: check the provider’s current list.'
    }
  }
  const color = item.eligibility === 'eligible' ? 'green' : item.eligibility === 'unknown' ? 'gray' : 'red'
  return { label: ELIGIBILITY_LABELS[item.eligibility], color, reason: item.eligibilityBasis === 'entered-by-user' ? 'As you entered it' : null }
}

/** Which cloud services are used, which hold health data, and whether those are covered by the provider's BAA. */
export function InventoryPanel(props: { periodId: string; readOnly: boolean; onChanged(): void }) {
  const { data, error, reload } = useLoaded(() => api['assessment.inventory']({ periodId: props.periodId }), [props.periodId])
  const [message, setMessage] = useState<string | null>(null)
  const update = async (item: InventoryItem, change: { inUse?: boolean; holdsPhi?: boolean }) => {
    try {
      await api['assessment.setService']({ serviceId: item.serviceId, ...change })
      setMessage(null)
      reload()
      props.onChanged()
    } catch (caught) {
      setMessage(errorMessage(caught))
    }
  }
  const gaps = data?.items.filter(i => i.gap) ?? []
  return (
    <Flex direction="column" gap="4">
      <Text as="p" size="2" color="gray">
        Tick the services you use and those that store or process health data. Only services on the provider’s list of eligible services are covered
        by its business associate addendum; a service that holds health data but is not covered is a gap.
        {data && (
          <>
            {' '}
            The provider publishes the current list at <Code>{data.referenceUrl}</Code>; check it from a connected computer, as the list changes.
          </>
        )}
      </Text>
      {(error || message) && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error ?? message}</Callout.Text>
        </Callout.Root>
      )}
      {gaps.length > 0 && (
        <Callout.Root color="orange" role="status">
          <Callout.Text>
            {countOf(gaps.length, 'service')} {gaps.length === 1 ? 'holds' : 'hold'} health data without being covered:{' '}
            {gaps.map(g => g.name).join(', ')}.
          </Callout.Text>
        </Callout.Root>
      )}
      {data && (
        <ScrollableTable variant="surface" label="Cloud services" stickyHeader>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Service</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>BAA eligibility</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Encryption by default</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>In use</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Holds health data</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.items.map(item => (
              <Table.Row key={item.serviceId} data-testid="service-row">
                <Table.RowHeaderCell>
                  <Flex direction="column" gap="1">
                    <Text size="2" weight="medium">
                      {item.name}
                    </Text>
                    {item.typicalUse && (
                      <Text size="1" color="gray">
                        {item.typicalUse}
                      </Text>
                    )}
                    {item.gap && (
                      <Text size="1" className="form-error">
                        {item.gap}
                      </Text>
                    )}
                  </Flex>
                </Table.RowHeaderCell>
                <Table.Cell data-testid="service-eligibility">
                  <EligibilityCell item={item} />
                </Table.Cell>
                <Table.Cell>
                  <Text size="1">{item.encryptionNote || '—'}</Text>
                </Table.Cell>
                <Table.Cell>
                  <Checkbox
                    checked={item.inUse}
                    disabled={props.readOnly}
                    aria-label={`${item.name} is in use`}
                    onCheckedChange={checked => void update(item, { inUse: checked === true })}
                  />
                </Table.Cell>
                <Table.Cell>
                  <Checkbox
                    checked={item.holdsPhi}
                    disabled={props.readOnly}
                    aria-label={`${item.name} holds health data`}
                    onCheckedChange={checked => void update(item, { holdsPhi: checked === true })}
                  />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      )}
      {!props.readOnly && (
        <AddServiceForm
          onAdded={() => {
            reload()
            props.onChanged()
          }}
        />
      )}
    </Flex>
  )
}

function EligibilityCell({ item }: { item: InventoryItem }) {
  const badge = eligibilityBadge(item)
  return (
    <Flex direction="column" gap="1" align="start">
      <Badge color={badge.color} variant="soft" highContrast>
        {badge.label}
      </Badge>
      {badge.reason && (
        <Text size="1" color="gray">
          {badge.reason}
        </Text>
      )}
    </Flex>
  )
}

function AddServiceForm(props: { onAdded(): void }) {
  const [name, setName] = useState('')
  const [eligibility, setEligibility] = useState<Eligibility>('unknown')
  const [holdsPhi, setHoldsPhi] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await api['assessment.addCustomService']({ name, eligibility, holdsPhi })
      setName('')
      setHoldsPhi(false)
      setError(null)
      props.onAdded()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Card size="2" asChild>
      <form onSubmit={submit} aria-labelledby="add-service-heading">
        <Flex direction="column" gap="3">
          <Heading as="h3" size="3" id="add-service-heading">
            Add a service that is not listed
          </Heading>
          <Flex gap="3" wrap="wrap" align="end">
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="custom-service-name">
                Service name
              </Text>
              <TextField.Root id="custom-service-name" value={name} onChange={e => setName(e.target.value)} />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor="custom-service-eligibility">
                Covered by the provider’s BAA?
              </Text>
              <Select.Root value={eligibility} onValueChange={value => setEligibility(value as Eligibility)}>
                <Select.Trigger id="custom-service-eligibility" />
                <Select.Content>
                  {(Object.keys(ELIGIBILITY_LABELS) as Eligibility[]).map(e => (
                    <Select.Item key={e} value={e}>
                      {ELIGIBILITY_LABELS[e]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Flex>
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={holdsPhi} onCheckedChange={checked => setHoldsPhi(checked === true)} />
                Holds health data
              </Flex>
            </Text>
            <Button type="submit">Add service</Button>
          </Flex>
          {error && (
            <Text size="2" className="form-error" role="alert">
              {error}
            </Text>
          )}
        </Flex>
      </form>
    </Card>
  )
}
