import { Button, Dialog, Flex, Select, Text, TextArea, TextField } from '@radix-ui/themes'
import { useState, type FormEvent, type ReactNode } from 'react'
import type { AddMapAssetInput, AddMapFlowInput, DataFlowMapView } from '../../../../main/map/contract'
import { CARRIES_OPTIONS, MARKING_OPTIONS, UNSET } from './labels'

// The map's small forms: add an asset, add a flow, record a review. Radix dialogs
// give focus back to the button that opened them when they close.

const MANUAL_KINDS = [
  'on-premises',
  'application',
  'workstation',
  'external',
  'database',
  'bucket',
  'storage-device',
  'paper',
  'site',
  'other'
] as const

function FormDialog(props: {
  trigger: string
  title: string
  description: string
  submit: string
  canSubmit: boolean
  onSubmit(): void
  children: ReactNode
}) {
  const [open, setOpen] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!props.canSubmit) return
    props.onSubmit()
    setOpen(false)
  }
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button variant="soft">{props.trigger}</Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="520px">
        <Dialog.Title>{props.title}</Dialog.Title>
        <Dialog.Description size="2">{props.description}</Dialog.Description>
        <form onSubmit={submit}>
          <Flex direction="column" gap="3" mt="3">
            {props.children}
            <Flex gap="3" justify="end">
              <Dialog.Close>
                <Button type="button" variant="soft" color="gray">
                  Cancel
                </Button>
              </Dialog.Close>
              <Button type="submit" disabled={!props.canSubmit}>
                {props.submit}
              </Button>
            </Flex>
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}

function Field(props: { id: string; label: string; children: ReactNode }) {
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" weight="medium" htmlFor={props.id} id={`${props.id}-label`}>
        {props.label}
      </Text>
      {props.children}
    </Flex>
  )
}

function Choice(props: { id: string; value: string; onChange(value: string): void; options: { value: string; label: string }[] }) {
  return (
    <Select.Root value={props.value} onValueChange={props.onChange}>
      <Select.Trigger id={props.id} aria-labelledby={`${props.id}-label`} />
      <Select.Content>
        {props.options.map(o => (
          <Select.Item key={o.value} value={o.value}>
            {o.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select.Root>
  )
}

export function AddAssetDialog(props: { view: DataFlowMapView; onAdd(input: AddMapAssetInput): void }) {
  const [name, setName] = useState('')
  const [kind, setKind] = useState<(typeof MANUAL_KINDS)[number]>('on-premises')
  const [zone, setZone] = useState(UNSET)
  const [phi, setPhi] = useState(UNSET)
  const [owner, setOwner] = useState('')
  return (
    <FormDialog
      trigger="Add an asset…"
      title="Add an asset no file describes"
      description="An on-premises system, a clearing house, an email gateway: anything that holds or passes PHI."
      submit="Add asset"
      canSubmit={name.trim().length > 0}
      onSubmit={() => {
        props.onAdd({
          name: name.trim(),
          kind,
          zoneId: zone === UNSET ? null : Number(zone),
          phi: phi === UNSET ? null : (phi as AddMapAssetInput['phi']),
          owner: owner.trim()
        })
        setName('')
        setOwner('')
      }}
    >
      <Field id="map-add-name" label="Name (required)">
        <TextField.Root id="map-add-name" required value={name} onChange={e => setName(e.target.value)} />
      </Field>
      <Field id="map-add-kind" label="Kind">
        <Choice id="map-add-kind" value={kind} onChange={v => setKind(v as typeof kind)} options={MANUAL_KINDS.map(k => ({ value: k, label: k }))} />
      </Field>
      <Field id="map-add-zone" label="Zone">
        <Choice
          id="map-add-zone"
          value={zone}
          onChange={setZone}
          options={[{ value: UNSET, label: 'No zone' }, ...props.view.zones.map(z => ({ value: String(z.id), label: `${z.kind} ${z.name}` }))]}
        />
      </Field>
      <Field id="map-add-phi" label="Holds">
        <Choice id="map-add-phi" value={phi} onChange={setPhi} options={[{ value: UNSET, label: 'Not said' }, ...MARKING_OPTIONS]} />
      </Field>
      <Field id="map-add-owner" label="Owner">
        <TextField.Root id="map-add-owner" value={owner} onChange={e => setOwner(e.target.value)} />
      </Field>
    </FormDialog>
  )
}

export function AddFlowDialog(props: { view: DataFlowMapView; onAdd(input: AddMapFlowInput): void }) {
  const ends = [
    ...props.view.assets.map(a => ({ value: `asset:${a.id}`, label: a.name })),
    ...props.view.zones.map(z => ({ value: `zone:${z.id}`, label: `${z.kind} ${z.name}` }))
  ]
  const [from, setFrom] = useState(UNSET)
  const [to, setTo] = useState(UNSET)
  const [label, setLabel] = useState('')
  const [carries, setCarries] = useState(UNSET)
  const endOf = (value: string) => {
    const [type, id] = value.split(':')
    return { type: type as 'asset' | 'zone', id: Number(id) }
  }
  return (
    <FormDialog
      trigger="Add a flow…"
      title="Add a flow no file describes"
      description="Email, SFTP, a courier, an integration: how data moves from one asset or zone to another."
      submit="Add flow"
      canSubmit={from !== UNSET && to !== UNSET && from !== to}
      onSubmit={() => {
        props.onAdd({
          from: endOf(from),
          to: endOf(to),
          label: label.trim(),
          carries: carries === UNSET ? null : (carries as AddMapFlowInput['carries'])
        })
        setLabel('')
      }}
    >
      <Field id="map-flow-from" label="From (required)">
        <Choice id="map-flow-from" value={from} onChange={setFrom} options={[{ value: UNSET, label: 'Choose…' }, ...ends]} />
      </Field>
      <Field id="map-flow-to" label="To (required)">
        <Choice id="map-flow-to" value={to} onChange={setTo} options={[{ value: UNSET, label: 'Choose…' }, ...ends]} />
      </Field>
      <Field id="map-flow-label" label="How (e.g. SFTP nightly export)">
        <TextField.Root id="map-flow-label" value={label} onChange={e => setLabel(e.target.value)} />
      </Field>
      <Field id="map-flow-carries" label="Carries">
        <Choice id="map-flow-carries" value={carries} onChange={setCarries} options={[{ value: UNSET, label: 'Not said' }, ...CARRIES_OPTIONS]} />
      </Field>
    </FormDialog>
  )
}

export function ReviewDialog(props: { onReview(by: string, note: string): void }) {
  const [by, setBy] = useState('')
  const [note, setNote] = useState('')
  return (
    <FormDialog
      trigger="Mark reviewed…"
      title="Record a review of the map"
      description="Say that the map was checked against the systems as they are today. The proposed Security Rule update (90 FR 898, not final) would ask for this every 12 months."
      submit="Record review"
      canSubmit={by.trim().length > 0}
      onSubmit={() => props.onReview(by.trim(), note.trim())}
    >
      <Field id="map-review-by" label="Reviewed by (required)">
        <TextField.Root id="map-review-by" required value={by} onChange={e => setBy(e.target.value)} />
      </Field>
      <Field id="map-review-note" label="Note">
        <TextArea id="map-review-note" value={note} onChange={e => setNote(e.target.value)} />
      </Field>
    </FormDialog>
  )
}
