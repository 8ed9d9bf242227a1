import { useId, useState } from 'react'
import { Badge, Button, Callout, Dialog, Flex, RadioGroup, Text, TextArea, TextField } from '@radix-ui/themes'
import type { FindingTriage, TriageStatus, TriageView } from '../../../../main/scanners/triage/contract'
import { api } from '../../api'
import { DateInput } from '../../components/DateInput'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { formatDate } from '../../components/format-date'
import { useSignedDialog } from './use-signed-dialog'

/** What is triaged: one finding by id, or every failing finding of a check (optionally one account's). */
export type TriageTarget = { findingId: number; label: string } | { checkId: string; scanner: string; account?: string | undefined; label: string }

// The contract's TRIAGE_STATUSES (a value the renderer cannot import; the Record checks it names each one), with a hint each.
const STATUSES: Record<TriageStatus, { label: string; needsExpiry: boolean; hint: string }> = {
  'accepted-risk': {
    label: 'Accepted risk',
    needsExpiry: true,
    hint: 'The failure is known and accepted until the expiry date, then it counts again.'
  },
  'false-positive': {
    label: 'False positive',
    needsExpiry: false,
    hint: 'The check is wrong about this resource. It counts again if a later scan gives another result.'
  },
  'fixed-pending-rescan': {
    label: 'Fixed, pending rescan',
    needsExpiry: true,
    hint: 'Fixed, waiting for the next scan to show it. The next scan of the resource ends the triage whatever it finds.'
  }
}

/**
 * "Triage…": mark a failing finding (or a whole check) as an accepted risk, a false positive or fixed pending a
 * rescan, with a reason, an expiry and who decides; triaged findings stop counting as failing until the expiry
 * passes or a later scan changes them. With `current` (an active triage), the dialog shows it and can withdraw it.
 */
export function TriageDialog(props: { target: TriageTarget; current?: FindingTriage | null | undefined; onChanged?(triage: TriageView): void }) {
  const id = useId()
  const [status, setStatus] = useState<TriageStatus>('accepted-risk')
  const [reason, setReason] = useState('')
  const [expiresOn, setExpiresOn] = useState('')
  const { open, onOpenChange, by, setBy, error, setError, busy, run } = useSignedDialog('Say who decides this (your name).')
  const active = props.current?.active ? props.current.triage : null
  const needsExpiry = STATUSES[status].needsExpiry

  const submit = () => {
    if (!reason.trim()) return setError('Give the reason.')
    if (needsExpiry && !expiresOn) return setError('Give the expiry date: after it, the findings count as failing again.')
    const target =
      'findingId' in props.target
        ? { findingId: props.target.findingId }
        : { checkId: props.target.checkId, scanner: props.target.scanner, ...(props.target.account ? { account: props.target.account } : {}) }
    return run(
      name => api['findings.triage']({ ...target, status, reason: reason.trim(), by: name, ...(expiresOn ? { expiresOn } : {}) }),
      props.onChanged
    )
  }

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger>
        <Button size="1" variant="soft" aria-label={`Triage ${props.target.label}…`}>
          {active ? 'Triaged…' : 'Triage…'}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>Triage {props.target.label}</Dialog.Title>
        <Dialog.Description size="2">
          {'findingId' in props.target
            ? 'A triaged finding stops counting as failing in review flags, counts and the evidence pack, which lists it with your reason.'
            : 'Every finding of this check failing in the latest scan is triaged; a resource that starts failing later still counts.'}{' '}
          It counts again when the expiry passes or a later scan changes the result.
        </Dialog.Description>
        {active && (
          <Callout.Root color="blue" mt="3">
            <Callout.Text>
              Currently <Badge>{active.statusLabel}</Badge> by {active.by} on {formatDate(active.createdAt.slice(0, 10))}
              {active.expiresOn ? `, until ${formatDate(active.expiresOn)}` : ''}: {active.reason}
            </Callout.Text>
          </Callout.Root>
        )}
        <form
          onSubmit={event => {
            event.preventDefault()
            if (!busy) void submit()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="div" size="2" weight="medium" id={`${id}-status`}>
                Triage as
              </Text>
              <RadioGroup.Root aria-labelledby={`${id}-status`} value={status} onValueChange={value => setStatus(value as TriageStatus)}>
                {(Object.keys(STATUSES) as TriageStatus[]).map(s => (
                  <RadioGroup.Item key={s} value={s}>
                    {STATUSES[s].label}
                  </RadioGroup.Item>
                ))}
              </RadioGroup.Root>
              <Text size="1" color="gray">
                {STATUSES[status].hint}
              </Text>
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-reason`}>
                Reason (required)
              </Text>
              <TextArea id={`${id}-reason`} value={reason} maxLength={4000} onChange={event => setReason(event.target.value)} />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-expires`}>
                {needsExpiry ? 'Expires on (required)' : 'Expires on (optional)'}
              </Text>
              <DateInput id={`${id}-expires`} value={expiresOn} onChange={event => setExpiresOn(event.target.value)} />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
                Your name
              </Text>
              <TextField.Root id={`${id}-by`} value={by} maxLength={200} onChange={event => setBy(event.target.value)} />
            </Flex>
            <DialogFormFooter error={error} submitLabel={busy ? 'Saving…' : active ? 'Replace triage' : 'Triage'} />
            {active && (
              <Flex justify="end">
                <Button
                  type="button"
                  variant="ghost"
                  color="red"
                  disabled={busy}
                  onClick={() => void run(name => api['findings.untriage']({ id: active.id, by: name }), props.onChanged)}
                >
                  Withdraw this triage
                </Button>
              </Flex>
            )}
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}

/** A finding's triage, as a badge (active) or a note of why it no longer holds. */
export function TriageNote(props: { triage: FindingTriage | null | undefined }) {
  const t = props.triage
  if (!t) return null
  if (!t.active)
    return (
      <Text as="div" size="1" color="gray">
        Triage ended: {t.why}
      </Text>
    )
  return (
    <Flex gap="1" align="center" wrap="wrap">
      <Badge color="blue" highContrast>
        {t.triage.statusLabel}
      </Badge>
      <Text size="1" color="gray">
        {t.triage.expiresOn ? `until ${formatDate(t.triage.expiresOn)}` : 'no expiry'}, by {t.triage.by}: {t.triage.reason}
      </Text>
    </Flex>
  )
}
