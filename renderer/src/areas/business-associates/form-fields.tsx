import type { ReactNode } from 'react'
import { Flex, Text } from '@radix-ui/themes'
import { DateInput } from '../../components/DateInput'

/** Form pieces shared by the business-associate, incident and calendar areas: every control labelled, errors announced. */

/** A real calendar date in the form YYYY-MM-DD (checked in UTC, so the user's zone cannot shift it). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The user's own calendar date today, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** Checks an optional date field: '' is fine, anything else must be a real date. */
export function dateError(value: string, label: string, required = false): string | null {
  if (value === '') return required ? `${label} is required.` : null
  return isCalendarDate(value) ? null : `${label} must be a real date (YYYY-MM-DD).`
}

export function Field(props: { id: string; label: string; hint?: string; error?: string | null; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" weight="medium" htmlFor={props.id}>
        {props.label}
      </Text>
      {props.children}
      {props.hint && (
        <Text size="1" color="gray" id={`${props.id}-hint`}>
          {props.hint}
        </Text>
      )}
      {props.error && (
        <Text size="1" color="red" id={`${props.id}-error`} role="alert">
          {props.error}
        </Text>
      )}
    </Flex>
  )
}

/** Aria attributes that tie a control to its field's hint and error. */
export function describedBy(id: string, options: { hint?: boolean; error?: string | null }) {
  const ids = [options.hint ? `${id}-hint` : '', options.error ? `${id}-error` : ''].filter(Boolean).join(' ')
  return { 'aria-describedby': ids || undefined, 'aria-invalid': options.error ? true : undefined }
}

export function DateField(props: { id: string; label: string; value: string; onChange(value: string): void; error?: string | null; hint?: string }) {
  return (
    <Field id={props.id} label={props.label} error={props.error ?? null} {...(props.hint ? { hint: props.hint } : {})}>
      <DateInput
        id={props.id}
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
        {...describedBy(props.id, { hint: Boolean(props.hint), error: props.error ?? null })}
      />
    </Field>
  )
}

/** Splits a "one; two, three" list typed by the user. */
export function splitList(value: string): string[] {
  return value
    .split(/[;,\n]/)
    .map(item => item.trim())
    .filter(item => item !== '')
}
