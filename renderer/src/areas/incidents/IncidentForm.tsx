import { useId, useState } from 'react'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { useFormDraft } from '../../components/form-draft'
import { UnsavedChangesNote } from '../../components/UnsavedChangesNote'
import { Box, Button, Checkbox, Dialog, Flex, Grid, Heading, IconButton, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import { BreachOutcomeFields, assessmentOf, outcomeErrors, outcomeValuesOf, type OutcomeValues } from './BreachOutcomeFields'
import { BusinessAssociateClockFields, baClockErrors, baClockValuesOf, baaWindowOf, type BaClockValues } from './BusinessAssociateClockFields'
import type { IncidentInput, IncidentRecord, JurisdictionCode, StateLawView } from '../../../../main/breach/contract'
import { api, errorMessage } from '../../api'
import { DateField, Field, dateError, describedBy, splitList } from '../business-associates/form-fields'
import { countOf } from '../../components/count-of'
import { formatDate } from '../../components/format-date'

type Role = IncidentRecord['role']
interface AffectedRow {
  key: number
  state: string
  count: string
}

const countError = (value: string) => (/^\d+$/.test(value) ? null : 'Enter a whole number of people (0 or more).')

/** Recording or editing an incident. Counts and categories only: never names or record numbers. */
export function IncidentForm(props: {
  existing: IncidentRecord | null
  jurisdictions: StateLawView['jurisdictions']
  /** Parties of the register the incident can be linked to (the business associate involved, or our client). */
  parties: { id: number; name: string }[]
  open: boolean
  onOpenChange(open: boolean): void
  onSaved(id: number): void
}) {
  const id = useId()
  const e = props.existing
  const delay = e?.lawEnforcementDelays[0]
  // The form edits the first statement; later ones (e.g. a written follow-up from an import) are kept as they are.
  const laterDelays = e?.lawEnforcementDelays.slice(1) ?? []
  // What is typed is kept as a draft until saved or discarded: closing the dialog or leaving the area loses nothing.
  const draft = useFormDraft(`incidents.incident:${e?.id ?? 'new'}`, () => ({
    title: e?.title ?? '',
    description: e?.description ?? '',
    phiCategories: e?.phiCategories.join('; ') ?? '',
    discoveredOn: e?.discoveredOn ?? '',
    breachOn: e?.breachOn ?? '',
    role: (e?.role ?? 'covered-entity') as Role,
    licensed: e?.licensedHealthFacility ?? false,
    ...baClockValuesOf(e ?? null),
    partyId: e?.businessAssociateId ? String(e.businessAssociateId) : 'none',
    rows: Object.entries(e?.affectedByState ?? {}).map(([state, count], index) => ({ key: index, state, count: String(count) })),
    delayKind: (delay?.kind ?? 'none') as 'none' | 'written' | 'oral',
    delayStatedOn: delay?.statedOn ?? '',
    delayUntil: delay?.until ?? '',
    delayOfficial: delay?.official ?? '',
    ...outcomeValuesOf(e ?? null)
  }))
  const { title, description, phiCategories, discoveredOn, breachOn, role, licensed, partyId } = draft.values
  const { rows, delayKind, delayStatedOn, delayUntil, delayOfficial } = draft.values
  const setter =
    <K extends keyof typeof draft.values>(field: K) =>
    (value: (typeof draft.values)[K] | ((previous: (typeof draft.values)[K]) => (typeof draft.values)[K])) =>
      draft.set(field, value)
  const setTitle = setter('title')
  const setDescription = setter('description')
  const setPhiCategories = setter('phiCategories')
  const setDiscoveredOn = setter('discoveredOn')
  const setBreachOn = setter('breachOn')
  const setRole = setter('role')
  const setLicensed = setter('licensed')
  const setPartyId = setter('partyId')
  const setRows = setter('rows')
  const setDelayKind = setter('delayKind')
  const setDelayStatedOn = setter('delayStatedOn')
  const setDelayUntil = setter('delayUntil')
  const setDelayOfficial = setter('delayOfficial')
  const setOutcomeField = <K extends keyof OutcomeValues>(field: K, value: OutcomeValues[K]) => draft.set(field, value as (typeof draft.values)[K])
  const setBaClockField = <K extends keyof BaClockValues>(field: K, value: BaClockValues[K]) => draft.set(field, value as (typeof draft.values)[K])
  const [submitted, setSubmitted] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const duplicates = new Set(rows.map(r => r.state).filter((state, index, all) => state !== '' && all.indexOf(state) !== index))
  const errors = {
    title: title.trim() === '' ? 'Give the incident a short title (no names).' : null,
    discoveredOn: dateError(discoveredOn, 'The discovery date', true),
    breachOn:
      dateError(breachOn, 'The breach date') ??
      (breachOn && discoveredOn && breachOn > discoveredOn ? 'The breach cannot come after its discovery.' : null),
    delayStatedOn: delayKind === 'none' ? null : dateError(delayStatedOn, 'The date of the statement', true),
    delayUntil:
      delayKind === 'none'
        ? null
        : (dateError(delayUntil, 'The end of the delay', delayKind === 'written') ??
          (delayUntil && delayStatedOn && delayUntil < delayStatedOn ? 'The delay cannot end before it was stated.' : null)),
    rows: rows.some(r => r.state === '')
      ? 'Choose a state for every row.'
      : duplicates.size > 0
        ? `Each state once: ${[...duplicates].join(', ')} appears twice.`
        : null
  }
  const rowErrors = rows.map(r => countError(r.count))
  const baErrors = baClockErrors(draft.values, role, discoveredOn)
  const earliestDiscovery =
    role === 'covered-entity' && draft.values.baDiscoveredOn && draft.values.baDiscoveredOn < discoveredOn
      ? draft.values.baDiscoveredOn
      : discoveredOn
  const assessmentErrors = outcomeErrors(draft.values, earliestDiscovery)
  const shown = (error: string | null) => (submitted ? error : null)

  const save = async () => {
    setSubmitted(true)
    if ([errors, baErrors, assessmentErrors].some(group => Object.values(group).some(Boolean)) || rowErrors.some(Boolean)) return
    const window = baaWindowOf(draft.values)
    const incident: IncidentInput = {
      title,
      description,
      phiCategories: splitList(phiCategories),
      discoveredOn,
      ...(breachOn ? { breachOn } : {}),
      role,
      assessment: assessmentOf(draft.values),
      affectedByState: Object.fromEntries(rows.map(r => [r.state, Number(r.count)])) as Partial<Record<JurisdictionCode, number>>,
      ...(delayKind !== 'none' || laterDelays.length > 0
        ? {
            lawEnforcementDelay: [
              ...(delayKind !== 'none'
                ? [
                    {
                      kind: delayKind,
                      statedOn: delayStatedOn,
                      ...(delayUntil ? { until: delayUntil } : {}),
                      ...(delayOfficial ? { official: delayOfficial } : {})
                    }
                  ]
                : []),
              ...laterDelays
            ]
          }
        : {}),
      ...(role === 'business-associate' && window ? { baaReportingWindow: window } : {}),
      ...(role === 'covered-entity' && draft.values.baDiscoveredOn
        ? { baDiscoveredOn: draft.values.baDiscoveredOn, baIsAgent: draft.values.baIsAgent }
        : {}),
      licensedHealthFacility: licensed,
      businessAssociateId: partyId === 'none' ? null : Number(partyId)
    }
    try {
      const saved = e ? await api['incidents.update']({ id: e.id, incident }) : await api['incidents.create']({ incident })
      setSaveError(null)
      draft.clear()
      props.onSaved(saved.incident.id)
      props.onOpenChange(false)
    } catch (error) {
      setSaveError(errorMessage(error))
    }
  }

  const updateRow = (key: number, change: Partial<AffectedRow>) => setRows(all => all.map(r => (r.key === key ? { ...r, ...change } : r)))

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Content maxWidth="760px">
        <Dialog.Title>{e ? `Edit ${e.title}` : 'Record an incident'}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Record counts and categories only: never patients’ names, record numbers or other PHI. Discovery starts the clocks.
        </Dialog.Description>
        <form
          noValidate
          onSubmit={event => {
            event.preventDefault()
            void save()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            <UnsavedChangesNote shown={draft.restored} onDiscard={draft.discard} />
            <Field id={`${id}-title`} label="Title" error={shown(errors.title)}>
              <TextField.Root
                id={`${id}-title`}
                value={title}
                onChange={ev => setTitle(ev.target.value)}
                {...describedBy(`${id}-title`, { error: shown(errors.title) })}
              />
            </Field>
            <Field id={`${id}-description`} label="What happened" hint="No names or identifiers.">
              <TextArea
                id={`${id}-description`}
                rows={3}
                value={description}
                onChange={ev => setDescription(ev.target.value)}
                {...describedBy(`${id}-description`, { hint: true })}
              />
            </Field>
            <Grid columns={{ initial: '1', sm: '3' }} gap="3">
              <DateField
                id={`${id}-discovered`}
                label="Discovered on"
                value={discoveredOn}
                onChange={setDiscoveredOn}
                error={shown(errors.discoveredOn)}
              />
              <DateField
                id={`${id}-breach`}
                label="Breach happened on (if known)"
                value={breachOn}
                onChange={setBreachOn}
                error={shown(errors.breachOn)}
              />
              <Field id={`${id}-role`} label="Our role in it">
                <Select.Root value={role} onValueChange={value => setRole(value as Role)}>
                  <Select.Trigger id={`${id}-role`} />
                  <Select.Content>
                    <Select.Item value="covered-entity">Covered entity</Select.Item>
                    <Select.Item value="business-associate">Business associate</Select.Item>
                  </Select.Content>
                </Select.Root>
              </Field>
            </Grid>
            <Field id={`${id}-phi`} label="Kinds of PHI involved" hint="Separate with semicolons, e.g. demographics; diagnoses">
              <TextField.Root
                id={`${id}-phi`}
                value={phiCategories}
                onChange={ev => setPhiCategories(ev.target.value)}
                {...describedBy(`${id}-phi`, { hint: true })}
              />
            </Field>
            <Field
              id={`${id}-party`}
              label={role === 'business-associate' ? 'Client it concerns' : 'Business associate involved'}
              hint={role === 'business-associate' ? 'Its agreement’s reporting window applies unless you set one below.' : 'Optional.'}
            >
              <Select.Root value={partyId} onValueChange={setPartyId}>
                <Select.Trigger id={`${id}-party`} aria-describedby={`${id}-party-hint`} />
                <Select.Content>
                  <Select.Item value="none">None</Select.Item>
                  {props.parties.map(party => (
                    <Select.Item key={party.id} value={String(party.id)}>
                      {party.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Field>
            <BusinessAssociateClockFields
              id={id}
              role={role}
              values={draft.values}
              set={setBaClockField}
              errors={{ windowAmount: shown(baErrors.windowAmount), baDiscoveredOn: shown(baErrors.baDiscoveredOn) }}
            />

            <Box>
              <Heading as="h3" size="3" mb="2">
                People affected, by state
              </Heading>
              <Flex direction="column" gap="2">
                {rows.map((row, index) => (
                  <Flex key={row.key} gap="2" align="end">
                    <Field id={`${id}-state-${row.key}`} label={`State ${index + 1}`}>
                      <Select.Root value={row.state || undefined} onValueChange={state => updateRow(row.key, { state })}>
                        <Select.Trigger id={`${id}-state-${row.key}`} placeholder="Choose a state" style={{ minWidth: 240 }} />
                        <Select.Content>
                          {props.jurisdictions.map(j => (
                            <Select.Item key={j.code} value={j.code}>
                              {j.name} ({j.code})
                            </Select.Item>
                          ))}
                        </Select.Content>
                      </Select.Root>
                    </Field>
                    <Field id={`${id}-count-${row.key}`} label={`Residents affected ${index + 1}`} error={shown(rowErrors[index] ?? null)}>
                      <TextField.Root
                        id={`${id}-count-${row.key}`}
                        inputMode="numeric"
                        value={row.count}
                        onChange={ev => updateRow(row.key, { count: ev.target.value })}
                        {...describedBy(`${id}-count-${row.key}`, { error: shown(rowErrors[index] ?? null) })}
                      />
                    </Field>
                    <IconButton
                      type="button"
                      variant="soft"
                      color="gray"
                      aria-label={`Remove state ${index + 1}`}
                      onClick={() => setRows(all => all.filter(r => r.key !== row.key))}
                    >
                      ×
                    </IconButton>
                  </Flex>
                ))}
                {shown(errors.rows) && (
                  <Text size="1" color="red" role="alert">
                    {errors.rows}
                  </Text>
                )}
                <Button
                  type="button"
                  variant="soft"
                  style={{ alignSelf: 'flex-start' }}
                  onClick={() => setRows(all => [...all, { key: Math.max(0, ...all.map(r => r.key)) + 1, state: '', count: '0' }])}
                >
                  Add a state
                </Button>
              </Flex>
            </Box>

            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={licensed} onCheckedChange={checked => setLicensed(checked === true)} />
                We are a California licensed clinic, health facility, home health agency or hospice
              </Flex>
            </Text>

            <Box>
              <Heading as="h3" size="3" mb="2">
                Law-enforcement delay (45 CFR 164.412)
              </Heading>
              {laterDelays.length > 0 && (
                <Text as="p" size="1" color="gray" mb="2">
                  {countOf(laterDelays.length, 'later statement')} on record (
                  {laterDelays.map(d => `${d.kind}, ${formatDate(d.statedOn)}`).join('; ')}) will be kept.
                </Text>
              )}
              <Grid columns={{ initial: '1', sm: '2' }} gap="3">
                <Field id={`${id}-delay-kind`} label="Statement">
                  <Select.Root value={delayKind} onValueChange={value => setDelayKind(value as typeof delayKind)}>
                    <Select.Trigger id={`${id}-delay-kind`} />
                    <Select.Content>
                      <Select.Item value="none">None</Select.Item>
                      <Select.Item value="written">Written (delay for the period it states)</Select.Item>
                      <Select.Item value="oral">Oral (at most 30 days)</Select.Item>
                    </Select.Content>
                  </Select.Root>
                </Field>
                {delayKind !== 'none' && (
                  <>
                    <DateField
                      id={`${id}-delay-stated`}
                      label="Stated on"
                      value={delayStatedOn}
                      onChange={setDelayStatedOn}
                      error={shown(errors.delayStatedOn)}
                    />
                    <DateField
                      id={`${id}-delay-until`}
                      label={delayKind === 'written' ? 'Delay ends on' : 'Delay ends on (optional)'}
                      value={delayUntil}
                      onChange={setDelayUntil}
                      error={shown(errors.delayUntil)}
                    />
                    <Field id={`${id}-delay-official`} label="Who made the statement">
                      <TextField.Root id={`${id}-delay-official`} value={delayOfficial} onChange={ev => setDelayOfficial(ev.target.value)} />
                    </Field>
                  </>
                )}
              </Grid>
            </Box>

            <BreachOutcomeFields
              id={id}
              values={draft.values}
              set={setOutcomeField}
              errors={Object.fromEntries(Object.entries(assessmentErrors).map(([field, error]) => [field, shown(error ?? null)]))}
            />

            <DialogFormFooter error={saveError} submitLabel={e ? 'Save changes' : 'Record the incident'} onCancel={draft.discard} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
