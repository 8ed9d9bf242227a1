import { useEffect, useId, useState } from 'react'
import { api } from '../../api'
import { Badge, Button, Card, Dialog, Flex, Heading, Text, TextArea, TextField } from '@radix-ui/themes'
import type { ReviewFlag } from '../../../../main/scanners/contract'
import { formatNumber } from '../../components/count-of'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { formatDate } from '../../components/format-date'
import { useSignedDialog } from './use-signed-dialog'

/** Names of the rule's standards and specifications by citation, so a flag reads as more than a paragraph number. */
function useRuleTitles(): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>())
  useEffect(() => {
    let live = true
    api['assessment.catalog']({}).then(
      catalog => live && setTitles(new Map(catalog.entries.map(entry => [entry.citation, entry.title]))),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [])
  return titles
}

/**
 * Specifications with failing findings, to look at again in the assessment; answers are never changed for you.
 * Dismissing one asks why and who; dismissed flags are listed with their reasons and can be restored.
 */
export function ReviewFlags(props: {
  flags: ReviewFlag[]
  dismissed: ReviewFlag[]
  onShow(citation: string): void
  /** After a flag was dismissed or restored. */
  onChanged(): void
  /** Opens the assessment at the question on the flagged specification. */
  onOpenQuestion?(citation: string): void
}) {
  const titles = useRuleTitles()
  if (props.flags.length === 0 && props.dismissed.length === 0) return null
  const title = (citation: string) => titles.get(citation) && <Text>{titles.get(citation)}</Text>
  return (
    <Card>
      <Flex direction="column" gap="2">
        <Heading as="h2" size="3">
          Flagged for review ({formatNumber(props.flags.length)})
        </Heading>
        <Text as="p" size="2" color="gray">
          {props.flags.length > 0
            ? 'Scans found failures bearing on these specifications. Check your assessment answers for them; Safeguard does not change them.'
            : 'No specification is flagged for review now.'}
        </Text>
        {props.flags.length > 0 && (
          <Flex direction="column" gap="1" asChild>
            <ul className="findings-flag-list" aria-label="Flagged for review">
              {props.flags.map(flag => (
                <li key={flag.citation}>
                  <Flex gap="2" align="center" wrap="wrap">
                    <Text weight="medium">{flag.citation}</Text>
                    {title(flag.citation)}
                    <Badge color="red">{formatNumber(flag.failingNow)} failing</Badge>
                    {flag.triaged > 0 && <Badge color="gray">{formatNumber(flag.triaged)} triaged</Badge>}
                    <Button size="1" variant="ghost" onClick={() => props.onShow(flag.citation)} aria-label={`Show findings for ${flag.citation}`}>
                      Show findings
                    </Button>
                    {props.onOpenQuestion && (
                      <Button
                        size="1"
                        variant="ghost"
                        onClick={() => props.onOpenQuestion?.(flag.citation)}
                        aria-label={`Open the assessment question on ${flag.citation}`}
                      >
                        Open question
                      </Button>
                    )}
                    <FlagDialog flag={flag} action="dismiss" onDone={props.onChanged} />
                  </Flex>
                </li>
              ))}
            </ul>
          </Flex>
        )}
        {props.dismissed.length > 0 && (
          <>
            <Heading as="h3" size="2" mt="2">
              Dismissed ({formatNumber(props.dismissed.length)})
            </Heading>
            <Flex direction="column" gap="1" asChild>
              <ul className="findings-flag-list" aria-label="Dismissed flags">
                {props.dismissed.map(flag => (
                  <li key={flag.citation}>
                    <Flex gap="2" align="center" wrap="wrap">
                      <Text weight="medium">{flag.citation}</Text>
                      {title(flag.citation)}
                      <Text size="2" color="gray">
                        {flag.dismissal
                          ? `Dismissed${flag.dismissal.by ? ` by ${flag.dismissal.by}` : ''} on ${formatDate(flag.dismissal.at.slice(0, 10))}: ${
                              flag.dismissal.reason ?? 'no reason was recorded (dismissed before reasons were asked for)'
                            }`
                          : 'Dismissed'}
                      </Text>
                      <FlagDialog flag={flag} action="restore" onDone={props.onChanged} />
                    </Flex>
                  </li>
                ))}
              </ul>
            </Flex>
          </>
        )}
      </Flex>
    </Card>
  )
}

/** Dismiss a flag (with a reason and a name) or restore a dismissed one (with a name). */
function FlagDialog(props: { flag: ReviewFlag; action: 'dismiss' | 'restore'; onDone(): void }) {
  const id = useId()
  const [reason, setReason] = useState('')
  const { open, onOpenChange, by, setBy, error, setError, busy, run } = useSignedDialog('Say who decides this (your name).')
  const dismiss = props.action === 'dismiss'
  const citation = props.flag.citation
  const submit = async () => {
    if (dismiss && !reason.trim()) return setError('Give the reason for dismissing this flag.')
    return run(
      name =>
        dismiss ? api['findings.dismissFlag']({ citation, reason: reason.trim(), by: name }) : api['findings.restoreFlag']({ citation, by: name }),
      () => {
        setReason('')
        props.onDone()
      }
    )
  }
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger>
        <Button
          size="1"
          variant={dismiss ? 'ghost' : 'soft'}
          color={dismiss ? 'gray' : undefined}
          aria-label={dismiss ? `Dismiss the review flag on ${citation}…` : `Restore the review flag on ${citation}…`}
        >
          {dismiss ? 'Dismiss…' : 'Restore…'}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="480px">
        <Dialog.Title>{dismiss ? `Dismiss the flag on ${citation}` : `Restore the flag on ${citation}`}</Dialog.Title>
        <Dialog.Description size="2">
          {dismiss
            ? 'The reason and your name are kept with the dismissal; the flag can be restored later.'
            : 'The flag is listed for review again; the dismissal stays on record.'}
        </Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            if (!busy) void submit()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            {dismiss && (
              <Flex direction="column" gap="1">
                <Text as="label" size="2" weight="medium" htmlFor={`${id}-reason`}>
                  Reason (required)
                </Text>
                <TextArea id={`${id}-reason`} value={reason} maxLength={2000} onChange={event => setReason(event.target.value)} />
              </Flex>
            )}
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
                Your name
              </Text>
              <TextField.Root id={`${id}-by`} value={by} maxLength={200} onChange={event => setBy(event.target.value)} />
            </Flex>
            <DialogFormFooter error={error} submitLabel={busy ? 'Saving…' : dismiss ? 'Dismiss flag' : 'Restore flag'} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
