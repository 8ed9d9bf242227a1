import { useId } from 'react'
import { Checkbox, Flex, Text, TextField } from '@radix-ui/themes'

export const MIN_PASSPHRASE_LENGTH = 8

export interface NewPassphrase {
  passphrase: string
  confirmation: string
  remember: boolean
}

export const EMPTY_NEW_PASSPHRASE: NewPassphrase = { passphrase: '', confirmation: '', remember: false }

export type NewPassphraseProblems = { passphrase?: string; confirmation?: string }

/** What is wrong with a new passphrase before it is sent, or null. */
export function newPassphraseProblems(value: NewPassphrase): NewPassphraseProblems | null {
  const problems: NewPassphraseProblems = {}
  if (value.passphrase.length < MIN_PASSPHRASE_LENGTH) problems.passphrase = `Use at least ${MIN_PASSPHRASE_LENGTH} characters.`
  if (value.confirmation !== value.passphrase) problems.confirmation = 'The two passphrases are not the same.'
  return problems.passphrase || problems.confirmation ? problems : null
}

/**
 * A new passphrase typed twice, with "Remember on this device" where the device can keep keys,
 * and the warning that nobody can recover a lost passphrase.
 */
export function NewPassphraseFields(props: {
  value: NewPassphrase
  onChange(value: NewPassphrase): void
  problems: NewPassphraseProblems | null
  canRemember: boolean
  labels?: { passphrase: string; confirmation: string }
}) {
  const rememberId = useId()
  const { value, onChange } = props
  return (
    <Flex direction="column" gap="3">
      <PassphraseField
        label={props.labels?.passphrase ?? 'Passphrase'}
        value={value.passphrase}
        onChange={passphrase => onChange({ ...value, passphrase })}
        error={props.problems?.passphrase}
      />
      <PassphraseField
        label={props.labels?.confirmation ?? 'Passphrase again'}
        value={value.confirmation}
        onChange={confirmation => onChange({ ...value, confirmation })}
        error={props.problems?.confirmation}
      />
      {props.canRemember && (
        <Text as="label" size="2" htmlFor={rememberId}>
          <Flex gap="2" align="center">
            <Checkbox id={rememberId} checked={value.remember} onCheckedChange={checked => onChange({ ...value, remember: checked === true })} />
            Remember on this device
          </Flex>
        </Text>
      )}
      <Text as="p" size="1" color="gray">
        Keep the passphrase somewhere safe. Without it the workspace cannot be opened, and nobody can recover it.
      </Text>
    </Flex>
  )
}

/** A new-passphrase field with its label and, when the last attempt was refused, why. */
function PassphraseField(props: { label: string; value: string; onChange(value: string): void; error: string | undefined }) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="medium">
        {props.label}
      </Text>
      <TextField.Root
        id={id}
        type="password"
        autoComplete="new-password"
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
        aria-invalid={!!props.error}
        aria-describedby={props.error ? errorId : undefined}
      />
      {props.error && (
        <Text id={errorId} size="1" className="form-error" role="alert">
          {props.error}
        </Text>
      )}
    </Flex>
  )
}
