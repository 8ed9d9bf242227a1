import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { Badge, Button, Callout, Card, Flex, Heading, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { RiskCatalogView, RiskDetail, ScaleStep, ScenarioStatus, UpdateRiskInput } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { STATUS_LABELS, STATUSES } from './labels'
import { LevelBadge } from './LevelBadge'
import { AssetsEditor } from './AssetsEditor'
import { TreatmentEditor } from './TreatmentEditor'
import { VulnerabilitiesEditor } from './VulnerabilitiesEditor'
import { saveStateText, useAutosave } from '../../components/use-autosave'
import { useDraft } from '../../components/drafts'
import { DateInput } from '../../components/DateInput'
import { EvidencePanel } from '../../evidence/EvidencePanel'

type Fields = Omit<UpdateRiskInput, 'id'>
type TextFieldName = 'title' | 'description' | 'likelihoodRationale' | 'impactRationale' | 'existingControls' | 'treatmentPlan' | 'owner'
const TEXT_FIELDS: TextFieldName[] = ['title', 'description', 'likelihoodRationale', 'impactRationale', 'existingControls', 'treatmentPlan', 'owner']
const NOT_RATED = 'unrated'

/** One risk, whole, edited in place: each change is saved as the person types, and on leaving. */
export function RiskScenarioPanel(props: {
  riskId: number
  catalog: RiskCatalogView
  readOnly: boolean
  onSaved(): void
  onDeleted(): void
  onClose(): void
}) {
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const [detail, setDetail] = useState<RiskDetail | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [deleteError, setDeleteError] = useState<string | null>(null)
  // What the person types lives here; a save's answer never overwrites it, so nothing typed is eaten.
  const [text, setText] = useState<Record<TextFieldName, string> | null>(null)
  // Typed text the server has not taken yet (a save still waiting, or refused) outlives the panel as a draft.
  const [unsaved, keepUnsaved, , , , pruneUnsaved] = useDraft<Partial<Record<TextFieldName, string>>>(`risk:${props.riskId}:text`, {})
  const leftUnsaved = useRef(unsaved)
  const { onSaved } = props
  const autosave = useAutosave<Fields>(async fields => {
    const saved = await api['risks.update']({ id: props.riskId, ...fields })
    setDetail(saved)
    onSaved()
    pruneUnsaved(stored => {
      const rest = Object.fromEntries(Object.entries(stored).filter(([field, value]) => fields[field as TextFieldName] !== value))
      return Object.keys(rest).length > 0 ? rest : undefined
    })
  })
  const { queue, flush } = autosave

  useEffect(() => {
    let live = true
    api['risks.get']({ id: props.riskId }).then(
      risk => {
        if (!live) return
        setDetail(risk)
        const left = leftUnsaved.current
        setText({ ...(Object.fromEntries(TEXT_FIELDS.map(field => [field, risk[field]])) as Record<TextFieldName, string>), ...left })
        // Text left unsaved last time is tried again, so a refusal is said again instead of the text quietly reverting.
        if (Object.keys(left).length > 0) {
          queue(left)
          flush()
        }
        requestAnimationFrame(() => headingRef.current?.focus())
      },
      error => live && setLoadError(errorMessage(error))
    )
    return () => {
      live = false
    }
  }, [props.riskId, queue, flush])

  if (loadError)
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>{loadError}</Callout.Text>
      </Callout.Root>
    )
  if (!detail || !text) return null
  const disabled = props.readOnly
  const { scale } = props.catalog
  const typed = (field: TextFieldName) => ({
    id: `${id}-${field}`,
    value: text[field],
    disabled,
    onChange: (event: { target: { value: string } }) => {
      setText(current => ({ ...current!, [field]: event.target.value }))
      keepUnsaved({ ...unsaved, [field]: event.target.value })
      autosave.queue({ [field]: event.target.value })
    },
    onBlur: autosave.flush
  })
  // A choice is saved at once (with anything typed before it).
  const choose = (fields: Fields) => {
    autosave.queue(fields)
    autosave.flush()
  }
  const changed = (risk: RiskDetail) => {
    setDetail(risk)
    onSaved()
  }

  return (
    <Card size="3" asChild>
      <section aria-labelledby={`${id}-heading`} className="risk-scenario-panel" data-testid="risk-panel">
        <Flex direction="column" gap="4">
          <Flex justify="between" align="start" gap="3" wrap="wrap">
            <Flex direction="column" gap="1">
              <Heading as="h2" size="4" id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
                {detail.title}
              </Heading>
              <Flex gap="2" align="center" wrap="wrap">
                <Text size="2">Inherent risk</Text>
                <LevelBadge level={detail.level} label={detail.levelLabel} />
                <Text size="2">Residual risk</Text>
                <LevelBadge level={detail.residualLevel} label={detail.residualLevelLabel} />
                {detail.overdue && (
                  <Badge color="red" variant="soft" highContrast>
                    Overdue
                  </Badge>
                )}
              </Flex>
            </Flex>
            <Flex gap="3" align="center">
              <Text size="2" color={autosave.state.kind === 'error' ? 'red' : 'gray'} role="status" data-testid="risk-save-state">
                {saveStateText(autosave.state)}
              </Text>
              <Button
                variant="soft"
                color="gray"
                onClick={() => {
                  autosave.flush()
                  props.onClose()
                }}
              >
                Close
              </Button>
            </Flex>
          </Flex>
          {detail.review && (
            <Callout.Root color="orange" highContrast>
              <Callout.Text>{detail.review.message}</Callout.Text>
            </Callout.Root>
          )}

          <Field id={`${id}-title`} label="Title">
            <TextField.Root {...typed('title')} placeholder="A short name for the scenario" />
          </Field>
          <Field id={`${id}-description`} label="What could happen">
            <TextArea {...typed('description')} rows={2} placeholder="The scenario in a sentence or two" />
          </Field>

          <AssetsEditor risk={detail} readOnly={disabled} onChange={assetIds => choose({ assetIds })} />

          <Field id={`${id}-threat`} label="Threat">
            <Select.Root value={detail.threat?.id ?? undefined} disabled={disabled} onValueChange={threatId => choose({ threatId })}>
              <Select.Trigger id={`${id}-threat`} placeholder="Choose the threat" />
              <Select.Content>
                {props.catalog.threats.map(threat => (
                  <Select.Item key={threat.id} value={threat.id}>
                    {threat.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Field>

          <VulnerabilitiesEditor risk={detail} readOnly={disabled} onChanged={changed} />

          <Heading as="h3" size="3">
            Inherent risk: before the planned treatment
          </Heading>
          <Flex gap="4" wrap="wrap">
            <Flex direction="column" gap="3" flexGrow="1" minWidth="280px">
              <StepSelect
                id={`${id}-likelihood`}
                label="Likelihood"
                steps={scale.likelihood}
                value={detail.likelihood}
                disabled={disabled}
                onChange={likelihood => choose({ likelihood })}
              />
              <Field id={`${id}-likelihoodRationale`} label="Why this likelihood">
                <TextArea {...typed('likelihoodRationale')} rows={2} />
              </Field>
            </Flex>
            <Flex direction="column" gap="3" flexGrow="1" minWidth="280px">
              <StepSelect
                id={`${id}-impact`}
                label="Impact"
                steps={scale.impact}
                value={detail.impact}
                disabled={disabled}
                onChange={impact => choose({ impact })}
              />
              <Field id={`${id}-impactRationale`} label="Why this impact">
                <TextArea {...typed('impactRationale')} rows={2} />
              </Field>
            </Flex>
          </Flex>
          <Field id={`${id}-existingControls`} label="Existing controls">
            <TextArea {...typed('existingControls')} rows={2} placeholder="What already stands in the way of this threat" />
          </Field>

          <Heading as="h3" size="3">
            Treatment
          </Heading>
          <Flex gap="3" wrap="wrap">
            <Field id={`${id}-owner`} label="Owner">
              <TextField.Root {...typed('owner')} placeholder="Who answers for this risk" />
            </Field>
            <Field id={`${id}-status`} label="Status">
              <Select.Root value={detail.status} disabled={disabled} onValueChange={status => choose({ status: status as ScenarioStatus })}>
                <Select.Trigger id={`${id}-status`} />
                <Select.Content>
                  {STATUSES.map(status => (
                    <Select.Item key={status} value={status}>
                      {STATUS_LABELS[status]}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Field>
            <Field id={`${id}-foundOn`} label="Found on">
              <DateInput
                id={`${id}-foundOn`}
                disabled={disabled}
                defaultValue={detail.foundOn}
                onChange={event => event.target.value && choose({ foundOn: event.target.value })}
              />
            </Field>
            <Field id={`${id}-dueOn`} label="Target date">
              <DateInput
                id={`${id}-dueOn`}
                disabled={disabled}
                defaultValue={detail.dueOn ?? ''}
                onChange={event => choose({ dueOn: event.target.value || null })}
              />
            </Field>
          </Flex>
          <TreatmentEditor risk={detail} catalog={props.catalog} readOnly={disabled} onChanged={changed} />
          <Field id={`${id}-treatmentPlan`} label="Treatment plan">
            <TextArea {...typed('treatmentPlan')} rows={2} placeholder="What will be done, in a sentence or two" />
          </Field>

          <Heading as="h3" size="3">
            Residual risk: after the planned treatment
          </Heading>
          <Flex gap="4" wrap="wrap">
            <StepSelect
              id={`${id}-residualLikelihood`}
              label="Residual likelihood"
              steps={scale.likelihood}
              value={detail.residualLikelihood}
              disabled={disabled}
              onChange={residualLikelihood => choose({ residualLikelihood })}
            />
            <StepSelect
              id={`${id}-residualImpact`}
              label="Residual impact"
              steps={scale.impact}
              value={detail.residualImpact}
              disabled={disabled}
              onChange={residualImpact => choose({ residualImpact })}
            />
          </Flex>
          {detail.earlierRating && (
            <Text size="1" color="gray">
              Carried over from the earlier gap register: likelihood {detail.earlierRating.likelihood} and impact {detail.earlierRating.impact} on its
              1–5 scale.
            </Text>
          )}
          <EvidencePanel target={{ kind: 'risk', id: String(detail.id) }} targetName="this risk" readOnly={disabled} headingSize="3" />
          {!disabled && (
            <Flex justify="end">
              <ConfirmDialog
                trigger={
                  <Button variant="soft" color="red">
                    Delete this risk
                  </Button>
                }
                title="Delete this risk?"
                description="The scenario, its tasks and its links to vulnerabilities are removed from this period. The change is kept in the history."
                confirmLabel="Delete risk"
                destructive
                onConfirm={() => void api['risks.delete']({ id: detail.id }).then(props.onDeleted, error => setDeleteError(errorMessage(error)))}
              />
            </Flex>
          )}
          {deleteError && (
            <Callout.Root color="red" role="alert">
              <Callout.Text>{deleteError}</Callout.Text>
            </Callout.Root>
          )}
        </Flex>
      </section>
    </Card>
  )
}

function Field(props: { id: string; label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1" flexGrow="1">
      <Text as="label" size="2" weight="medium" htmlFor={props.id}>
        {props.label}
      </Text>
      {props.children}
    </Flex>
  )
}

function StepSelect(props: {
  id: string
  label: string
  steps: { id: ScaleStep; label: string; description: string }[]
  value: ScaleStep | null
  disabled: boolean
  onChange(step: ScaleStep | null): void
}) {
  const chosen = props.steps.find(step => step.id === props.value)
  return (
    <Field id={props.id} label={props.label}>
      <Select.Root
        value={props.value ?? NOT_RATED}
        disabled={props.disabled}
        onValueChange={value => props.onChange(value === NOT_RATED ? null : (value as ScaleStep))}
      >
        <Select.Trigger id={props.id} />
        <Select.Content>
          <Select.Item value={NOT_RATED}>Not rated</Select.Item>
          {props.steps.map(step => (
            <Select.Item key={step.id} value={step.id}>
              {step.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
      {chosen && (
        <Text size="1" color="gray">
          {chosen.description}
        </Text>
      )}
    </Field>
  )
}
