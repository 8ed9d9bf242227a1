import { useId, useState } from 'react'
import { Badge, Box, Button, Flex, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { QuestionItem, RiskStatus } from '../../../../main/assessment/contract'
import { api, errorMessage } from '../../api'
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, RISK_STATUS_LABELS } from './labels'
import { DateInput } from '../../components/DateInput'
import { useFormDraft } from '../../components/form-draft'
import { UnsavedChangesNote } from '../../components/UnsavedChangesNote'

const SCALE = ['1', '2', '3', '4', '5']

/** Same bands as main/assessment/risk-level.ts, for the preview before saving. */
function previewLevel(likelihood: number, impact: number) {
  const score = likelihood * impact
  return score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low'
}

/** Rating a gap: how likely, how bad, who fixes it and by when. */
export function RiskEditor(props: { item: QuestionItem; readOnly: boolean; onChanged(): void }) {
  const id = useId()
  const risk = props.item.risk
  // Kept as a draft until saved or discarded, so switching family or area loses nothing typed.
  const draft = useFormDraft(`assessment.risk:${props.item.id}`, () => ({
    likelihood: risk ? String(risk.likelihood) : '',
    impact: risk ? String(risk.impact) : '',
    owner: risk?.owner ?? '',
    remediation: risk?.remediation ?? '',
    dueOn: risk?.dueOn ?? '',
    status: risk?.status ?? ('open' as RiskStatus)
  }))
  const { likelihood, impact, owner, remediation, dueOn, status } = draft.values
  const [setLikelihood, setImpact, setOwner] = [
    (v: string) => draft.set('likelihood', v),
    (v: string) => draft.set('impact', v),
    (v: string) => draft.set('owner', v)
  ]
  const [setRemediation, setDueOn, setStatus] = [
    (v: string) => draft.set('remediation', v),
    (v: string) => draft.set('dueOn', v),
    (v: RiskStatus) => draft.set('status', v)
  ]
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)

  const save = async () => {
    if (!likelihood || !impact) return setMessage({ error: true, text: 'Choose both how likely and how bad it would be.' })
    try {
      await api['assessment.rateRisk']({
        questionId: props.item.id,
        likelihood: Number(likelihood),
        impact: Number(impact),
        owner,
        remediation,
        dueOn: dueOn || null,
        status
      })
      draft.clear()
      setMessage({ error: false, text: 'Risk rating saved.' })
      props.onChanged()
    } catch (error) {
      setMessage({ error: true, text: errorMessage(error) })
    }
  }
  const level = likelihood && impact ? previewLevel(Number(likelihood), Number(impact)) : null

  return (
    <Box className="risk-panel" p="3">
      <Flex direction="column" gap="3">
        <UnsavedChangesNote shown={draft.restored} onDiscard={draft.discard} />
        <Flex gap="2" align="center" wrap="wrap">
          <Text size="2" weight="bold">
            This is a gap. Rate the risk so it can be planned and tracked.
          </Text>
          {level && (
            <Badge color={RISK_LEVEL_COLORS[level]} variant="soft" highContrast data-testid="risk-level">
              {RISK_LEVEL_LABELS[level]} risk
            </Badge>
          )}
        </Flex>
        <Flex gap="3" wrap="wrap">
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-likelihood`}>
              How likely is a problem?
            </Text>
            <Select.Root value={likelihood || undefined} onValueChange={setLikelihood} disabled={props.readOnly}>
              <Select.Trigger id={`${id}-likelihood`} placeholder="Choose 1–5" />
              <Select.Content>
                {SCALE.map(n => (
                  <Select.Item key={n} value={n}>
                    {n} – {LIKELIHOOD_LABELS[Number(n)]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Flex>
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-impact`}>
              How bad would it be?
            </Text>
            <Select.Root value={impact || undefined} onValueChange={setImpact} disabled={props.readOnly}>
              <Select.Trigger id={`${id}-impact`} placeholder="Choose 1–5" />
              <Select.Content>
                {SCALE.map(n => (
                  <Select.Item key={n} value={n}>
                    {n} – {IMPACT_LABELS[Number(n)]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Flex>
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-owner`}>
              Owner
            </Text>
            <TextField.Root id={`${id}-owner`} value={owner} disabled={props.readOnly} onChange={e => setOwner(e.target.value)} />
          </Flex>
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-due`}>
              Due date
            </Text>
            <DateInput id={`${id}-due`} value={dueOn} disabled={props.readOnly} onChange={e => setDueOn(e.target.value)} />
          </Flex>
          <Flex direction="column" gap="1">
            <Text as="label" size="2" weight="medium" htmlFor={`${id}-status`}>
              Status
            </Text>
            <Select.Root value={status} onValueChange={value => setStatus(value as RiskStatus)} disabled={props.readOnly}>
              <Select.Trigger id={`${id}-status`} />
              <Select.Content>
                {(Object.keys(RISK_STATUS_LABELS) as RiskStatus[]).map(s => (
                  <Select.Item key={s} value={s}>
                    {RISK_STATUS_LABELS[s]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Flex>
        </Flex>
        <Flex direction="column" gap="1">
          <Text as="label" size="2" weight="medium" htmlFor={`${id}-plan`}>
            Remediation plan
          </Text>
          <TextArea
            id={`${id}-plan`}
            value={remediation}
            rows={2}
            disabled={props.readOnly}
            placeholder="What will be done to close the gap"
            onChange={e => setRemediation(e.target.value)}
          />
        </Flex>
        <Flex gap="3" align="center">
          <Button onClick={() => void save()} disabled={props.readOnly}>
            Save risk rating
          </Button>
          <Text size="1" role="status" className={message?.error ? 'form-error' : undefined}>
            {message?.text}
          </Text>
        </Flex>
      </Flex>
    </Box>
  )
}
