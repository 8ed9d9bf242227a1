import { useId } from 'react'
import { Flex, RadioGroup, Text } from '@radix-ui/themes'
import type { NewWorkspaceProtection } from '../../../../main/security/contract'
import { NewPassphraseFields, newPassphraseProblems, type NewPassphrase, type NewPassphraseProblems } from '../../components/NewPassphraseFields'

export type ProtectionKind = 'device' | 'passphrase'

/** The protection to ask for, or what is wrong with the passphrase typed. */
export function protectionInput(
  kind: ProtectionKind,
  passphrase: NewPassphrase,
  canRemember: boolean
): NewWorkspaceProtection | { problems: NewPassphraseProblems } {
  if (kind === 'device') return { kind: 'device' }
  const problems = newPassphraseProblems(passphrase)
  if (problems) return { problems }
  return { kind: 'passphrase', passphrase: passphrase.passphrase, rememberOnDevice: canRemember && passphrase.remember }
}

/** How a new workspace is encrypted: this computer's key store, or a passphrase (the only way where the store cannot keep keys). */
export function ProtectionChoice(props: {
  deviceKeys: { usable: boolean; reason: string | null } | null
  choice: ProtectionKind
  onChoice(choice: ProtectionKind): void
  passphrase: NewPassphrase
  onPassphrase(value: NewPassphrase): void
  problems: NewPassphraseProblems | null
}) {
  const labelId = useId()
  const deviceUsable = props.deviceKeys?.usable === true
  return (
    <Flex direction="column" gap="2">
      <Text id={labelId} size="2" weight="medium">
        Encryption
      </Text>
      <RadioGroup.Root aria-labelledby={labelId} value={props.choice} onValueChange={value => props.onChoice(value as ProtectionKind)}>
        <RadioGroup.Item value="device" disabled={!deviceUsable}>
          This computer keeps the key (recommended): nothing to type, and a recovery key to keep
        </RadioGroup.Item>
        <RadioGroup.Item value="passphrase">A passphrase: needed every time, on any computer</RadioGroup.Item>
      </RadioGroup.Root>
      {!deviceUsable && props.deviceKeys?.reason && (
        <Text as="p" size="1" color="gray">
          This computer cannot keep a key safely, so a passphrase is needed. Why: {props.deviceKeys.reason}.
        </Text>
      )}
      {props.choice === 'passphrase' && (
        <NewPassphraseFields value={props.passphrase} onChange={props.onPassphrase} problems={props.problems} canRemember={deviceUsable} />
      )}
    </Flex>
  )
}
