import { useEffect, useId, useRef, type ReactNode } from 'react'
import { Callout, Flex, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { RiskCatalogView, RiskDetail, TransferParty, TreatmentInput, TreatmentKind, TreatmentView } from '../../../../main/risks/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { TRANSFER_LABELS, TRANSFER_PARTIES, TREATMENT_HINTS, TREATMENT_LABELS, TREATMENTS } from './labels'
import { TasksEditor } from './TasksEditor'
import { useDraft } from '../../components/drafts'
import { saveStateText, useAutosave } from '../../components/use-autosave'
import { DateInput } from '../../components/DateInput'
import { localToday } from '../business-associates/form-fields'

const NONE = 'none'
type Draft = {
  kind: TreatmentKind | typeof NONE
  approver: string
  approvedOn: string
  reason: string
  expiresOn: string
  to: TransferParty
  party: string
  businessAssociateId: string
  how: string
}

function draftOf(view: TreatmentView | null): Draft {
  // The computer's calendar day, as the date input shows it (toISOString would give the UTC day: tomorrow on a US evening).
  const today = localToday()
  const draft: Draft = {
    kind: view?.kind ?? NONE,
    approver: '',
    approvedOn: today,
    reason: '',
    expiresOn: '',
    to: 'insurer',
    party: '',
    businessAssociateId: '',
    how: ''
  }
  if (view?.kind === 'accept')
    return {
      ...draft,
      approver: view.approver ?? '',
      approvedOn: view.approvedOn ?? today,
      reason: view.reason ?? '',
      expiresOn: view.expiresOn ?? ''
    }
  if (view?.kind === 'transfer')
    return { ...draft, to: view.to, party: view.party, businessAssociateId: view.businessAssociateId ? String(view.businessAssociateId) : '' }
  if (view?.kind === 'avoid') return { ...draft, how: view.how }
  return draft
}

/** What is missing before this treatment can be recorded (short names), or the treatment to record. */
function treatmentOf(draft: Draft): { missing: string[] } | { treatment: TreatmentInput | null } {
  switch (draft.kind) {
    case NONE:
      return { treatment: null }
    case 'mitigate':
      return { treatment: { kind: 'mitigate' } }
    case 'accept': {
      const missing = [
        !draft.approver.trim() && 'approver',
        !draft.approvedOn && 'approval date',
        !draft.reason.trim() && 'reason',
        !draft.expiresOn && 'expiry'
      ].filter(item => item !== false)
      if (missing.length > 0) return { missing }
      return {
        treatment: { kind: 'accept', approver: draft.approver, approvedOn: draft.approvedOn, reason: draft.reason, expiresOn: draft.expiresOn }
      }
    }
    case 'transfer':
      if (draft.to === 'business-associate')
        return draft.businessAssociateId
          ? { treatment: { kind: 'transfer', to: draft.to, party: '', businessAssociateId: Number(draft.businessAssociateId) } }
          : { missing: ['business associate'] }
      return draft.party.trim()
        ? { treatment: { kind: 'transfer', to: draft.to, party: draft.party, businessAssociateId: null } }
        : { missing: [draft.to === 'insurer' ? 'insurer' : 'party'] }
    case 'avoid':
      return draft.how.trim() ? { treatment: { kind: 'avoid', how: draft.how } } : { missing: ['what was stopped or changed'] }
  }
}

/**
 * Mitigate, accept, transfer or avoid: each with what it needs, saved as soon as it is complete. Until then the
 * partly filled form is a draft kept for the session (the server takes only whole treatments), so leaving the
 * panel or the area never loses what was typed.
 */
export function TreatmentEditor(props: { risk: RiskDetail; catalog: RiskCatalogView; readOnly: boolean; onChanged(risk: RiskDetail): void }) {
  const id = useId()
  const [draft, keepDraft, , restored, forgetDraftIfStill] = useDraft<Draft>(`risk:${props.risk.id}:treatment`, () =>
    draftOf(props.risk.treatmentDetail)
  )
  // The form stays a draft until the server has taken it: a refused save (say, an expiry before the approval) loses nothing.
  const autosave = useAutosave<{ treatment: TreatmentInput | null; draft: Draft }>(async ({ treatment, draft: saved }) => {
    props.onChanged(await api['risks.setTreatment']({ id: props.risk.id, treatment: treatment ?? null }))
    if (saved) forgetDraftIfStill(saved)
  })
  // A complete draft left from before was refused by the server (or not yet answered): try it again, so its error shows.
  const retried = useRef(false)
  useEffect(() => {
    // Only on opening: later edits save through update().
    if (retried.current) return
    retried.current = true
    if (!restored) return
    const outcome = treatmentOf(draft)
    if ('treatment' in outcome) {
      autosave.queue({ treatment: outcome.treatment, draft })
      autosave.flush()
    }
  }, [restored, draft, autosave])
  const baas = useLoaded(() => (draft.kind === 'transfer' ? api['baas.list']({}) : Promise.resolve(null)), [draft.kind])
  const result = treatmentOf(draft)
  const update = (change: Partial<Draft>, immediately = false) => {
    const next = { ...draft, ...change }
    keepDraft(next)
    const outcome = treatmentOf(next)
    if ('treatment' in outcome) {
      autosave.queue({ treatment: outcome.treatment, draft: next })
      if (immediately) autosave.flush()
    }
  }
  const typed = (field: 'approver' | 'reason' | 'party' | 'how') => ({
    id: `${id}-${field}`,
    value: draft[field],
    disabled: props.readOnly,
    onChange: (event: { target: { value: string } }) => update({ [field]: event.target.value }),
    onBlur: autosave.flush
  })

  return (
    <Flex direction="column" gap="3" className="risk-treatment">
      <Flex gap="3" align="end" wrap="wrap">
        <Flex direction="column" gap="1">
          <Text as="label" size="2" weight="medium" htmlFor={`${id}-kind`}>
            How the risk is treated
          </Text>
          <Select.Root value={draft.kind} disabled={props.readOnly} onValueChange={kind => update({ kind: kind as Draft['kind'] }, true)}>
            <Select.Trigger id={`${id}-kind`} />
            <Select.Content>
              <Select.Item value={NONE}>Not decided yet</Select.Item>
              {TREATMENTS.map(kind => (
                <Select.Item key={kind} value={kind}>
                  {TREATMENT_LABELS[kind]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Flex>
        {draft.kind !== NONE && (
          <Text size="2" color="gray">
            {TREATMENT_HINTS[draft.kind]}
          </Text>
        )}
        <Text size="2" color={autosave.state.kind === 'error' ? 'red' : 'gray'} role="status">
          {saveStateText(autosave.state)}
        </Text>
      </Flex>

      {draft.kind === 'accept' && (
        <Flex gap="3" wrap="wrap">
          <Labelled id={`${id}-approver`} label="Approved by">
            <TextField.Root {...typed('approver')} placeholder="The person with authority to accept it" />
          </Labelled>
          <Labelled id={`${id}-approvedOn`} label="Approved on">
            <DateInput
              id={`${id}-approvedOn`}
              value={draft.approvedOn}
              disabled={props.readOnly}
              onChange={e => update({ approvedOn: e.target.value })}
            />
          </Labelled>
          <Labelled id={`${id}-expiresOn`} label="Acceptance expires on">
            <DateInput
              id={`${id}-expiresOn`}
              value={draft.expiresOn}
              disabled={props.readOnly}
              onChange={e => update({ expiresOn: e.target.value })}
            />
          </Labelled>
          <Labelled id={`${id}-reason`} label="Why the risk is accepted" wide>
            <TextArea {...typed('reason')} rows={2} />
          </Labelled>
          <Text size="1" color="gray">
            After the expiry date the risk comes back for review.
          </Text>
        </Flex>
      )}

      {draft.kind === 'transfer' && (
        <Flex gap="3" wrap="wrap" align="end">
          <Labelled id={`${id}-to`} label="Transferred to">
            <Select.Root value={draft.to} disabled={props.readOnly} onValueChange={to => update({ to: to as TransferParty }, true)}>
              <Select.Trigger id={`${id}-to`} />
              <Select.Content>
                {TRANSFER_PARTIES.map(party => (
                  <Select.Item key={party} value={party}>
                    {TRANSFER_LABELS[party]}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Labelled>
          {draft.to === 'business-associate' ? (
            <Labelled id={`${id}-ba`} label="Business associate">
              <Select.Root
                value={draft.businessAssociateId}
                disabled={props.readOnly}
                onValueChange={value => update({ businessAssociateId: value }, true)}
              >
                <Select.Trigger id={`${id}-ba`} placeholder="Choose from the register" />
                <Select.Content>
                  {(baas.data ?? []).map(associate => (
                    <Select.Item key={associate.id} value={String(associate.id)}>
                      {associate.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Labelled>
          ) : (
            <Labelled id={`${id}-party`} label={draft.to === 'insurer' ? 'Insurer' : 'Party'}>
              <TextField.Root {...typed('party')} placeholder="Name and policy or contract" />
            </Labelled>
          )}
        </Flex>
      )}

      {draft.kind === 'avoid' && (
        <Labelled id={`${id}-how`} label="What was stopped or changed" wide>
          <TextArea {...typed('how')} rows={2} />
        </Labelled>
      )}

      {'missing' in result && (
        <Callout.Root color="amber" highContrast size="1" data-testid="treatment-draft">
          <Callout.Text>
            <strong>Draft, not yet saved:</strong> missing {result.missing.join(', ')}. What you typed is kept while you work elsewhere and recorded
            once complete.
          </Callout.Text>
        </Callout.Root>
      )}

      {draft.kind === 'mitigate' && (
        <TasksEditor
          risk={props.risk}
          readOnly={props.readOnly}
          onChanged={() => void api['risks.get']({ id: props.risk.id }).then(props.onChanged)}
        />
      )}
    </Flex>
  )
}

function Labelled(props: { id: string; label: string; wide?: boolean; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1" flexGrow={props.wide ? '1' : undefined} minWidth={props.wide ? '100%' : undefined}>
      <Text as="label" size="2" weight="medium" htmlFor={props.id}>
        {props.label}
      </Text>
      {props.children}
    </Flex>
  )
}
