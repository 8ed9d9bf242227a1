import { Badge, Button, Flex, Text } from '@radix-ui/themes'
import type { CheckSummary, SpecificationSummary } from '../../../../main/scanners/contract'
import { api } from '../../api'
import { countOf, formatNumber } from '../../components/count-of'
import { openAreaAt } from '../../components/record-link'
import { useLoaded } from '../../components/use-loaded'
import { useWorkspace } from '../../workspace-context'
import { SEVERITY_COLOR } from '../findings/labels'

// The contract's citation pattern: only Security Rule specifications are asked about (a cloud control may cite others).
const CITATION = /^164\.3\d\d(\([A-Za-z0-9]+\))*$/

/**
 * The cards of a section mount together: their requests are gathered for one turn of the event loop and asked for in
 * one call, so the main side reads the findings once per section rather than once per card.
 */
let waiting: { citations: string[]; resolve(summary: SpecificationSummary): void; reject(error: unknown): void }[] = []
function summaryOf(citations: string[]): Promise<SpecificationSummary> {
  return new Promise((resolve, reject) => {
    waiting.push({ citations, resolve, reject })
    if (waiting.length > 1) return
    setTimeout(() => {
      const batch = waiting
      waiting = []
      api['findings.specificationSummaries']({ items: batch.map(b => b.citations), top: 3 }).then(
        summaries => batch.forEach((b, i) => b.resolve(summaries[i]!)),
        (error: unknown) => batch.forEach(b => b.reject(error))
      )
    }, 0)
  })
}

/**
 * A question's scan evidence: failing and passing checks on its specifications in the latest scan of each account,
 * the top checks of each, and a way to the Findings view filtered to the specification. Nothing when no scan is imported.
 */
export function QuestionEvidence(props: { citations: string[] }) {
  const { navigate } = useWorkspace()
  const citations = props.citations.filter(c => CITATION.test(c))
  const { data, error } = useLoaded(() => (citations.length ? summaryOf(citations) : Promise.resolve(null)), [citations.join('|')])
  if (error) {
    return (
      <Text size="1" color="red" role="alert">
        Scan evidence could not be read: {error}
      </Text>
    )
  }
  if (!data || data.scans === 0) return null
  const target = citations[0]!
  const none = data.failingCheckCount + data.passingCheckCount === 0
  return (
    <section className="question-evidence" aria-label={`Scan evidence for ${citations.join(', ')}`} data-testid="question-evidence">
      <Flex direction="column" gap="1">
        <Flex gap="2" align="center" wrap="wrap">
          <Text size="2" weight="medium">
            Scan evidence
          </Text>
          {none ? (
            <Text size="2" color="gray">
              No check in the latest scans bears on {citations.length === 1 ? 'this specification' : 'these specifications'}.
            </Text>
          ) : (
            <>
              <Badge color={data.failing > 0 ? 'red' : 'gray'} variant="soft" highContrast>
                {countOf(data.failing, 'failing resource')} in {countOf(data.failingCheckCount, 'check')}
              </Badge>
              {data.passingCheckCount > 0 ? (
                <Badge color="green" variant="soft" highContrast>
                  {countOf(data.passing, 'passing resource')} in {countOf(data.passingCheckCount, 'check')}
                </Badge>
              ) : (
                <Text size="2" color="gray">
                  no passing check
                </Text>
              )}
            </>
          )}
        </Flex>
        <CheckList label="Failing" checks={data.failingChecks} more={data.failingCheckCount - data.failingChecks.length} />
        <CheckList label="Passing" checks={data.passingChecks} more={data.passingCheckCount - data.passingChecks.length} />
        <Text size="1" color="gray">
          From the latest scan of each account. Scans inform your answer; they do not decide it.
        </Text>
        {!none && (
          <Button size="1" variant="ghost" style={{ alignSelf: 'start' }} onClick={() => openAreaAt(navigate, 'findings', target)}>
            Show the findings for {target}
          </Button>
        )}
      </Flex>
    </section>
  )
}

function CheckList(props: { label: string; checks: CheckSummary[]; more: number }) {
  if (props.checks.length === 0) return null
  return (
    <Flex direction="column" gap="1">
      <Text size="1" weight="medium">
        {props.label}
      </Text>
      <ul className="evidence-list">
        {props.checks.map(check => (
          <li key={`${check.scanner}|${check.checkId}`}>
            <Flex gap="2" align="center" wrap="wrap">
              <Badge color={SEVERITY_COLOR[check.severity]} variant="outline">
                {check.severity}
              </Badge>
              <Text size="1">{check.title}</Text>
              <Text size="1" color="gray">
                {check.checkId} · {countOf(check.resources, 'resource')}
              </Text>
            </Flex>
          </li>
        ))}
        {props.more > 0 && (
          <li>
            <Text size="1" color="gray">
              and {formatNumber(props.more)} more {props.more === 1 ? 'check' : 'checks'}
            </Text>
          </li>
        )}
      </ul>
    </Flex>
  )
}
