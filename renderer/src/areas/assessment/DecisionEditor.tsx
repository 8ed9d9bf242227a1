import { useEffect, useId, useRef, useState } from 'react'
import { Box, Callout, Flex, RadioGroup, Text, TextArea, TextField } from '@radix-ui/themes'
import type { DecisionKind, DecisionView } from '../../../../main/assessment/contract'
import { api } from '../../api'
import { useDraft } from '../../components/drafts'
import { formatDate } from '../../components/format-date'
import { saveStateText, useAutosave } from '../../components/use-autosave'
import { DECISION_OPTIONS } from './labels'
import { selectFocusedRadioOnArrow } from './radio-keys'

interface DecisionFields {
  decision: DecisionKind | ''
  explanation: string
  decidedBy: string
}

/** What a decision still lacks before it can be recorded: an alternative or a reason must be written down (164.306(d)(3)). */
function missingText(fields: DecisionFields): string | null {
  if (!fields.decision) return 'Choose one of the three options to save the decision. What you typed is kept.'
  if (fields.decision === 'implemented-as-specified' || fields.explanation.trim() !== '') return null
  return fields.decision === 'equivalent-alternative'
    ? 'Describe the alternative you use to save this decision. What you chose is kept.'
    : 'Give the reason to save this decision. What you chose is kept.'
}

const fieldsOf = (decision: DecisionView | null): DecisionFields => ({
  decision: decision?.decision ?? '',
  explanation: decision?.explanation ?? '',
  decidedBy: decision?.decidedBy ?? ''
})

/**
 * 164.306(d)(3): an Addressable specification that is not fully in place
 * needs a written decision. Shown under its questions, and saved as the person types, as answers are.
 */
export function DecisionEditor(props: { citation: string; topic: string; decision: DecisionView | null; readOnly: boolean; onChanged(): void }) {
  const id = useId()
  // What is typed outlives the editor (another family, another area) until the server has it: nothing typed is lost.
  const [fields, keep, settle, hasDraft, forgetIfStill] = useDraft<DecisionFields>(`assessment.decision:${props.citation}`, () =>
    fieldsOf(props.decision)
  )
  const { onChanged } = props
  const autosave = useAutosave<{ draft: DecisionFields }>(async ({ draft }) => {
    if (!draft?.decision || missingText(draft)) return
    await api['assessment.setDecision']({ citation: props.citation, ...draft, decision: draft.decision })
    forgetIfStill(draft)
    onChanged()
  }, 600)
  const { queue, flush } = autosave

  // A saved decision that changed elsewhere (an import, the first save here) is shown unless something newer is being typed.
  const savedSignature = JSON.stringify(props.decision)
  const [syncedSignature, setSyncedSignature] = useState(savedSignature)
  if (savedSignature !== syncedSignature) {
    setSyncedSignature(savedSignature)
    if (!hasDraft) settle(fieldsOf(props.decision))
  }

  // A draft left by an earlier visit whose save did not get through is tried again, so a refusal is said rather than hidden.
  const retried = useRef(false)
  useEffect(() => {
    if (retried.current || props.readOnly) return
    retried.current = true
    if (hasDraft && !missingText(fields)) {
      queue({ draft: fields })
      flush()
    }
  }, [hasDraft, fields, props.readOnly, queue, flush])

  const change = (next: Partial<DecisionFields>) => {
    const draft = { ...fields, ...next }
    keep(draft)
    if (!missingText(draft)) queue({ draft })
  }

  const missing = hasDraft ? missingText(fields) : null
  const status = missing ?? saveStateText(autosave.state)

  return (
    <Box className="decision-panel" p="3">
      <Flex direction="column" gap="3">
        <Text as="p" size="2" id={`${id}-intro`}>
          <Text weight="bold">Record your decision on {props.topic}.</Text> This item is <em>Addressable</em>: you may meet it another way, or decide
          it is not reasonable for your organisation, but the rule asks you to write down what you decided and why. It is saved as you type.
        </Text>
        {props.decision && (
          <Callout.Root color="green" size="1">
            <Callout.Text>
              Recorded on {formatDate(props.decision.decidedOn)}
              {props.decision.decidedBy ? ` by ${props.decision.decidedBy}` : ''}.
            </Callout.Text>
          </Callout.Root>
        )}
        <RadioGroup.Root
          onKeyDown={selectFocusedRadioOnArrow}
          value={fields.decision}
          onValueChange={value => change({ decision: value as DecisionKind })}
          disabled={props.readOnly}
          aria-label={`Decision on ${props.topic}`}
        >
          {DECISION_OPTIONS.map(option => (
            <RadioGroup.Item key={option.value} value={option.value}>
              {option.label} <Text color="gray">— {option.hint}</Text>
            </RadioGroup.Item>
          ))}
        </RadioGroup.Root>
        <Flex gap="3" wrap="wrap">
          <Flex direction="column" gap="1" flexGrow="1" minWidth="260px">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-explanation`}>
              {fields.decision === 'not-reasonable'
                ? 'Reason'
                : fields.decision === 'equivalent-alternative'
                  ? 'The alternative you use'
                  : 'Explanation'}
            </Text>
            <TextArea
              id={`${id}-explanation`}
              value={fields.explanation}
              rows={2}
              disabled={props.readOnly}
              onChange={e => change({ explanation: e.target.value })}
              onBlur={flush}
            />
          </Flex>
          <Flex direction="column" gap="1" minWidth="200px">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
              Decided by
            </Text>
            <TextField.Root
              id={`${id}-by`}
              value={fields.decidedBy}
              disabled={props.readOnly}
              onChange={e => change({ decidedBy: e.target.value })}
              onBlur={flush}
            />
          </Flex>
        </Flex>
        <Text
          size="1"
          role="status"
          data-testid="decision-save-state"
          className={autosave.state.kind === 'error' ? 'form-error' : undefined}
          color={autosave.state.kind === 'error' ? undefined : 'gray'}
        >
          {status}
        </Text>
      </Flex>
    </Box>
  )
}
