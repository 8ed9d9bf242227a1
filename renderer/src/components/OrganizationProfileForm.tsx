import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { Button, Callout, Flex, RadioGroup, Select, Text, TextField } from '@radix-ui/themes'
import type { CloudProvider, OrganizationProfile, OrganizationRole } from '../../../main/workspace/contract'
import { ApiCallError, errorMessage } from '../api'

const CLOUD_LABELS: Record<CloudProvider, string> = {
  aws: 'Amazon Web Services (AWS)',
  azure: 'Microsoft Azure',
  gcp: 'Google Cloud',
  other: 'Another cloud provider',
  none: 'No cloud (on-premises only)'
}

export const EMPTY_PROFILE: OrganizationProfile = {
  name: '',
  role: 'covered-entity',
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  cloudProvider: 'aws'
}

/** Field-level messages from an invalid-input error, keyed by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiCallError) || error.code !== 'invalid-input') return {}
  const issues = (error.details as { issues?: { path: string[]; message: string }[] } | undefined)?.issues ?? []
  return Object.fromEntries(issues.map(issue => [issue.path.at(-1) ?? '', issue.message]))
}

function Field(props: { label: string; hint?: string; error?: string; children: (id: string, describedBy?: string) => ReactElement }) {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [props.hint ? hintId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined
  return (
    <Flex direction="column" gap="1">
      <Text as="label" htmlFor={id} size="2" weight="medium">
        {props.label}
      </Text>
      {props.children(id, describedBy)}
      {props.hint && (
        <Text id={hintId} size="1" color="gray">
          {props.hint}
        </Text>
      )}
      {props.error && (
        <Text id={errorId} size="1" className="form-error" role="alert">
          {props.error}
        </Text>
      )}
    </Flex>
  )
}

/** The organisation a workspace describes: used when creating a workspace and in Settings. */
export function OrganizationProfileForm(props: {
  initial: OrganizationProfile
  submitLabel: string
  onSubmit(profile: OrganizationProfile): Promise<void>
  /** Each change as it is made, e.g. to keep it as a draft. */
  onChange?(profile: OrganizationProfile): void
  extraFields?: ReactElement
}) {
  const [profile, setProfile] = useState(props.initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const errors = fieldErrors(error)
  const roleLabelId = useId()
  const { onChange } = props
  const set = <K extends keyof OrganizationProfile>(key: K, value: OrganizationProfile[K]) => {
    const next = { ...profile, [key]: value }
    setProfile(next)
    onChange?.(next)
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit(profile)
    } catch (caught) {
      setError(caught)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Flex direction="column" gap="4" maxWidth="560px">
        <Field label="Organisation name" error={errors.name}>
          {(id, describedBy) => (
            <TextField.Root
              id={id}
              aria-describedby={describedBy}
              aria-invalid={!!errors.name}
              required
              value={profile.name}
              onChange={event => set('name', event.target.value)}
              autoComplete="organization"
            />
          )}
        </Field>

        <Flex direction="column" gap="1">
          <Text id={roleLabelId} size="2" weight="medium">
            Role under HIPAA
          </Text>
          <RadioGroup.Root aria-labelledby={roleLabelId} value={profile.role} onValueChange={value => set('role', value as OrganizationRole)}>
            <RadioGroup.Item value="covered-entity">
              Covered entity: a health plan, clearinghouse or provider that bills electronically
            </RadioGroup.Item>
            <RadioGroup.Item value="business-associate">
              Business associate: handles PHI (protected health information: patients' health records) on behalf of a covered entity, for example a
              software vendor or billing service
            </RadioGroup.Item>
          </RadioGroup.Root>
        </Flex>

        <Field label="Primary contact" hint="Usually the security official: the person in charge of security under HIPAA." error={errors.contactName}>
          {(id, describedBy) => (
            <TextField.Root
              id={id}
              aria-describedby={describedBy}
              value={profile.contactName}
              onChange={event => set('contactName', event.target.value)}
              autoComplete="name"
            />
          )}
        </Field>
        <Flex gap="3" wrap="wrap">
          <Field label="Contact email" error={errors.contactEmail}>
            {(id, describedBy) => (
              <TextField.Root
                id={id}
                type="email"
                aria-describedby={describedBy}
                aria-invalid={!!errors.contactEmail}
                value={profile.contactEmail}
                onChange={event => set('contactEmail', event.target.value)}
                autoComplete="email"
              />
            )}
          </Field>
          <Field label="Contact phone" error={errors.contactPhone}>
            {(id, describedBy) => (
              <TextField.Root
                id={id}
                type="tel"
                aria-describedby={describedBy}
                value={profile.contactPhone}
                onChange={event => set('contactPhone', event.target.value)}
                autoComplete="tel"
              />
            )}
          </Field>
        </Flex>

        <Field label="Where it runs" hint="The cloud that hosts systems holding protected health information.">
          {(id, describedBy) => (
            <Select.Root value={profile.cloudProvider} onValueChange={value => set('cloudProvider', value as CloudProvider)}>
              <Select.Trigger id={id} aria-describedby={describedBy} />
              <Select.Content>
                {(Object.keys(CLOUD_LABELS) as CloudProvider[]).map(provider => (
                  <Select.Item key={provider} value={provider}>
                    {CLOUD_LABELS[provider]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          )}
        </Field>

        {props.extraFields}

        {error !== null && Object.keys(errors).length === 0 && (
          <Callout.Root color="red" role="alert">
            <Callout.Text>{errorMessage(error)}</Callout.Text>
          </Callout.Root>
        )}
        <Flex>
          <Button type="submit" size="3" loading={busy}>
            {props.submitLabel}
          </Button>
        </Flex>
      </Flex>
    </form>
  )
}
