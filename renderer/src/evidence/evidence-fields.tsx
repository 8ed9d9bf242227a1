import { TextArea, TextField } from '@radix-ui/themes'
import { DateField, Field, describedBy } from '../areas/business-associates/form-fields'
import type { EvidenceFieldProblems, EvidenceFieldValues } from './evidence-form'

/** Title, effective-as-of date, optional expiry and note: the fields every evidence dialog shares. */
export function EvidenceFields(props: {
  id: string
  values: EvidenceFieldValues
  problems: EvidenceFieldProblems
  titleHint?: string
  disabled?: boolean
  set(change: Partial<EvidenceFieldValues>): void
}) {
  const { id, values, problems, set } = props
  return (
    <>
      <Field id={`${id}-title`} label="Title" error={problems.title} {...(props.titleHint ? { hint: props.titleHint } : {})}>
        <TextField.Root
          id={`${id}-title`}
          value={values.title}
          maxLength={300}
          disabled={props.disabled}
          onChange={event => set({ title: event.target.value })}
          {...describedBy(`${id}-title`, { hint: Boolean(props.titleHint), error: problems.title })}
        />
      </Field>
      <DateField
        id={`${id}-effective`}
        label="Effective as of"
        hint="The day the evidence shows things as they were: when the screenshot was taken or the report run, not today’s upload."
        value={values.effectiveAsOf}
        error={problems.effectiveAsOf}
        onChange={effectiveAsOf => set({ effectiveAsOf })}
      />
      <DateField
        id={`${id}-expires`}
        label="Expires on (optional)"
        hint="The last day it holds. From the day after, it shows as stale on the dashboard and the calendar."
        value={values.expiresOn}
        error={problems.expiresOn}
        onChange={expiresOn => set({ expiresOn })}
      />
      <Field id={`${id}-note`} label="Note (optional)">
        <TextArea
          id={`${id}-note`}
          value={values.note}
          maxLength={4000}
          rows={2}
          disabled={props.disabled}
          onChange={event => set({ note: event.target.value })}
        />
      </Field>
    </>
  )
}
