import { useState } from 'react'
import { Button, Callout, Flex, Progress, Select, Tabs, Text } from '@radix-ui/themes'
import { ArrowRightIcon } from '@radix-ui/react-icons'
import { PageHeader } from '../../components/PageHeader'
import { api } from '../../api'
import './assessment.css'
import { CyclePanel } from './CyclePanel'
import { InventoryPanel } from './InventoryPanel'
import { NextStep } from './NextStep'
import { ProcurementPanel } from './ProcurementPanel'
import { QuestionnairePanel } from './QuestionnairePanel'
import { useLoaded } from '../../components/use-loaded'
import { countOf, formatNumber } from '../../components/count-of'
import { useWorkspace } from '../../workspace-context'

/** The HIPAA Security Rule assessment: questionnaire, risks, cloud services, procurement answers and the yearly review. */
export function AssessmentPage() {
  const { navigate } = useWorkspace()
  const [periodId, setPeriodId] = useState<string | undefined>(undefined)
  const [refreshKey, setRefreshKey] = useState(0)
  const periods = useLoaded(() => api['assessment.periods']({}), [refreshKey])
  const current = periods.data?.find(p => p.status === 'current')
  const shownPeriod = periodId ?? current?.id
  const progress = useLoaded(
    () => (shownPeriod ? api['assessment.progress']({ periodId: shownPeriod }) : Promise.resolve(null)),
    [shownPeriod, refreshKey]
  )
  const changed = () => setRefreshKey(k => k + 1)
  const data = progress.data

  return (
    <Flex direction="column" gap="3">
      <Flex direction="column" gap="2">
        <PageHeader title="Assessment" description="The Security Rule's safeguards, one section at a time. Everything is saved as you go." />
        {/* Background a first-time reader needs once; kept folded so the questions fit a laptop screen. */}
        <details className="about-assessment">
          <summary>
            <Text size="2" weight="medium">
              About this assessment
            </Text>
          </summary>
          <Text as="p" size="2" color="gray" mt="2">
            The HIPAA Security Rule asks you to protect electronic health information in three ways: how you run things (administrative), places and
            devices (physical) and what your systems enforce (technical), plus contracts and written policies. Answer each question honestly; anything
            answered No or Partly becomes a gap to rate and plan. The questionnaire counts towards your risk analysis but is not the whole of it: the
            analysis also rates the threats to each asset that holds health information.
          </Text>
        </details>
      </Flex>
      {(periods.error || progress.error) && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{periods.error ?? progress.error}</Callout.Text>
        </Callout.Root>
      )}
      {data && periods.data && (
        <>
          <Flex gap="5" align="center" wrap="wrap">
            <Flex gap="2" align="center">
              <Text as="label" size="2" weight="medium" htmlFor="assessment-period">
                Period
              </Text>
              <Select.Root value={data.period.id} onValueChange={setPeriodId}>
                <Select.Trigger id="assessment-period" />
                <Select.Content>
                  {periods.data.map(p => (
                    <Select.Item key={p.id} value={p.id}>
                      {p.id} {p.status === 'current' ? '(current)' : '(closed, read-only)'}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Flex>
            <Flex direction="column" gap="1" flexGrow="1" maxWidth="360px">
              <Text size="2" weight="medium" id="overall-progress-label">
                {formatNumber(data.overall.answered)} of {formatNumber(data.overall.applicable)} questions answered ({data.overall.percent}%)
              </Text>
              <Progress value={data.overall.percent} aria-labelledby="overall-progress-label" />
            </Flex>
            <Text size="2" color="gray" data-testid="assessment-counts">
              {countOf(data.risks.critical + data.risks.high, 'high or critical risk')} · {countOf(data.risks.unrated, 'gap')} not rated
              {data.decisionsNeeded > 0 ? ` · ${countOf(data.decisionsNeeded, 'decision')} needed` : ''}
              {data.toConfirm > 0 ? ` · ${data.toConfirm} to confirm` : ''}
            </Text>
          </Flex>
          <NextStep progress={data} />
          <Tabs.Root defaultValue="questions">
            <Flex align="center" gap="4" wrap="wrap">
              <Tabs.List aria-label="Assessment sections">
                <Tabs.Trigger value="questions">Questionnaire</Tabs.Trigger>
                <Tabs.Trigger value="services">Cloud services</Tabs.Trigger>
                <Tabs.Trigger value="procurement">Procurement answers</Tabs.Trigger>
                <Tabs.Trigger value="review">Review and sign-off</Tabs.Trigger>
              </Tabs.List>
              {/* The register of gaps became the risk analysis, its own area: one register, reached from here too. */}
              <Button variant="ghost" onClick={() => navigate('risks')}>
                Risk analysis
                <ArrowRightIcon aria-hidden />
              </Button>
            </Flex>
            <Flex pt="3" direction="column">
              <Tabs.Content value="questions">
                <QuestionnairePanel periodId={data.period.id} progress={data} onChanged={changed} />
              </Tabs.Content>
              <Tabs.Content value="services">
                <InventoryPanel periodId={data.period.id} readOnly={data.period.readOnly} onChanged={changed} />
              </Tabs.Content>
              <Tabs.Content value="procurement">
                <ProcurementPanel periodId={data.period.id} refreshKey={refreshKey} />
              </Tabs.Content>
              <Tabs.Content value="review">
                <CyclePanel
                  progress={data}
                  periods={periods.data}
                  onChanged={changed}
                  onPeriodStarted={id => {
                    setPeriodId(id)
                    changed()
                  }}
                />
              </Tabs.Content>
            </Flex>
          </Tabs.Root>
        </>
      )}
    </Flex>
  )
}
