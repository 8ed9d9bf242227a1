import { useState } from 'react'
import { Badge, Callout, Flex, Tabs, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import { useLoaded } from '../../components/use-loaded'
import { api } from '../../api'
import { useWorkspace } from '../../workspace-context'
import { ChangesPanel } from './ChangesPanel'
import { FileActions } from './FileActions'
import { HeatMapPanel, type HeatCellFilter } from './HeatMapPanel'
import { NewRiskDialog } from './NewRiskDialog'
import { NotAssessedPanel } from './NotAssessedPanel'
import { RegisterPanel } from './RegisterPanel'
import { ScaleStatement } from './ScaleStatement'
import { SuggestionsPanel } from './SuggestionsPanel'
import './risks.css'
import { countOf, formatNumber } from '../../components/count-of'
import { takeRecordTarget } from '../../components/record-link'

/** The risk analysis: every asset × threat scenario, rated, treated and tracked, with suggestions, gaps in coverage and a heat map. */
export function RisksPage() {
  const { workspace } = useWorkspace()
  const [tab, setTab] = useState('register')
  const [refreshKey, setRefreshKey] = useState(0)
  // Tab badges are aria-hidden: the tabs keep plain names, and the counts are said in the line above the tabs.
  // A risk created elsewhere on the page (a suggestion, an unassessed asset), or opened from a link elsewhere, opens in the register.
  const [openRiskId, setOpenRiskId] = useState<number | null>(() => Number(takeRecordTarget('risks')) || null)
  const [cell, setCell] = useState<HeatCellFilter | null>(null)
  const catalog = useLoaded(() => api['risks.catalog']({}), [workspace.path])
  const overview = useLoaded(() => api['risks.overview']({}), [workspace.path, refreshKey])
  const suggestions = useLoaded(() => api['risks.suggestions']({}), [workspace.path, refreshKey])
  const notAssessed = useLoaded(() => api['risks.notAssessed']({}), [workspace.path, refreshKey])
  const changed = () => setRefreshKey(k => k + 1)
  const created = (riskId: number) => {
    changed()
    setOpenRiskId(riskId)
    setTab('register')
  }
  const readOnly = overview.data?.period.readOnly ?? false
  const error = catalog.error ?? overview.error ?? suggestions.error ?? notAssessed.error

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Risk analysis"
        description={
          <>
            Where health information is, what could go wrong with it, how likely and how bad that would be, and what you are doing about it. Each risk
            is one scenario: a threat to one or more assets, made possible by weaknesses found in the questionnaire, scans, the data-flow map or your
            business associate agreements. Everything you type is saved as you go.
          </>
        }
        actions={
          catalog.data && (
            <>
              {!readOnly && <NewRiskDialog catalog={catalog.data} onCreated={created} />}
              <FileActions readOnly={readOnly} onImported={changed} />
            </>
          )
        }
      />
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {overview.data && (
        <Text size="2" color="gray" data-testid="risk-counts">
          {countOf(overview.data.total, 'risk')} in {overview.data.period.id}
          {overview.data.overdue > 0 ? ` · ${overview.data.overdue} overdue` : ''}
          {overview.data.needsReview > 0 ? ` · ${overview.data.needsReview} to review again` : ''}
          {overview.data.notAssessed > 0
            ? ` · ${overview.data.notAssessed} PHI ${overview.data.notAssessed === 1 ? 'asset' : 'assets'} not yet assessed`
            : ''}
          {suggestions.data && suggestions.data.suggestions.length > 0
            ? ` · ${countOf(suggestions.data.suggestions.length, 'suggestion')} to review`
            : ''}
        </Text>
      )}
      {catalog.data && <ScaleStatement catalog={catalog.data} />}
      {catalog.data && (
        <Tabs.Root value={tab} onValueChange={setTab}>
          <Tabs.List aria-label="Risk analysis views">
            <Tabs.Trigger value="register">Register</Tabs.Trigger>
            <Tabs.Trigger value="suggestions">
              Suggestions
              {suggestions.data && suggestions.data.suggestions.length > 0 && (
                <Badge aria-hidden ml="2" variant="soft" highContrast>
                  {formatNumber(suggestions.data.suggestions.length)}
                </Badge>
              )}
            </Tabs.Trigger>
            <Tabs.Trigger value="not-assessed">
              Not yet assessed
              {notAssessed.data && notAssessed.data.length > 0 && (
                <Badge aria-hidden ml="2" color="orange" variant="soft" highContrast>
                  {formatNumber(notAssessed.data.length)}
                </Badge>
              )}
            </Tabs.Trigger>
            <Tabs.Trigger value="heat-map">Heat map</Tabs.Trigger>
            <Tabs.Trigger value="changes">What changed</Tabs.Trigger>
          </Tabs.List>
          <Flex direction="column" gap="4" pt="4">
            <Tabs.Content value="register">
              <RegisterPanel
                catalog={catalog.data}
                readOnly={readOnly}
                refreshKey={refreshKey}
                openRiskId={openRiskId}
                onOpenRisk={setOpenRiskId}
                onChanged={changed}
                cell={cell}
                onClearCell={() => setCell(null)}
              />
            </Tabs.Content>
            <Tabs.Content value="suggestions">
              {suggestions.data && <SuggestionsPanel view={suggestions.data} readOnly={readOnly} onCreated={created} onChanged={changed} />}
            </Tabs.Content>
            <Tabs.Content value="not-assessed">
              {notAssessed.data && <NotAssessedPanel assets={notAssessed.data} catalog={catalog.data} readOnly={readOnly} onCreated={created} />}
            </Tabs.Content>
            <Tabs.Content value="heat-map">
              {overview.data && (
                <HeatMapPanel
                  overview={overview.data}
                  catalog={catalog.data}
                  onShowCell={shown => {
                    setCell(shown)
                    setTab('register')
                  }}
                />
              )}
            </Tabs.Content>
            <Tabs.Content value="changes">
              <ChangesPanel refreshKey={refreshKey} catalog={catalog.data} />
            </Tabs.Content>
          </Flex>
        </Tabs.Root>
      )}
    </Flex>
  )
}
