import { useId, useState } from 'react'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { useFormDraft } from '../../components/form-draft'
import { UnsavedChangesNote } from '../../components/UnsavedChangesNote'
import { Checkbox, Dialog, Flex, Grid, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import type { BaaStatus, BusinessAssociate, BusinessAssociateInput, Relationship } from '../../../../main/baas/contract'
import { api, errorMessage } from '../../api'
import { DateField, Field, dateError, describedBy, splitList } from './form-fields'
import { RELATIONSHIP_LABELS, STATUS_LABELS } from './labels'

const BAA_STATUSES = Object.keys(STATUS_LABELS) as BaaStatus[]
const RELATIONSHIPS = Object.keys(RELATIONSHIP_LABELS) as Relationship[]

const NO_PARENT = 'none'

function numberError(value: string, label: string, min: number, max: number): string | null {
  if (value === '') return null
  const number = Number(value)
  return Number.isInteger(number) && number >= min && number <= max ? null : `${label} must be a whole number from ${min} to ${max}.`
}

/** Adding or editing a party of the register, in a dialog. */
export function AssociateForm(props: {
  existing: BusinessAssociate | null
  others: BusinessAssociate[]
  open: boolean
  onOpenChange(open: boolean): void
  onSaved(id: number): void
}) {
  const id = useId()
  const e = props.existing
  // What is typed is kept as a draft until saved or discarded: closing the dialog or leaving the area loses nothing.
  const draft = useFormDraft(`baas.associate:${e?.id ?? 'new'}`, () => ({
    name: e?.name ?? '',
    relationship: e?.relationship ?? ('business-associate' as Relationship),
    parentId: e?.parentId ? String(e.parentId) : NO_PARENT,
    services: e?.services ?? '',
    phiCategories: e?.phiCategories.join('; ') ?? '',
    assets: e?.assets.join('; ') ?? '',
    handlesPhi: e?.handlesPhi ?? true,
    baaStatus: e?.baaStatus ?? ('none' as BaaStatus),
    effectiveOn: e?.effectiveOn ?? '',
    expiresOn: e?.expiresOn ?? '',
    reviewEveryMonths: e?.reviewEveryMonths ? String(e.reviewEveryMonths) : '',
    lastReviewOn: e?.lastReviewOn ?? '',
    breachReportingDays: e?.breachReportingDays ? String(e.breachReportingDays) : '',
    notes: e?.notes ?? ''
  }))
  const { name, relationship, parentId, services, phiCategories, assets, handlesPhi, baaStatus } = draft.values
  const { effectiveOn, expiresOn, reviewEveryMonths, lastReviewOn, breachReportingDays, notes } = draft.values
  const setter =
    <K extends keyof typeof draft.values>(field: K) =>
    (value: (typeof draft.values)[K]) =>
      draft.set(field, value)
  const [setName, setRelationship, setParentId, setServices] = [setter('name'), setter('relationship'), setter('parentId'), setter('services')]
  const [setPhiCategories, setAssets, setHandlesPhi, setBaaStatus] = [
    setter('phiCategories'),
    setter('assets'),
    setter('handlesPhi'),
    setter('baaStatus')
  ]
  const [setEffectiveOn, setExpiresOn, setReviewEveryMonths] = [setter('effectiveOn'), setter('expiresOn'), setter('reviewEveryMonths')]
  const [setLastReviewOn, setBreachReportingDays, setNotes] = [setter('lastReviewOn'), setter('breachReportingDays'), setter('notes')]
  const [submitted, setSubmitted] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const errors = {
    name: name.trim() === '' ? 'Enter the name.' : null,
    effectiveOn: dateError(effectiveOn, 'The effective date'),
    expiresOn:
      dateError(expiresOn, 'The expiry date') ??
      (effectiveOn && expiresOn && expiresOn < effectiveOn ? 'The agreement cannot expire before it takes effect.' : null),
    lastReviewOn: dateError(lastReviewOn, 'The last review date'),
    reviewEveryMonths: numberError(reviewEveryMonths, 'The review cadence', 1, 120),
    breachReportingDays: numberError(breachReportingDays, 'The reporting window', 1, 365)
  }
  const shown = (error: string | null) => (submitted ? error : null)

  const save = async () => {
    setSubmitted(true)
    if (Object.values(errors).some(Boolean)) return
    const associate: BusinessAssociateInput = {
      name,
      relationship,
      parentId: parentId === NO_PARENT ? null : Number(parentId),
      services,
      phiCategories: splitList(phiCategories),
      assets: splitList(assets),
      handlesPhi,
      baaStatus,
      effectiveOn: effectiveOn || null,
      expiresOn: expiresOn || null,
      reviewEveryMonths: reviewEveryMonths ? Number(reviewEveryMonths) : null,
      lastReviewOn: lastReviewOn || null,
      breachReportingDays: breachReportingDays ? Number(breachReportingDays) : null,
      notes
    }
    try {
      const saved = e ? await api['baas.update']({ id: e.id, associate }) : await api['baas.create']({ associate })
      setSaveError(null)
      draft.clear()
      props.onSaved(saved.id)
      props.onOpenChange(false)
    } catch (error) {
      setSaveError(errorMessage(error))
    }
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Content maxWidth="720px">
        <Dialog.Title>{e ? `Edit ${e.name}` : 'Add a business associate'}</Dialog.Title>
        <Dialog.Description size="2" color="gray">
          Anyone who creates, receives, keeps or sends PHI for you needs a signed agreement. Record the agreement as it stands.
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
            <Field id={`${id}-name`} label="Name" error={shown(errors.name)}>
              <TextField.Root
                id={`${id}-name`}
                value={name}
                onChange={ev => setName(ev.target.value)}
                {...describedBy(`${id}-name`, { error: shown(errors.name) })}
              />
            </Field>
            <Grid columns={{ initial: '1', sm: '2' }} gap="3">
              <Field id={`${id}-relationship`} label="Relationship">
                <Select.Root value={relationship} onValueChange={value => setRelationship(value as Relationship)}>
                  <Select.Trigger id={`${id}-relationship`} />
                  <Select.Content>
                    {RELATIONSHIPS.map(r => (
                      <Select.Item key={r} value={r}>
                        {RELATIONSHIP_LABELS[r]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select.Root>
              </Field>
              <Field id={`${id}-parent`} label="Engaged by (above it in the chain)">
                <Select.Root value={parentId} onValueChange={setParentId}>
                  <Select.Trigger id={`${id}-parent`} />
                  <Select.Content>
                    <Select.Item value={NO_PARENT}>Nobody: we engage it directly</Select.Item>
                    {props.others
                      .filter(o => o.id !== e?.id)
                      .map(o => (
                        <Select.Item key={o.id} value={String(o.id)}>
                          {o.name}
                        </Select.Item>
                      ))}
                  </Select.Content>
                </Select.Root>
              </Field>
            </Grid>
            <Field id={`${id}-services`} label="Services provided">
              <TextArea id={`${id}-services`} value={services} onChange={ev => setServices(ev.target.value)} rows={2} />
            </Field>
            <Grid columns={{ initial: '1', sm: '2' }} gap="3">
              <Field id={`${id}-phi`} label="PHI categories handled" hint="Separate with semicolons, e.g. demographics; billing records">
                <TextField.Root
                  id={`${id}-phi`}
                  value={phiCategories}
                  onChange={ev => setPhiCategories(ev.target.value)}
                  {...describedBy(`${id}-phi`, { hint: true })}
                />
              </Field>
              <Field id={`${id}-assets`} label="Cloud services and assets touched" hint="Separate with semicolons, e.g. AWS S3: statements">
                <TextField.Root
                  id={`${id}-assets`}
                  value={assets}
                  onChange={ev => setAssets(ev.target.value)}
                  {...describedBy(`${id}-assets`, { hint: true })}
                />
              </Field>
            </Grid>
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={handlesPhi} onCheckedChange={checked => setHandlesPhi(checked === true)} />
                Handles PHI (needs a signed agreement)
              </Flex>
            </Text>
            <Grid columns={{ initial: '1', sm: '3' }} gap="3">
              <Field id={`${id}-status`} label="Agreement status">
                <Select.Root value={baaStatus} onValueChange={value => setBaaStatus(value as BaaStatus)}>
                  <Select.Trigger id={`${id}-status`} />
                  <Select.Content>
                    {BAA_STATUSES.map(s => (
                      <Select.Item key={s} value={s}>
                        {STATUS_LABELS[s]}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select.Root>
              </Field>
              <DateField
                id={`${id}-effective`}
                label="Effective date"
                value={effectiveOn}
                onChange={setEffectiveOn}
                error={shown(errors.effectiveOn)}
              />
              <DateField
                id={`${id}-expires`}
                label="Expiry or renewal date"
                value={expiresOn}
                onChange={setExpiresOn}
                error={shown(errors.expiresOn)}
              />
              <Field id={`${id}-cadence`} label="Review every (months)" hint="12 when left empty" error={shown(errors.reviewEveryMonths)}>
                <TextField.Root
                  id={`${id}-cadence`}
                  inputMode="numeric"
                  value={reviewEveryMonths}
                  onChange={ev => setReviewEveryMonths(ev.target.value)}
                  {...describedBy(`${id}-cadence`, { hint: true, error: shown(errors.reviewEveryMonths) })}
                />
              </Field>
              <DateField
                id={`${id}-reviewed`}
                label="Last review"
                value={lastReviewOn}
                onChange={setLastReviewOn}
                error={shown(errors.lastReviewOn)}
              />
              <Field
                id={`${id}-window`}
                label="Breach reporting window (days)"
                hint="From the contract, e.g. 10"
                error={shown(errors.breachReportingDays)}
              >
                <TextField.Root
                  id={`${id}-window`}
                  inputMode="numeric"
                  value={breachReportingDays}
                  onChange={ev => setBreachReportingDays(ev.target.value)}
                  {...describedBy(`${id}-window`, { hint: true, error: shown(errors.breachReportingDays) })}
                />
              </Field>
            </Grid>
            <Field id={`${id}-notes`} label="Notes">
              <TextArea id={`${id}-notes`} value={notes} onChange={ev => setNotes(ev.target.value)} rows={2} />
            </Field>
            <DialogFormFooter error={saveError} submitLabel={e ? 'Save changes' : 'Add'} onCancel={draft.discard} />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
