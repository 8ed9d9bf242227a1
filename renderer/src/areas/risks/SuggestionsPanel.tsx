import { useEffect, useId, useRef, useState } from 'react'
import { Badge, Button, Callout, Card, Dialog, Flex, Heading, Text, TextArea } from '@radix-ui/themes'
import type { SuggestionsView, SuggestionView } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { VULNERABILITY_KIND_LABELS } from './labels'
import { useDraft } from '../../components/drafts'
import { formatNumber } from '../../components/count-of'
import { formatDateTime } from '../../components/format-date'

/** Where focus goes once the list reloads: the button that was pressed is gone with the suggestion (or the dismissed entry). */
type PendingFocus = { after: 'dismiss'; key: string; index: number } | { after: 'restore'; key: string }

/** Threat × vulnerability × asset scenarios the map, the questionnaire, scans and the BAA register point to: confirm or dismiss each. */
export function SuggestionsPanel(props: { view: SuggestionsView; readOnly: boolean; onCreated(riskId: number): void; onChanged(): void }) {
  const [error, setError] = useState<string | null>(null)
  const { suggestions, dismissed } = props.view
  const headingRef = useRef<HTMLHeadingElement>(null)
  const pendingFocus = useRef<PendingFocus | null>(null)
  const setPendingFocus = (next: PendingFocus) => (pendingFocus.current = next)
  useEffect(() => {
    const pending = pendingFocus.current
    if (!pending) return
    const keys = suggestions.map(s => s.key)
    // Not reloaded yet: the dismissed suggestion is still listed, or the restored one not yet.
    if (keys.includes(pending.key) !== (pending.after === 'restore')) return
    // After a dismissal, the next suggestion (now in the dismissed one's place), else the one before; else the list's heading.
    const target = pending.after === 'dismiss' ? keys[Math.min(pending.index, keys.length - 1)] : pending.key
    if (!focusSuggestion(target)) headingRef.current?.focus()
    pendingFocus.current = null
  }, [suggestions])
  return (
    <Flex direction="column" gap="3">
      <Heading as="h2" size="3" ref={headingRef} tabIndex={-1} className="risk-focus-target">
        Suggestions to review
      </Heading>
      <Text as="p" size="2" color="gray">
        Each suggestion pairs a PHI asset with a threat that applies to its kind, with the weaknesses already found on it. Confirm it to add it to the
        register (then rate it), or dismiss it with the reason it does not apply.
      </Text>
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {suggestions.length === 0 && (
        <Text as="p" color="gray">
          No suggestion left. Mark where health information lives on the data-flow map to get suggestions for those assets.
        </Text>
      )}
      {suggestions.map((suggestion, index) => (
        <SuggestionCard
          key={suggestion.key}
          suggestion={suggestion}
          readOnly={props.readOnly}
          onConfirm={() =>
            api['risks.confirmSuggestion']({ key: suggestion.key }).then(
              risk => props.onCreated(risk.id),
              caught => setError(errorMessage(caught))
            )
          }
          onDismissed={() => {
            setPendingFocus({ after: 'dismiss', key: suggestion.key, index })
            props.onChanged()
          }}
        />
      ))}
      {dismissed.length > 0 && (
        <details>
          <summary>
            <Text size="2" weight="medium">
              Dismissed ({formatNumber(dismissed.length)})
            </Text>
          </summary>
          <ul className="risk-link-list">
            {dismissed.map(item => (
              <li key={item.key}>
                <Text size="2">
                  {item.key}: {item.reason} <Text color="gray">({formatDateTime(item.dismissedAt)})</Text>
                </Text>
                {!props.readOnly && (
                  <Button
                    size="1"
                    variant="ghost"
                    onClick={() =>
                      void api['risks.restoreSuggestion']({ key: item.key }).then(
                        () => {
                          setPendingFocus({ after: 'restore', key: item.key })
                          props.onChanged()
                        },
                        caught => setError(errorMessage(caught))
                      )
                    }
                  >
                    Restore
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Flex>
  )
}

function SuggestionCard(props: { suggestion: SuggestionView; readOnly: boolean; onConfirm(): void; onDismissed(): void }) {
  const { suggestion } = props
  const id = useId()
  return (
    <Card asChild>
      <article aria-labelledby={`${id}-title`} data-testid="risk-suggestion">
        <Flex direction="column" gap="2">
          <Heading as="h3" size="3" id={`${id}-title`} tabIndex={-1} data-suggestion-heading={suggestion.key} className="risk-focus-target">
            {suggestion.threat.name} · {suggestion.asset.name}
          </Heading>
          <Text size="1" color="gray">
            Asset kind: {suggestion.asset.kind}
          </Text>
          {suggestion.vulnerabilities.length > 0 ? (
            <ul className="risk-link-list">
              {suggestion.vulnerabilities.map(v => (
                <li key={`${v.kind}|${v.ref}`}>
                  <Text size="2">
                    <Badge variant="soft" color="gray" highContrast mr="2">
                      {VULNERABILITY_KIND_LABELS[v.kind]}
                    </Badge>
                    {v.label}
                  </Text>
                </li>
              ))}
            </ul>
          ) : (
            <Text size="2" color="gray">
              No weakness recorded yet on this asset for this threat.
            </Text>
          )}
          {!props.readOnly && (
            <Flex gap="2">
              <Button onClick={props.onConfirm} aria-label={`Add to register: ${suggestion.threat.name} · ${suggestion.asset.name}`}>
                Add to register
              </Button>
              <DismissDialog suggestion={suggestion} onDismissed={props.onDismissed} />
            </Flex>
          )}
        </Flex>
      </article>
    </Card>
  )
}

function DismissDialog(props: { suggestion: SuggestionView; onDismissed(): void }) {
  const id = useId()
  const [open, setOpen] = useState(false)
  // A reason typed and then the dialog closed is still there when it opens again.
  const [reason, keepReason, settleReason] = useDraft(`suggestion:${props.suggestion.key}:dismiss-reason`, '')
  const [error, setError] = useState<string | null>(null)
  const name = `${props.suggestion.threat.name} · ${props.suggestion.asset.name}`
  const dismissedRef = useRef(false)
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="soft" color="gray" aria-label={`Dismiss: ${name}`}>
          Dismiss
        </Button>
      </Dialog.Trigger>
      <Dialog.Content
        maxWidth="520px"
        // Once dismissed, the opening button goes with the card: the panel moves focus to the next suggestion instead.
        onCloseAutoFocus={event => dismissedRef.current && event.preventDefault()}
      >
        <Dialog.Title>Dismiss “{name}”</Dialog.Title>
        <Dialog.Description size="2">Why does this scenario not apply? The reason is kept with the analysis.</Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            api['risks.dismissSuggestion']({ key: props.suggestion.key, reason }).then(
              () => {
                dismissedRef.current = true
                settleReason('')
                setOpen(false)
                props.onDismissed()
              },
              caught => setError(errorMessage(caught))
            )
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-reason`}>
              Reason
            </Text>
            <TextArea id={`${id}-reason`} value={reason} onChange={e => keepReason(e.target.value)} rows={3} />
            <DialogFormFooter error={error} submitLabel="Dismiss suggestion" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}

function focusSuggestion(key: string | undefined): boolean {
  if (key === undefined) return false
  const heading = [...document.querySelectorAll<HTMLElement>('[data-suggestion-heading]')].find(el => el.dataset.suggestionHeading === key)
  heading?.focus()
  return heading !== undefined
}
