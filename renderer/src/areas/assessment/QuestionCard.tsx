import { useId, useState } from 'react'
import { Badge, Button, Callout, Card, Flex, Heading, RadioGroup, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { AnswerValue, DecisionView, QuestionItem } from '../../../../main/assessment/contract'
import { api, errorMessage } from '../../api'
import { AnswerHistory } from './AnswerHistory'
import { DecisionEditor } from './DecisionEditor'
import { ANSWER_OPTIONS, CONTROL_ORIGIN_TEXT, CONTROL_RULE_STATUS_TEXT } from './labels'
import { QuestionEvidence } from './QuestionEvidence'
import { RiskEditor } from './RiskEditor'
import { selectFocusedRadioOnArrow } from './radio-keys'
import { questionElementId } from './sections'
import { formatNumber } from '../../components/count-of'
import { EvidenceDisclosure } from '../../evidence/EvidenceDisclosure'
import { SpecificationFreshness } from '../../evidence/SpecificationFreshness'

/** One question: read it, answer it (saved at once), add notes and the value a policy will quote. */
export function QuestionCard(props: { item: QuestionItem; periodId: string; decision: DecisionView | null; readOnly: boolean; onChanged(): void }) {
  const { item } = props
  const questionId = useId()
  const [notes, setNotes] = useState(item.answer?.notes ?? '')
  const [fieldValue, setFieldValue] = useState(item.answer?.fieldValue?.toString() ?? '')
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null)
  // Shown at once while the save is on its way, so arrow keys feel immediate.
  const [selected, setSelected] = useState<AnswerValue | ''>(item.answer?.value ?? '')
  // When the saved answer changes (a save here, an import), each field takes the saved value
  // unless the person has edited it since the last sync: a reload must never eat what is being typed.
  const [synced, setSynced] = useState(item.answer)
  if (JSON.stringify(item.answer) !== JSON.stringify(synced)) {
    setSynced(item.answer)
    if (selected === (synced?.value ?? '')) setSelected(item.answer?.value ?? '')
    if (notes === (synced?.notes ?? '')) setNotes(item.answer?.notes ?? '')
    if (fieldValue === (synced?.fieldValue?.toString() ?? '')) setFieldValue(item.answer?.fieldValue?.toString() ?? '')
  }

  const save = async (change: { value?: AnswerValue; notes?: string; fieldValue?: number | string | null; toConfirm?: false }) => {
    try {
      await api['assessment.setAnswer']({ questionId: item.id, ...change })
      setStatus({ kind: 'saved', text: 'Saved.' })
      props.onChanged()
    } catch (error) {
      if (change.value !== undefined) setSelected(item.answer?.value ?? '')
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }
  const saveFieldValue = (text: string) => {
    if (text === (item.answer?.fieldValue?.toString() ?? '')) return
    const field = item.valueField!
    void save({ fieldValue: text === '' ? null : field.type === 'number' ? Number(text) : text })
  }

  const answer = item.answer?.value
  const isAddressable = item.requirement === 'addressable' && item.group !== 'cloud'
  // A recorded decision that contradicts the answer stays editable even after the answer moved to Yes.
  const showDecision = isAddressable && answer !== undefined && ((answer !== 'yes' && answer !== 'not-assessed') || item.decisionConflict !== null)
  const isGap = answer === 'no' || answer === 'partly'

  return (
    <Card size="2" asChild>
      {/* Focusable from code only: the section's areas for review and "Next unanswered" move focus here. */}
      <article
        id={questionElementId(item.id)}
        tabIndex={-1}
        className="question-card"
        aria-labelledby={questionId}
        data-testid="question-card"
        data-question-id={item.id}
      >
        <Flex direction="column" gap="3">
          <Flex gap="2" align="center" wrap="wrap">
            <Text size="1" color="gray">
              {item.topic} · {item.citations.length === 1 ? `45 CFR ${item.citations[0]}` : `supports ${item.citations.join(', ')}`}
            </Text>
            {item.group !== 'cloud' && (
              <Badge
                color={isAddressable ? 'blue' : 'gray'}
                variant="soft"
                highContrast
                title={isAddressable ? 'You may meet this another way, but must record what you decided' : 'Must be in place'}
              >
                {isAddressable ? 'Addressable' : 'Required'}
              </Badge>
            )}
            {item.cloudControl && (
              <Badge
                color={item.cloudControl.ruleStatus === 'required' ? 'gray' : 'blue'}
                variant="soft"
                highContrast
                title={item.cloudControl.basis}
              >
                {CONTROL_RULE_STATUS_TEXT[item.cloudControl.ruleStatus]} · {CONTROL_ORIGIN_TEXT[item.cloudControl.origin]}
              </Badge>
            )}
            {item.answer?.toConfirm && (
              <Badge color="amber" variant="soft" highContrast>
                From last period: confirm
              </Badge>
            )}
            {item.decisionNeeded && (
              <Badge color="orange" variant="soft" highContrast>
                Decision needed
              </Badge>
            )}
            {item.decisionConflict && (
              <Badge color="red" variant="soft" highContrast title={item.decisionConflict}>
                Decision contradicts answer
              </Badge>
            )}
          </Flex>
          <Heading as="h3" size="3" id={questionId}>
            {item.text}
          </Heading>
          <Text as="p" size="2">
            <Text weight="medium">What good looks like: </Text>
            {item.guidance}
          </Text>
          <details>
            <summary>
              <Text size="2" weight="medium">
                What proves it ({formatNumber(item.evidence.length)})
              </Text>
            </summary>
            <ul className="evidence-list">
              {item.evidence.map(evidence => (
                <li key={evidence}>
                  <Text size="2">{evidence}</Text>
                </li>
              ))}
            </ul>
          </details>

          <QuestionEvidence citations={item.citations} />
          <SpecificationFreshness citations={item.citations} periodId={props.periodId} />
          <EvidenceDisclosure
            label="Evidence for this answer"
            target={{ kind: 'answer', id: item.id }}
            targetName="this answer"
            periodId={props.periodId}
            readOnly={props.readOnly}
          />

          <RadioGroup.Root
            onKeyDown={selectFocusedRadioOnArrow}
            value={selected}
            onValueChange={value => {
              setSelected(value as AnswerValue)
              void save({ value: value as AnswerValue })
            }}
            disabled={props.readOnly}
            aria-label={`Answer: ${item.text}`}
            size="2"
          >
            <Flex gap="4" wrap="wrap">
              {ANSWER_OPTIONS.map(option => (
                <RadioGroup.Item key={option.value} value={option.value} title={option.hint}>
                  {option.label}
                </RadioGroup.Item>
              ))}
            </Flex>
          </RadioGroup.Root>

          <Flex gap="3" wrap="wrap" align="end">
            <Flex direction="column" gap="1" flexGrow="1" minWidth="260px">
              <Text as="label" size="2" weight="medium" htmlFor={`${questionId}-notes`}>
                Notes
              </Text>
              <TextArea
                id={`${questionId}-notes`}
                value={notes}
                placeholder="What you have in place, and where the evidence is kept"
                disabled={props.readOnly}
                onChange={event => setNotes(event.target.value)}
                onBlur={() => notes !== (item.answer?.notes ?? '') && void save({ notes })}
                rows={2}
              />
            </Flex>
            {item.valueField && (
              <Flex direction="column" gap="1" minWidth="200px">
                <Text as="label" size="2" weight="medium" htmlFor={`${questionId}-value`}>
                  {item.valueField.label}
                  {item.valueField.unit ? ` (${item.valueField.unit})` : ''}
                </Text>
                {item.valueField.type === 'choice' ? (
                  <Select.Root
                    value={fieldValue || undefined}
                    disabled={props.readOnly}
                    onValueChange={value => {
                      setFieldValue(value)
                      saveFieldValue(value)
                    }}
                  >
                    <Select.Trigger id={`${questionId}-value`} placeholder="Choose…" />
                    <Select.Content>
                      {item.valueField.choices?.map(choice => (
                        <Select.Item key={choice} value={choice}>
                          {choice}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                ) : (
                  <TextField.Root
                    id={`${questionId}-value`}
                    type={item.valueField.type === 'number' ? 'number' : 'text'}
                    min={item.valueField.min}
                    max={item.valueField.max}
                    value={fieldValue}
                    disabled={props.readOnly}
                    placeholder={item.valueField.recommended !== undefined ? `Suggested: ${item.valueField.recommended}` : undefined}
                    onChange={event => setFieldValue(event.target.value)}
                    onBlur={() => saveFieldValue(fieldValue)}
                  />
                )}
              </Flex>
            )}
          </Flex>

          <Flex gap="3" align="center">
            {item.answer?.toConfirm && !props.readOnly && (
              <Button variant="soft" color="amber" onClick={() => void save({ toConfirm: false })}>
                Confirm last period’s answer
              </Button>
            )}
            <Text
              size="1"
              role="status"
              className={status?.kind === 'error' ? 'form-error' : undefined}
              color={status?.kind === 'saved' ? 'gray' : undefined}
            >
              {status?.text}
            </Text>
          </Flex>

          {item.answer && <AnswerHistory questionId={item.id} periodId={props.periodId} />}
          {item.decisionConflict && (
            <Callout.Root color="red" size="1" role="alert">
              <Callout.Text>{item.decisionConflict}</Callout.Text>
            </Callout.Root>
          )}
          {showDecision && (
            <DecisionEditor
              citation={item.citations[0]!}
              topic={item.topic}
              decision={props.decision}
              readOnly={props.readOnly}
              onChanged={props.onChanged}
            />
          )}
          {showDecision && props.decision && (
            <EvidenceDisclosure
              label="Evidence for the decision"
              target={{ kind: 'decision', id: item.citations[0]! }}
              targetName={`the decision on ${item.citations[0]!}`}
              periodId={props.periodId}
              readOnly={props.readOnly}
            />
          )}
          {isGap && <RiskEditor item={item} readOnly={props.readOnly} onChanged={props.onChanged} />}
        </Flex>
      </article>
    </Card>
  )
}
