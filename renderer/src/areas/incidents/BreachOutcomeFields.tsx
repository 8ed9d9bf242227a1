import { Box, Flex, Grid, Heading, RadioGroup, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { AssessmentOutcome, BreachException, IncidentAssessment, IncidentRecord, RiskFactor } from '../../../../main/breach/contract'
import { DateField, Field, dateError, describedBy } from '../business-associates/form-fields'

/** "Is it a breach?" (45 CFR 164.402): the outcome, the exception or reason, the four factors, who reviewed it and when. */

export interface OutcomeValues {
  outcome: AssessmentOutcome
  exception: BreachException | ''
  reason: string
  natureAndExtent: string
  unauthorizedRecipient: string
  acquiredOrViewed: string
  mitigation: string
  reviewer: string
  assessedOn: string
}

const OUTCOMES: { value: AssessmentOutcome; label: string }[] = [
  { value: 'breach', label: 'A breach of unsecured PHI: notices are required' },
  { value: 'exception', label: 'Not a breach: one of the three exceptions of 164.402(1) applies' },
  { value: 'secured', label: 'The PHI was secured (encrypted or destroyed as HHS guidance describes): not unsecured PHI' },
  { value: 'low-probability', label: 'A low probability that the PHI was compromised, shown by the four-factor assessment of 164.402(2)' }
]

export const EXCEPTION_LABELS: Record<BreachException, string> = {
  'workforce-good-faith': '(i) Unintentional, good-faith access or use by a workforce member or agent, within their authority',
  'authorized-person-same-entity': '(ii) Inadvertent disclosure between people authorised at the same entity or arrangement',
  'unable-to-retain': '(iii) The recipient could not reasonably have retained it (good-faith belief)'
}

const FACTORS: { field: RiskFactor; label: string }[] = [
  { field: 'natureAndExtent', label: '1. Nature and extent of the PHI (identifiers, likelihood of re-identification)' },
  { field: 'unauthorizedRecipient', label: '2. The unauthorised person who used or received it' },
  { field: 'acquiredOrViewed', label: '3. Whether it was actually acquired or viewed' },
  { field: 'mitigation', label: '4. The extent to which the risk to the PHI has been mitigated' }
]

export function outcomeValuesOf(record: IncidentRecord | null): OutcomeValues {
  const a = record?.assessment
  return {
    outcome: a?.outcome ?? 'breach',
    exception: a?.exception ?? '',
    reason: a?.reason ?? '',
    natureAndExtent: a?.factors?.natureAndExtent ?? '',
    unauthorizedRecipient: a?.factors?.unauthorizedRecipient ?? '',
    acquiredOrViewed: a?.factors?.acquiredOrViewed ?? '',
    mitigation: a?.factors?.mitigation ?? '',
    reviewer: a?.reviewer ?? '',
    assessedOn: a?.assessedOn ?? ''
  }
}

/** The assessment to save: everything typed is kept (factors and reviewer with any outcome), the exception only with its outcome. */
export function assessmentOf(values: OutcomeValues): IncidentAssessment {
  const factors = Object.fromEntries(FACTORS.map(f => [f.field, values[f.field].trim()]).filter(([, text]) => text !== ''))
  return {
    outcome: values.outcome,
    ...(values.outcome === 'exception' && values.exception ? { exception: values.exception } : {}),
    ...(values.reason.trim() ? { reason: values.reason } : {}),
    ...(Object.keys(factors).length > 0 ? { factors } : {}),
    ...(values.reviewer.trim() ? { reviewer: values.reviewer } : {}),
    ...(values.assessedOn ? { assessedOn: values.assessedOn } : {})
  }
}

export type OutcomeErrors = Partial<Record<keyof OutcomeValues, string | null>>

/** The same rules the contract applies, shown beside each field before saving. */
export function outcomeErrors(values: OutcomeValues, earliestDiscovery: string): OutcomeErrors {
  const lowProbability = values.outcome === 'low-probability'
  const needsReason = values.outcome === 'exception' || values.outcome === 'secured'
  const errors: OutcomeErrors = {
    exception: values.outcome === 'exception' && !values.exception ? 'Choose which exception applies.' : null,
    reason:
      needsReason && !values.reason.trim()
        ? values.outcome === 'secured'
          ? 'Say how the PHI was secured.'
          : 'Say why the exception applies.'
        : null,
    reviewer: lowProbability && !values.reviewer.trim() ? 'A low-probability conclusion needs the name of who reviewed it.' : null,
    assessedOn:
      dateError(values.assessedOn, 'The date of the assessment', lowProbability) ??
      (values.assessedOn && earliestDiscovery && values.assessedOn < earliestDiscovery ? 'The assessment cannot come before the discovery.' : null)
  }
  for (const { field } of FACTORS) {
    errors[field] = lowProbability && !values[field].trim() ? 'Write this factor out: a low-probability conclusion needs all four.' : null
  }
  return errors
}

export function BreachOutcomeFields(props: {
  id: string
  values: OutcomeValues
  set<K extends keyof OutcomeValues>(field: K, value: OutcomeValues[K]): void
  errors: OutcomeErrors
}) {
  const { id, values, set, errors } = props
  const headingId = `${id}-outcome-heading`
  const lowProbability = values.outcome === 'low-probability'
  return (
    <Box>
      <Heading as="h3" size="3" mb="2" id={headingId}>
        Is it a breach? (45 CFR 164.402)
      </Heading>
      <RadioGroup.Root aria-labelledby={headingId} value={values.outcome} onValueChange={value => set('outcome', value as AssessmentOutcome)}>
        {OUTCOMES.map(option => (
          <RadioGroup.Item key={option.value} value={option.value}>
            {option.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
      <Flex direction="column" gap="3" mt="3">
        {values.outcome === 'exception' && (
          <Field id={`${id}-exception`} label="Which exception" error={errors.exception ?? null}>
            <Select.Root value={values.exception || undefined} onValueChange={value => set('exception', value as BreachException)}>
              <Select.Trigger
                id={`${id}-exception`}
                placeholder="Choose the exception"
                {...describedBy(`${id}-exception`, { error: errors.exception ?? null })}
              />
              <Select.Content>
                {(Object.keys(EXCEPTION_LABELS) as BreachException[]).map(exception => (
                  <Select.Item key={exception} value={exception}>
                    {EXCEPTION_LABELS[exception]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Field>
        )}
        <Field
          id={`${id}-reason`}
          label={
            values.outcome === 'secured'
              ? 'How the PHI was secured'
              : values.outcome === 'exception'
                ? 'Why the exception applies'
                : 'Reason (optional)'
          }
          hint="Kept with the incident: you must be able to show why no notice was given (164.414(b))."
          error={errors.reason ?? null}
        >
          <TextArea
            id={`${id}-reason`}
            rows={2}
            value={values.reason}
            onChange={ev => set('reason', ev.target.value)}
            {...describedBy(`${id}-reason`, { hint: true, error: errors.reason ?? null })}
          />
        </Field>
        <Text size="1" color="gray">
          {lowProbability
            ? 'A low-probability conclusion needs all four factors written out, who reviewed it and when. States with no risk-of-harm test still need their notices.'
            : 'The four factors (required only for a low-probability conclusion).'}
        </Text>
        <Grid columns={{ initial: '1', sm: '2' }} gap="3">
          {FACTORS.map(({ field, label }) => (
            <Field key={field} id={`${id}-${field}`} label={label} error={errors[field] ?? null}>
              <TextArea
                id={`${id}-${field}`}
                rows={2}
                value={values[field]}
                onChange={ev => set(field, ev.target.value)}
                {...describedBy(`${id}-${field}`, { error: errors[field] ?? null })}
              />
            </Field>
          ))}
          <Field id={`${id}-reviewer`} label={lowProbability ? 'Reviewed by' : 'Reviewed by (optional)'} error={errors.reviewer ?? null}>
            <TextField.Root
              id={`${id}-reviewer`}
              value={values.reviewer}
              onChange={ev => set('reviewer', ev.target.value)}
              {...describedBy(`${id}-reviewer`, { error: errors.reviewer ?? null })}
            />
          </Field>
          <DateField
            id={`${id}-assessed`}
            label={lowProbability ? 'Assessed on' : 'Assessed on (optional)'}
            value={values.assessedOn}
            onChange={value => set('assessedOn', value)}
            error={errors.assessedOn ?? null}
          />
        </Grid>
      </Flex>
    </Box>
  )
}
