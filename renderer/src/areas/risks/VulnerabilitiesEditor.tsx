import { useId, useRef, useState } from 'react'
import { Badge, Button, Callout, Flex, Select, Text } from '@radix-ui/themes'
import type { RiskDetail, VulnerabilityCandidate } from '../../../../main/risks/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { VULNERABILITY_KIND_LABELS } from './labels'

const STATE_LABELS = { present: 'Still present', resolved: 'Resolved at the source', unknown: 'Source no longer found' } as const

/** The weaknesses that make the risk possible, linked from where they were found (a gap, a failing check, a map flag, a BAA gap). */
export function VulnerabilitiesEditor(props: { risk: RiskDetail; readOnly: boolean; onChanged(risk: RiskDetail): void }) {
  const id = useId()
  const labelRef = useRef<HTMLDivElement>(null)
  const [chosen, setChosen] = useState('')
  const [error, setError] = useState<string | null>(null)
  const assetIds = props.risk.assets.map(asset => asset.id)
  const suggestions = useLoaded(() => (props.readOnly ? Promise.resolve(null) : api['risks.suggestions']({})), [props.readOnly])
  const linked = new Set(props.risk.vulnerabilities.map(v => `${v.kind}|${v.ref}`))
  const candidates = new Map<string, VulnerabilityCandidate>()
  for (const suggestion of suggestions.data?.suggestions ?? [])
    if (assetIds.includes(suggestion.asset.id))
      for (const candidate of suggestion.vulnerabilities)
        if (!linked.has(`${candidate.kind}|${candidate.ref}`)) candidates.set(`${candidate.kind}|${candidate.ref}`, candidate)
  const act = (work: Promise<RiskDetail>) =>
    work.then(
      risk => {
        setError(null)
        props.onChanged(risk)
      },
      caught => setError(errorMessage(caught))
    )

  return (
    <Flex direction="column" gap="2">
      {/* Where focus goes when an item's button goes away with the item. */}
      <Text as="div" size="2" weight="medium" id={`${id}-label`} ref={labelRef} tabIndex={-1} className="risk-focus-target">
        Vulnerabilities
      </Text>
      {props.risk.vulnerabilities.length === 0 ? (
        <Text size="2" color="gray">
          None linked yet.
        </Text>
      ) : (
        <ul className="risk-link-list" aria-labelledby={`${id}-label`}>
          {props.risk.vulnerabilities.map(v => (
            <li key={v.id}>
              <Flex direction="column" gap="1">
                <Text size="2">{v.label}</Text>
                <Flex gap="2" align="center" wrap="wrap">
                  <Badge variant="soft" color="gray" highContrast>
                    {VULNERABILITY_KIND_LABELS[v.kind]}
                  </Badge>
                  <Badge variant="outline" color={v.state === 'present' ? 'orange' : 'gray'} highContrast>
                    {STATE_LABELS[v.state]}
                  </Badge>
                  {v.citations.length > 0 && <Text size="1">{v.citations.map(c => `45 CFR ${c}`).join(', ')}</Text>}
                </Flex>
              </Flex>
              {!props.readOnly && (
                <Button
                  size="1"
                  variant="ghost"
                  color="gray"
                  onClick={() => {
                    void act(api['risks.unlinkVulnerability']({ riskId: props.risk.id, vulnerabilityId: v.id }))
                    labelRef.current?.focus()
                  }}
                >
                  Unlink
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!props.readOnly && candidates.size > 0 && (
        <Flex gap="2" align="end" wrap="wrap">
          <Flex direction="column" gap="1" maxWidth="600px">
            <Text as="label" size="1" htmlFor={`${id}-link`}>
              A weakness found on these assets
            </Text>
            <Select.Root value={chosen} onValueChange={setChosen}>
              <Select.Trigger id={`${id}-link`} placeholder="Choose a vulnerability" />
              <Select.Content>
                {[...candidates].map(([key, candidate]) => (
                  <Select.Item key={key} value={key}>
                    {VULNERABILITY_KIND_LABELS[candidate.kind]}: {candidate.label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select.Root>
          </Flex>
          <Button
            variant="soft"
            aria-disabled={!chosen}
            onClick={() => {
              const candidate = candidates.get(chosen)
              if (!candidate) return
              setChosen('')
              void act(api['risks.linkVulnerability']({ riskId: props.risk.id, vulnerability: { kind: candidate.kind, ref: candidate.ref } }))
            }}
          >
            Link vulnerability
          </Button>
        </Flex>
      )}
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
    </Flex>
  )
}
