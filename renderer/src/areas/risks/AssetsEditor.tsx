import { useId, useRef, useState } from 'react'
import { Button, Flex, Select, Text } from '@radix-ui/themes'
import type { RiskDetail } from '../../../../main/risks/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'

/** The assets a risk is about: chosen from the data-flow map, never retyped. */
export function AssetsEditor(props: { risk: RiskDetail; readOnly: boolean; onChange(assetIds: number[]): void }) {
  const id = useId()
  const labelRef = useRef<HTMLDivElement>(null)
  const [adding, setAdding] = useState<string>('')
  const map = useLoaded(() => (props.readOnly ? Promise.resolve(null) : api['map.view']({})), [props.readOnly])
  const linkedIds = props.risk.assets.flatMap(asset => (asset.id === null ? [] : [asset.id]))
  const candidates = (map.data?.assets ?? []).filter(asset => !linkedIds.includes(asset.id))
  return (
    <Flex direction="column" gap="2">
      {/* Where focus goes when an item's button goes away with the item. */}
      <Text as="div" size="2" weight="medium" id={`${id}-label`} ref={labelRef} tabIndex={-1} className="risk-focus-target">
        Assets
      </Text>
      <ul className="risk-link-list" aria-labelledby={`${id}-label`}>
        {props.risk.assets.map(asset => (
          <li key={`${asset.id ?? 'gone'}-${asset.name}`}>
            <Text size="2">
              {asset.name} <Text color="gray">({asset.kind})</Text>
              {asset.id === null && <Text color="orange"> · no longer in the map</Text>}
            </Text>
            {!props.readOnly && asset.id !== null && linkedIds.length > 1 && (
              <Button
                size="1"
                variant="ghost"
                color="gray"
                onClick={() => {
                  props.onChange(linkedIds.filter(other => other !== asset.id))
                  labelRef.current?.focus()
                }}
              >
                Remove {asset.name}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {!props.readOnly && candidates.length > 0 && (
        <Flex gap="2" align="end">
          <Flex direction="column" gap="1">
            <Text as="label" size="1" htmlFor={`${id}-add`}>
              Another asset this risk is about
            </Text>
            <Select.Root value={adding} onValueChange={setAdding}>
              <Select.Trigger id={`${id}-add`} placeholder="Choose an asset" />
              <Select.Content>
                {candidates.map(asset => (
                  <Select.Item key={asset.id} value={String(asset.id)}>
                    {asset.name}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Flex>
          <Button
            variant="soft"
            aria-disabled={!adding}
            onClick={() => {
              if (!adding) return
              props.onChange([...linkedIds, Number(adding)])
              setAdding('')
            }}
          >
            Add asset
          </Button>
        </Flex>
      )}
    </Flex>
  )
}
