import { useId, useState } from 'react'
import { Box, Button, Callout, Flex, RadioGroup, Text, TextArea, TextField } from '@radix-ui/themes'
import type { DecisionKind, DecisionView } from '../../../../main/assessment/contract'
import { api, errorMessage } from '../../api'
import { DECISION_OPTIONS } from './labels'
import { selectFocusedRadioOnArrow } from './radio-keys'

/**
 * 164.306(d)(3): an Addressable specification that is not fully in place
 * needs a written decision. Shown under its questions.
 */
export function DecisionEditor(props: { citation: string; topic: string; decision: DecisionView | null; readOnly: boolean; onChanged(): void }) {
  const id = useId()
  const [decision, setDecision] = useState<DecisionKind | ''>(props.decision?.decision ?? '')
  const [explanation, setExplanation] = useState(props.decision?.explanation ?? '')
  const [decidedBy, setDecidedBy] = useState(props.decision?.decidedBy ?? '')
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const savedSignature = JSON.stringify(props.decision)
  const [syncedSignature, setSyncedSignature] = useState(savedSignature)
  if (savedSignature !== syncedSignature) {
    setSyncedSignature(savedSignature)
    setDecision(props.decision?.decision ?? '')
    setExplanation(props.decision?.explanation ?? '')
    setDecidedBy(props.decision?.decidedBy ?? '')
  }

  const save = async () => {
    if (!decision) return setMessage({ error: true, text: 'Choose one of the three options first.' })
    try {
      await api['assessment.setDecision']({ citation: props.citation, decision, explanation, decidedBy })
      setMessage({ error: false, text: 'Decision recorded.' })
      props.onChanged()
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) })
    }
  }

  return (
    <Box className="decision-panel" p="3">
      <Flex direction="column" gap="3">
        <Text as="p" size="2" id={`${id}-intro`}>
          <Text weight="bold">Record your decision on {props.topic}.</Text> This item is <em>Addressable</em>: you may meet it another way, or decide
          it is not reasonable for your organisation, but the rule asks you to write down what you decided and why.
        </Text>
        {props.decision && (
          <Callout.Root color="green" size="1">
            <Callout.Text>
              Recorded on {props.decision.decidedOn}
              {props.decision.decidedBy ? ` by ${props.decision.decidedBy}` : ''}.
            </Callout.Text>
          </Callout.Root>
        )}
        <RadioGroup.Root
          onKeyDown={selectFocusedRadioOnArrow}
          value={decision}
          onValueChange={value => setDecision(value as DecisionKind)}
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
              {decision === 'not-reasonable' ? 'Reason' : decision === 'equivalent-alternative' ? 'The alternative you use' : 'Explanation'}
            </Text>
            <TextArea
              id={`${id}-explanation`}
              value={explanation}
              rows={2}
              disabled={props.readOnly}
              onChange={e => setExplanation(e.target.value)}
            />
          </Flex>
          <Flex direction="column" gap="1" minWidth="200px">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-by`}>
              Decided by
            </Text>
            <TextField.Root id={`${id}-by`} value={decidedBy} disabled={props.readOnly} onChange={e => setDecidedBy(e.target.value)} />
          </Flex>
        </Flex>
        <Flex gap="3" align="center">
          <Button onClick={() => void save()} disabled={props.readOnly}>
            Save decision
          </Button>
          <Text size="1" role="status" className={message?.error ? 'form-error' : undefined}>
            {message?.text}
          </Text>
        </Flex>
      </Flex>
    </Box>
  )
}
