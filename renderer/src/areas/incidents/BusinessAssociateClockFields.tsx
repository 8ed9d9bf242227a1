import { Checkbox, Flex, Grid, Select, Text, TextField } from '@radix-ui/themes'
import type { BaaReportingWindow, BaaWindowUnit, IncidentRecord } from '../../../../main/breach/contract'
import { DateField, Field, dateError, describedBy } from '../business-associates/form-fields'

/**
 * When a business associate is in the chain: for a covered entity, the day its business associate discovered the
 * breach and whether it acted as the covered entity's agent (164.404(a)(2)); for a business associate, its
 * agreement's window for telling the covered entity, in calendar days, business days or hours.
 */

export interface BaClockValues {
  baDiscoveredOn: string
  baIsAgent: boolean
  windowAmount: string
  windowUnit: BaaWindowUnit
}

const UNIT_LABELS: Record<BaaWindowUnit, string> = { 'calendar-days': 'Calendar days', 'business-days': 'Business days', hours: 'Hours' }
const UNIT_MAX: Record<BaaWindowUnit, number> = { 'calendar-days': 365, 'business-days': 261, hours: 8760 }

export function baClockValuesOf(record: IncidentRecord | null): BaClockValues {
  return {
    baDiscoveredOn: record?.baDiscoveredOn ?? '',
    baIsAgent: record?.baIsAgent ?? false,
    windowAmount: record?.baaReportingWindow ? String(record.baaReportingWindow.amount) : '',
    windowUnit: record?.baaReportingWindow?.unit ?? 'calendar-days'
  }
}

export function baaWindowOf(values: BaClockValues): BaaReportingWindow | undefined {
  return values.windowAmount ? { amount: Number(values.windowAmount), unit: values.windowUnit } : undefined
}

export function baClockErrors(values: BaClockValues, role: IncidentRecord['role'], discoveredOn: string) {
  if (role === 'business-associate') {
    const amount = values.windowAmount
    const max = UNIT_MAX[values.windowUnit]
    return {
      windowAmount:
        amount === '' || (/^\d+$/.test(amount) && Number(amount) >= 1 && Number(amount) <= max) ? null : `Enter a whole number from 1 to ${max}.`,
      baDiscoveredOn: null
    }
  }
  return {
    windowAmount: null,
    baDiscoveredOn:
      dateError(values.baDiscoveredOn, 'The business associate’s discovery date', values.baIsAgent) ??
      (values.baDiscoveredOn && discoveredOn && values.baDiscoveredOn > discoveredOn ? 'It cannot come after the day you learned of it.' : null)
  }
}

export function BusinessAssociateClockFields(props: {
  id: string
  role: IncidentRecord['role']
  values: BaClockValues
  set<K extends keyof BaClockValues>(field: K, value: BaClockValues[K]): void
  errors: { windowAmount: string | null; baDiscoveredOn: string | null }
}) {
  const { id, values, set, errors } = props
  if (props.role === 'business-associate') {
    return (
      <Grid columns={{ initial: '1', sm: '2' }} gap="3">
        <Field
          id={`${id}-baa`}
          label="Our agreement’s reporting window"
          hint="Leave empty to use the client’s agreement, or the rule’s 60 days"
          error={errors.windowAmount}
        >
          <TextField.Root
            id={`${id}-baa`}
            inputMode="numeric"
            value={values.windowAmount}
            onChange={ev => set('windowAmount', ev.target.value)}
            {...describedBy(`${id}-baa`, { hint: true, error: errors.windowAmount })}
          />
        </Field>
        <Field id={`${id}-baa-unit`} label="Counted in" hint="Business days skip weekends only, not public holidays.">
          <Select.Root value={values.windowUnit} onValueChange={value => set('windowUnit', value as BaaWindowUnit)}>
            <Select.Trigger id={`${id}-baa-unit`} aria-describedby={`${id}-baa-unit-hint`} />
            <Select.Content>
              {(Object.keys(UNIT_LABELS) as BaaWindowUnit[]).map(unit => (
                <Select.Item key={unit} value={unit}>
                  {UNIT_LABELS[unit]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Field>
      </Grid>
    )
  }
  return (
    <Flex direction="column" gap="2">
      <DateField
        id={`${id}-ba-discovered`}
        label="If a business associate reported it: the day it discovered the breach"
        hint="Its own discovery date, which can be earlier than the day it told you."
        value={values.baDiscoveredOn}
        onChange={value => set('baDiscoveredOn', value)}
        error={errors.baDiscoveredOn}
      />
      <Text as="label" size="2">
        <Flex gap="2" align="center">
          <Checkbox checked={values.baIsAgent} onCheckedChange={checked => set('baIsAgent', checked === true)} />
          It acted as our agent: its discovery starts our clock (164.404(a)(2))
        </Flex>
      </Text>
      <Text size="1" color="gray">
        Whether a business associate is your agent depends on how much you control its work (federal common law of agency); check with counsel.
      </Text>
    </Flex>
  )
}
