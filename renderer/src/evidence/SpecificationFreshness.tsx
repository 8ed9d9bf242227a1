import { Text } from '@radix-ui/themes'
import type { EvidenceSpecificationSummary } from '../../../main/evidence/contract'
import { api } from '../api'
import { useLoaded } from '../components/use-loaded'
import { useEvidenceVersion } from './evidence-changes'
import { freshnessText } from './evidence-text'

/**
 * The questionnaire's cards all want the same table: one call per period and change, shared by every card that asks
 * while it is the latest (a section of fifty cards makes one request).
 */
let shared: { key: string; summaries: Promise<Map<string, EvidenceSpecificationSummary>> } | null = null
function summariesFor(periodId: string, version: number): Promise<Map<string, EvidenceSpecificationSummary>> {
  const key = `${periodId}\n${version}`
  if (shared?.key !== key) {
    const summaries = api['evidence.bySpecification']({ periodId }).then(rows => new Map(rows.map(row => [row.specificationId, row])))
    // A failed read is not kept: the next card or change asks again.
    summaries.catch(() => {
      if (shared?.summaries === summaries) shared = null
    })
    shared = { key, summaries }
  }
  return shared.summaries
}

/** Per specification of a question: how much evidence supports it and how fresh ("2 evidence items, newest effective …, 1 stale"). */
export function SpecificationFreshness(props: { citations: string[]; periodId: string }) {
  const version = useEvidenceVersion()
  const { data, error } = useLoaded(() => summariesFor(props.periodId, version), [props.periodId, version])
  if (error)
    return (
      <Text size="1" color="red" role="alert">
        Evidence counts could not be read: {error}
      </Text>
    )
  if (!data) return null
  return (
    <ul className="evidence-freshness" aria-label="Evidence per specification" data-testid="evidence-freshness">
      {props.citations.map(citation => {
        const summary = data.get(citation)
        return (
          <li key={citation}>
            <Text size="1" color={summary && summary.staleCount > 0 ? undefined : 'gray'}>
              {props.citations.length > 1 ? `${citation}: ` : 'Attached evidence: '}
              {freshnessText(summary)}
            </Text>
          </li>
        )
      })}
    </ul>
  )
}
