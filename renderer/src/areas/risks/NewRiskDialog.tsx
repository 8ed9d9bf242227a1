import { useId, useState } from 'react'
import { Button, Dialog, Flex, Select, Text, TextField } from '@radix-ui/themes'
import { PlusIcon } from '@radix-ui/react-icons'
import type { MapAssetKind } from '../../../../main/map/contract'
import type { NotAssessedAsset, RiskCatalogView } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { DialogFormFooter } from '../../components/DialogFormFooter'
import { useLoaded } from '../../components/use-loaded'
import { useDraft } from '../../components/drafts'

const NEW_ASSET = 'new'
/** Assets no file describes, which a person adds by hand. */
const MANUAL_KINDS: { id: MapAssetKind; label: string }[] = [
  { id: 'workstation', label: 'Laptop or workstation' },
  { id: 'application', label: 'Application (e.g. the EHR)' },
  { id: 'paper', label: 'Paper records' },
  { id: 'site', label: 'Office or site' },
  { id: 'storage-device', label: 'Storage device (e.g. a backup drive)' },
  { id: 'on-premises', label: 'On-premises server' },
  { id: 'other', label: 'Something else' }
]

/** Free entry of a risk: an asset (from the map, or one added here) and a threat; the rest is filled in place afterwards. */
export function NewRiskDialog(props: {
  catalog: RiskCatalogView
  asset?: NotAssessedAsset
  triggerLabel?: string
  small?: boolean
  onCreated(riskId: number): void
}) {
  const id = useId()
  const [open, setOpen] = useState(false)
  const blank = {
    assetId: props.asset ? String(props.asset.id) : '',
    newAssetName: '',
    newAssetKind: 'workstation' as MapAssetKind,
    threatId: '',
    title: '',
    owner: ''
  }
  // What was typed stays when the dialog is closed without adding, and comes back when it opens again.
  const [form, keepForm, settleForm] = useDraft(`new-risk:${props.asset?.id ?? 'any'}`, blank)
  const { assetId, newAssetName, newAssetKind, threatId, title, owner } = form
  const set = (change: Partial<typeof blank>) => keepForm({ ...form, ...change })
  const [error, setError] = useState<string | null>(null)
  const map = useLoaded(() => (open && !props.asset ? api['map.view']({}) : Promise.resolve(null)), [open])
  const assets = map.data?.assets ?? []
  const chosenKind = props.asset?.kind ?? (assetId === NEW_ASSET ? newAssetKind : assets.find(a => String(a.id) === assetId)?.kind)
  // Threats that apply to the asset's kind first, the rest after: any threat may be chosen.
  const threats = [...props.catalog.threats].sort(
    (a, b) =>
      Number(chosenKind !== undefined && b.appliesTo.includes(chosenKind as MapAssetKind)) -
      Number(chosenKind !== undefined && a.appliesTo.includes(chosenKind as MapAssetKind))
  )

  const submit = async () => {
    try {
      let asset = Number(assetId)
      if (assetId === NEW_ASSET) {
        if (!newAssetName.trim()) throw new Error('Name the asset the risk is about.')
        asset = (await api['map.addAsset']({ name: newAssetName, kind: newAssetKind, phi: 'phi' })).id
      }
      if (!asset) throw new Error('Choose the asset the risk is about.')
      if (!threatId) throw new Error('Choose the threat.')
      const risk = await api['risks.create']({ assetIds: [asset], threatId, title, owner })
      settleForm(blank)
      setOpen(false)
      props.onCreated(risk.id)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={next => {
        setOpen(next)
        if (next) setError(null)
      }}
    >
      <Dialog.Trigger>
        <Button size={props.small ? '1' : '2'} variant={props.small ? 'soft' : 'solid'}>
          {!props.small && <PlusIcon aria-hidden />}
          {props.triggerLabel ?? 'Add a risk'}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content maxWidth="560px">
        <Dialog.Title>{props.asset ? `A risk to ${props.asset.name}` : 'Add a risk'}</Dialog.Title>
        <Dialog.Description size="2">Choose what the risk is about and the threat; rate and treat it in the register afterwards.</Dialog.Description>
        <form
          onSubmit={event => {
            event.preventDefault()
            void submit()
          }}
        >
          <Flex direction="column" gap="3" mt="3">
            {!props.asset && (
              <Flex direction="column" gap="1">
                <Text as="label" size="2" weight="medium" htmlFor={`${id}-asset`}>
                  Asset
                </Text>
                <Select.Root value={assetId} onValueChange={value => set({ assetId: value })}>
                  <Select.Trigger id={`${id}-asset`} placeholder="Choose an asset" />
                  <Select.Content>
                    {assets.map(asset => (
                      <Select.Item key={asset.id} value={String(asset.id)}>
                        {asset.name} ({asset.kind})
                      </Select.Item>
                    ))}
                    <Select.Item value={NEW_ASSET}>An asset not on the map…</Select.Item>
                  </Select.Content>
                </Select.Root>
              </Flex>
            )}
            {assetId === NEW_ASSET && (
              <Flex gap="3" wrap="wrap">
                <Flex direction="column" gap="1" flexGrow="1">
                  <Text as="label" size="2" weight="medium" htmlFor={`${id}-new-name`}>
                    Asset name
                  </Text>
                  <TextField.Root
                    id={`${id}-new-name`}
                    value={newAssetName}
                    onChange={e => set({ newAssetName: e.target.value })}
                    placeholder="e.g. Front desk laptop"
                  />
                </Flex>
                <Flex direction="column" gap="1">
                  <Text as="label" size="2" weight="medium" htmlFor={`${id}-new-kind`}>
                    Kind of asset
                  </Text>
                  <Select.Root value={newAssetKind} onValueChange={value => set({ newAssetKind: value as MapAssetKind })}>
                    <Select.Trigger id={`${id}-new-kind`} />
                    <Select.Content>
                      {MANUAL_KINDS.map(kind => (
                        <Select.Item key={kind.id} value={kind.id}>
                          {kind.label}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select.Root>
                </Flex>
              </Flex>
            )}
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-threat`}>
                Threat
              </Text>
              <Select.Root value={threatId} onValueChange={value => set({ threatId: value })}>
                <Select.Trigger id={`${id}-threat`} placeholder="Choose the threat" />
                <Select.Content>
                  {threats.map(threat => (
                    <Select.Item key={threat.id} value={threat.id}>
                      {threat.name}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-title`}>
                Title (optional)
              </Text>
              <TextField.Root
                id={`${id}-title`}
                value={title}
                onChange={e => set({ title: e.target.value })}
                placeholder="Named from the threat and asset if left empty"
              />
            </Flex>
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={`${id}-owner`}>
                Owner (optional)
              </Text>
              <TextField.Root id={`${id}-owner`} value={owner} onChange={e => set({ owner: e.target.value })} />
            </Flex>
            <DialogFormFooter error={error} submitLabel="Add risk" />
          </Flex>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  )
}
