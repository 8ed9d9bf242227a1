import { useId, useState } from 'react'
import { Button, Dialog, Flex, RadioGroup, Text, TextArea, TextField } from '@radix-ui/themes'
import type { BreachObligation, NoticeMethod, NoticeMethodsView } from '../../../../main/breach/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { useDraft } from '../../components/drafts'
import { formatDate } from '../../components/format-date'
import { DateField, Field, dateError, describedBy, isCalendarDate, localToday } from '../business-associates/form-fields'
import { selectFocusedRadioOnArrow } from '../assessment/radio-keys'

interface NoticeFields {
  doneOn: string
  method: NoticeMethod
  recipientsCount: string
  missingContactCount: string
  postedUntil: string
  evidence: string
}

const PEOPLE_KINDS: readonly string[] = ['individuals', 'state-individuals']

/** A calendar date plus days, in UTC so the computer's zone cannot shift it. */
function plusDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + days)).toISOString().slice(0, 10)
}

function countProblem(value: string, label: string): string | null {
  return value === '' || /^\d+$/.test(value.trim()) ? null : `${label} must be a whole number.`
}

/**
 * Recording a notice as given: how (the methods that fit the obligation, with when each applies), the day it was
 * sent, how many it went to, and what shows it was delivered. What is typed is kept as a draft until it is recorded.
 */
export function NoticeDialog(props: { incidentId: number; obligation: BreachObligation; methods: NoticeMethodsView; onDone(): void }) {
  const id = useId()
  const { obligation } = props
  const { substituteNoticeDays, substituteWideMinMissing } = props.methods
  // The methods that can answer this obligation, in the registry's order.
  const methods = props.methods.methods.filter(method => method.kinds.includes(obligation.kind))
  const blank = (): NoticeFields => ({
    doneOn: localToday(),
    method: methods[0]!.id,
    recipientsCount: '',
    missingContactCount: '',
    postedUntil: '',
    evidence: ''
  })
  const [fields, keep, settle] = useDraft<NoticeFields>(`incident:${props.incidentId}:notice:${obligation.id}`, blank)
  const set = (change: Partial<NoticeFields>) => keep({ ...fields, ...change })
  const [open, setOpen] = useState(false)
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const toPeople = PEOPLE_KINDS.includes(obligation.kind)
  const chosen = methods.find(method => method.id === fields.method)
  const wide = chosen?.substituteFor === '10-or-more'
  const earliestEnd = isCalendarDate(fields.doneOn) ? plusDays(fields.doneOn, substituteNoticeDays) : null
  const problems = {
    doneOn: dateError(fields.doneOn, 'The date sent', true),
    recipientsCount: countProblem(fields.recipientsCount, 'The number of recipients'),
    missingContactCount:
      countProblem(fields.missingContactCount, 'The number') ??
      (chosen?.substituteFor && fields.missingContactCount === '' ? 'Substitute notice needs this number.' : null),
    postedUntil: wide ? dateError(fields.postedUntil, 'The end date') : null
  }
  const shown = (problem: string | null) => (tried ? problem : null)

  const save = async () => {
    setTried(true)
    if (Object.values(problems).some(Boolean)) return
    try {
      await api['incidents.recordNotice']({
        id: props.incidentId,
        notice: {
          kind: obligation.kind,
          ...(obligation.jurisdiction ? { jurisdiction: obligation.jurisdiction } : {}),
          obligationId: obligation.id,
          doneOn: fields.doneOn,
          method: fields.method,
          evidence: fields.evidence,
          ...(fields.recipientsCount !== '' ? { recipientsCount: Number(fields.recipientsCount) } : {}),
          ...(toPeople && fields.missingContactCount !== '' ? { missingContactCount: Number(fields.missingContactCount) } : {}),
          ...(wide && fields.postedUntil !== '' ? { postedUntil: fields.postedUntil } : {})
        }
      })
      settle(blank())
      setTried(false)
      setOpen(false)
      props.onDone()
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) setError(null)
      }}
    >
      <Dialog.Trigger>
        <Button size="1" variant="soft" className="nowrap" aria-label={`Record notice: ${obligation.recipient}`}>
          Record notice
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="600px">
        <Dialog.Title>Notice given: {obligation.recipient}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Record how and when it was sent, and what shows it was delivered: you carry the burden of proving each notice was given (45 CFR 164.414(b)).
          What you type here is kept until you record it.
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void save()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Flex direction="column" gap="1">
              <Text as="div" size="2" weight="medium" id={`${id}-method-label`}>
                Method
              </Text>
              <RadioGroup.Root
                onKeyDown={selectFocusedRadioOnArrow}
                value={fields.method}
                onValueChange={value => set({ method: value as NoticeMethod })}
                aria-labelledby={`${id}-method-label`}
              >
                {methods.map(method => (
                  <RadioGroup.Item key={method.id} value={method.id}>
                    <Text weight="medium">{method.label}</Text>
                    <Text as="div" size="1" color="gray">
                      {method.when}
                    </Text>
                  </RadioGroup.Item>
                ))}
              </RadioGroup.Root>
            </Flex>
            <DateField id={`${id}-date`} label="Sent on" value={fields.doneOn} onChange={doneOn => set({ doneOn })} error={shown(problems.doneOn)} />
            <Flex gap="3" wrap="wrap">
              <Field id={`${id}-recipients`} label="Sent to how many (optional)" error={shown(problems.recipientsCount)}>
                <TextField.Root
                  id={`${id}-recipients`}
                  inputMode="numeric"
                  value={fields.recipientsCount}
                  onChange={event => set({ recipientsCount: event.target.value })}
                  {...describedBy(`${id}-recipients`, { error: shown(problems.recipientsCount) })}
                />
              </Field>
              {toPeople && (
                <Field
                  id={`${id}-missing`}
                  label="People with missing or out-of-date contact details"
                  hint={`Needed for substitute notice: ${substituteWideMinMissing} or more means a website posting or major media, fewer means another written form, telephone or other means.`}
                  error={shown(problems.missingContactCount)}
                >
                  <TextField.Root
                    id={`${id}-missing`}
                    inputMode="numeric"
                    value={fields.missingContactCount}
                    onChange={event => set({ missingContactCount: event.target.value })}
                    {...describedBy(`${id}-missing`, { hint: true, error: shown(problems.missingContactCount) })}
                  />
                </Field>
              )}
            </Flex>
            {wide && (
              <DateField
                id={`${id}-until`}
                label="Stays up until (optional)"
                value={fields.postedUntil}
                onChange={postedUntil => set({ postedUntil })}
                error={shown(problems.postedUntil)}
                hint={
                  earliestEnd
                    ? `At least ${substituteNoticeDays} days, with the toll-free number: until ${formatDate(earliestEnd)} unless you give a later day.`
                    : `At least ${substituteNoticeDays} days after it was sent, with the toll-free number.`
                }
              />
            )}
            <Field
              id={`${id}-evidence`}
              label="Delivery evidence"
              hint='What shows it was given, e.g. "USPS certificate of mailing 9407…", "screenshot of the home page in folder Breach/2026-03", the HHS portal confirmation number.'
            >
              <TextArea
                id={`${id}-evidence`}
                value={fields.evidence}
                onChange={event => set({ evidence: event.target.value })}
                {...describedBy(`${id}-evidence`, { hint: true })}
              />
            </Field>
            <DialogFormFooter error={error} submitLabel="Record" onCancel={() => settle(blank())} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
