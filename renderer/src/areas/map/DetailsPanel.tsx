import { Badge, Button, Card, DataList, Flex, Heading, Select, Text, TextField } from '@radix-ui/themes'
import { useId, type ReactNode } from 'react'
import type { DataFlowMapView, MapAsset, MapFlag, MapFlow, MapZone } from '../../../../main/map/contract'
import { AssetEvidence } from './AssetEvidence'
import { EvidencePanel } from '../../evidence/EvidencePanel'
import { useFormDraft } from '../../components/form-draft'
import { UnsavedChangesNote } from '../../components/UnsavedChangesNote'
import type { Selection } from './MapCanvas'
import { CARRIES_OPTIONS, carriesLabel, MARKING_OPTIONS, markingLabel, stateLabel, UNSET } from './labels'

export interface MapActions {
  setPhi(input: { type: 'asset' | 'zone'; id: number; phi: string | null } | { type: 'flow'; id: number; carries: string | null }): void
  updateOwner(id: number, owner: string): void
  toggleCollapsed(zoneId: number): void
  select(selection: Selection): void
}

const flagsOn = (flags: MapFlag[], type: Selection['type'], id: number) =>
  flags.filter(f => !f.dismissal && f.subjects.some(s => s.type === type && s.id === id))
const yesNo = (value: boolean | null, yes: string, no: string) => (value === null ? 'Not stated' : value ? yes : no)

/** What the selected asset, zone or flow is, what is said about it, and the flags on it; its PHI marking and owner can be changed here. */
export function DetailsPanel(props: {
  view: DataFlowMapView
  selection: Selection | null
  collapsed: Set<number>
  baNames: Map<number, string>
  actions: MapActions
}) {
  const { view, selection } = props
  if (!selection) {
    return (
      <Card role="region" aria-label="Details">
        <Text size="2" color="gray">
          Select an asset, zone or flow on the drawing or in the table to see its details.
        </Text>
      </Card>
    )
  }
  const endName = (e: MapFlow['from']) =>
    (e.type === 'asset' ? view.assets.find(a => a.id === e.id)?.name : view.zones.find(z => z.id === e.id)?.name) ?? `${e.type} ${e.id}`
  if (selection.type === 'asset') {
    const asset = view.assets.find(a => a.id === selection.id)
    return asset ? <AssetDetails key={asset.id} asset={asset} {...props} /> : null
  }
  if (selection.type === 'zone') {
    const zone = view.zones.find(z => z.id === selection.id)
    return zone ? <ZoneDetails zone={zone} {...props} /> : null
  }
  const flow = view.flows.find(f => f.id === selection.id)
  if (!flow) return null
  return (
    <Card role="region" aria-label="Details">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" className="map-break">
          Flow: {endName(flow.from)} → {endName(flow.to)}
        </Heading>
        <DataList.Root size="2" orientation="vertical">
          <Item label="Kind">{flow.kind}</Item>
          <Item label="Label">{flow.label || '—'}</Item>
          <Item label="Carries">{stateLabel(flow.carries, carriesLabel)}</Item>
          <Item label="Encrypted in transit">{yesNo(flow.encryptedInTransit, 'Yes', 'No')}</Item>
          <Item label="Described by">{flow.manual ? 'A person (manual flow)' : 'An imported file'}</Item>
        </DataList.Root>
        <MarkingSelect
          label="What this flow carries"
          value={flow.carries.origin === 'person' ? flow.carries.value : null}
          options={CARRIES_OPTIONS}
          onChange={value => props.actions.setPhi({ type: 'flow', id: flow.id, carries: value })}
        />
        <FlagList flags={flagsOn(view.flags, 'flow', flow.id)} />
      </Flex>
    </Card>
  )
}

function Item(props: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.Label>{props.label}</DataList.Label>
      <DataList.Value className="map-break">{props.children}</DataList.Value>
    </DataList.Item>
  )
}

function MarkingSelect<T extends string>(props: {
  label: string
  value: T | null
  options: { value: T; label: string }[]
  onChange(value: T | null): void
}) {
  const labelId = useId()
  return (
    <Flex direction="column" gap="1">
      <Text as="div" size="2" weight="medium" id={labelId}>
        {props.label}
      </Text>
      <Select.Root value={props.value ?? UNSET} onValueChange={v => props.onChange(v === UNSET ? null : (v as T))}>
        <Select.Trigger aria-labelledby={labelId} />
        <Select.Content>
          <Select.Item value={UNSET}>Not said (use the inferred default)</Select.Item>
          {props.options.map(o => (
            <Select.Item key={o.value} value={o.value}>
              {o.label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  )
}

function FlagList(props: { flags: MapFlag[] }) {
  if (props.flags.length === 0)
    return (
      <Text size="2" color="gray">
        No open flags.
      </Text>
    )
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="2">
        Flags
      </Heading>
      {props.flags.map(f => (
        <Text key={`${f.rule}:${f.subjectKey}`} size="2">
          <Badge color="red">{f.citation ?? f.rule}</Badge> {f.message}
        </Text>
      ))}
    </Flex>
  )
}

function AssetDetails(props: { asset: MapAsset; view: DataFlowMapView; baNames: Map<number, string>; actions: MapActions }) {
  const { asset, view } = props
  // A typed owner survives selecting another asset or leaving the map, until it is saved or discarded.
  const draft = useFormDraft(`map.owner:${asset.id}`, () => ({ owner: asset.owner }))
  const { owner } = draft.values
  const zone = view.zones.find(z => z.id === asset.zoneIds[0])
  return (
    <Card role="region" aria-label="Details">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" className="map-break">
          {asset.name}
        </Heading>
        {asset.removedAt && <Badge color="gray">No longer in any imported file</Badge>}
        <DataList.Root size="2" orientation="vertical">
          <Item label="Type">
            {asset.kind} ({asset.resourceType})
          </Item>
          <Item label="Zone">{zone ? `${zone.kind} ${zone.name}` : 'None'}</Item>
          <Item label="PHI">{stateLabel(asset.phi, markingLabel)}</Item>
          <Item label="Owner">{asset.owner || 'No owner recorded'}</Item>
          <Item label="Business associate">
            {asset.businessAssociateId === null
              ? 'None linked'
              : (props.baNames.get(asset.businessAssociateId) ?? `Agreement ${asset.businessAssociateId}`)}
          </Item>
          <Item label="Encrypted at rest">{yesNo(asset.encryptedAtRest, 'Yes', 'No')}</Item>
          <Item label="Public access">{yesNo(asset.publicAccess, 'Yes', 'No')}</Item>
          {asset.arn && <Item label="ARN">{asset.arn}</Item>}
        </DataList.Root>
        <MarkingSelect
          label="Holds"
          value={asset.phi.origin === 'person' ? asset.phi.value : null}
          options={MARKING_OPTIONS}
          onChange={value => props.actions.setPhi({ type: 'asset', id: asset.id, phi: value })}
        />
        <form
          onSubmit={event => {
            event.preventDefault()
            if (owner.trim() === asset.owner) return
            props.actions.updateOwner(asset.id, owner)
            draft.clear()
          }}
        >
          <Flex direction="column" gap="1">
            <UnsavedChangesNote shown={draft.restored} onDiscard={draft.discard} />
            <Text as="label" size="2" weight="medium" htmlFor="map-asset-owner">
              Owner
            </Text>
            <Flex gap="2">
              <TextField.Root id="map-asset-owner" value={owner} onChange={e => draft.set('owner', e.target.value)} style={{ flex: 1 }} />
              {/* aria-disabled, not disabled: a button disabled by its own save would drop the keyboard focus. */}
              <Button type="submit" variant="soft" aria-disabled={owner.trim() === asset.owner}>
                Save owner
              </Button>
            </Flex>
          </Flex>
        </form>
        <FlagList flags={flagsOn(view.flags, 'asset', asset.id)} />
        <AssetEvidence asset={asset} reloadKey={view} />
        <EvidencePanel target={{ kind: 'asset', id: String(asset.id) }} targetName={`the asset “${asset.name}”`} />
      </Flex>
    </Card>
  )
}

function ZoneDetails(props: { zone: MapZone; view: DataFlowMapView; collapsed: Set<number>; actions: MapActions }) {
  const { zone, view } = props
  const parent = view.zones.find(z => z.id === zone.parentId)
  const inside = view.assets.filter(a => a.zoneIds.includes(zone.id)).length
  return (
    <Card role="region" aria-label="Details">
      <Flex direction="column" gap="3">
        <Heading as="h2" size="4" className="map-break">
          {zone.kind === 'vpc' ? 'VPC' : zone.kind === 'subnet' ? 'Subnet' : 'Account'} {zone.name}
        </Heading>
        <DataList.Root size="2" orientation="vertical">
          <Item label="PHI">{stateLabel(zone.phi, markingLabel)}</Item>
          <Item label="Inside">{parent ? `${parent.kind} ${parent.name}` : 'Top level'}</Item>
          <Item label="Assets directly in it">{inside}</Item>
          {zone.cidr && <Item label="CIDR">{zone.cidr}</Item>}
          {zone.placeholder && <Item label="Placeholder">Only received as a parameter; the file does not say which it is</Item>}
        </DataList.Root>
        <MarkingSelect
          label="Zone holds"
          value={zone.phi.origin === 'person' ? zone.phi.value : null}
          options={MARKING_OPTIONS}
          onChange={value => props.actions.setPhi({ type: 'zone', id: zone.id, phi: value })}
        />
        <Button variant="soft" onClick={() => props.actions.toggleCollapsed(zone.id)}>
          {props.collapsed.has(zone.id) ? 'Expand this zone' : 'Collapse this zone'}
        </Button>
        <FlagList flags={flagsOn(view.flags, 'zone', zone.id)} />
      </Flex>
    </Card>
  )
}
