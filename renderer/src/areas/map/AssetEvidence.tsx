import { Badge, Callout, Flex, Heading, Text } from '@radix-ui/themes'
import type { FindingStatusCounts, MapAsset, MapAssetEvidence } from '../../../../main/map/contract'
import { api } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { formatNumber } from '../../components/count-of'
import { formatDate, formatDateTime } from '../../components/format-date'

const STATUS_COLOR = { failed: 'red', passed: 'green', manual: 'amber', info: 'blue', skipped: 'gray', error: 'orange' } as const
const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`
const countsText = (c: FindingStatusCounts) =>
  [
    `${formatNumber(c.failed)} failing`,
    `${formatNumber(c.passed)} passing`,
    ...(c.other > 0 ? [`${formatNumber(c.other)} other (manual, info or error)`] : [])
  ].join(', ')

/**
 * The evidence that relates to the selected asset: its business associate agreement and the scanner findings on its
 * resource (matched by ARN, resource id or name), failing and passing, the newest scan first.
 */
export function AssetEvidence(props: { asset: MapAsset; reloadKey: unknown }) {
  const { asset } = props
  const { data, error } = useLoaded(() => api['map.assetEvidence']({ id: asset.id }), [asset.id, props.reloadKey])
  if (error)
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>Evidence for this asset could not be read: {error}</Callout.Text>
      </Callout.Root>
    )
  if (!data)
    return (
      <Text size="2" color="gray" role="status">
        Reading the evidence for this asset…
      </Text>
    )
  return (
    <Flex direction="column" gap="3">
      <Agreement evidence={data} />
      <Findings evidence={data} />
    </Flex>
  )
}

function Agreement(props: { evidence: MapAssetEvidence }) {
  const ba = props.evidence.businessAssociate
  return (
    <Flex direction="column" gap="1">
      <Heading as="h3" size="2">
        Business associate agreement
      </Heading>
      {ba ? (
        <Text size="2" className="map-break">
          {ba.name}: <Badge color={ba.agreementInForce ? 'green' : 'red'}>{ba.agreementInForce ? 'in force' : 'not in force'}</Badge> status{' '}
          {ba.status}
          {ba.expiresOn ? `, expires on ${formatDate(ba.expiresOn)}` : ', no expiry date recorded'}.
        </Text>
      ) : (
        <Text size="2" color="gray">
          None linked to this asset.
        </Text>
      )}
    </Flex>
  )
}

function Findings(props: { evidence: MapAssetEvidence }) {
  const { scans, findings, counts, findingsTotal } = props.evidence
  if (scans.length === 0)
    return (
      <Flex direction="column" gap="1">
        <Heading as="h3" size="2">
          Scanner findings
        </Heading>
        <Text size="2" color="gray">
          No imported scan names this asset’s resource.
        </Text>
      </Flex>
    )
  return (
    <Flex direction="column" gap="2">
      <Heading as="h3" size="2">
        Scanner findings
      </Heading>
      <Text size="2">
        {countsText(counts)} in {plural(scans.length, 'scan', 'scans')}
        {findings.length < findingsTotal ? ` (the newest ${formatNumber(findings.length)} of ${formatNumber(findingsTotal)} are listed)` : ''}.
      </Text>
      {scans.map(scan => {
        const inScan = findings.filter(f => f.scanId === scan.id)
        return (
          <section key={scan.id} aria-label={`Scan ${scan.fileName}`}>
            <Text as="p" size="2" weight="medium" className="map-break">
              {scan.fileName} ({scan.scanner}, {formatDateTime(scan.scannedOn)}){scan.current ? '' : ', an older scan'}: {countsText(scan.counts)}
            </Text>
            {inScan.length > 0 && (
              <ul className="map-evidence-list">
                {inScan.map(f => (
                  <li key={f.id}>
                    <Text size="2" className="map-break">
                      <Badge color={STATUS_COLOR[f.status]}>{f.status}</Badge> {f.title}{' '}
                      <Text color="gray">
                        ({f.checkId}, {f.severity}
                        {f.muted ? ', muted' : ''}
                        {f.citations.length > 0 ? `, ${f.citations.join(', ')}` : ''})
                      </Text>
                    </Text>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )
      })}
    </Flex>
  )
}
