// The analysis's typed read functions: what its calls answer, for the handlers,
// the CLI-facing exports and the documents (report-data.ts) alike.
import { readPeriods } from '../assessment/reads'
import type { PeriodView } from '../assessment/contract'
import type { Db } from '../db/driver'
import { listMapAssets, listPhiAssets } from '../map/db/assets'
import { readDataFlowMap } from '../map/reads'
import { ApiError } from '../shared/errors'
import { compareRegisters } from './changes'
import type { ListRisksInput, NotAssessedAsset, RiskChanges, RiskDetail, RiskListView, RiskOverview, RiskSummary, SuggestionsView } from './contract'
import { assetsByScenario } from './db/scenario-assets'
import { listDismissals } from './db/suggestion-dismissals'
import { getScenario, listScenarios } from './db/scenarios'
import { buildOverview } from './overview'
import { loadRegister, matchesRiskFilter, riskDetail, sortRisks } from './register'
import { buildSuggestions } from './suggestions'
import { loadVulnerabilitySources, type VulnerabilitySources } from './vulnerability-sources'
import type { VulnerabilityRecord } from './db/vulnerabilities'

export { riskCalendarItems } from './calendar-items'
import type { z } from 'zod'

export interface Clock {
  now: string
  today: string
}

/** The period to read: the one asked for, or the current one (started if the year has turned). */
export function periodOf(db: Db, clock: Clock, periodId?: string): PeriodView {
  const periods = readPeriods(db, clock.now)
  const period = periodId === undefined ? periods.find(p => p.status === 'current') : periods.find(p => p.id === periodId)
  if (!period) throw new ApiError('not-found', `There is no assessment period "${periodId}". Periods: ${periods.map(p => p.id).join(', ')}.`)
  return period
}

export function readRiskList(db: Db, clock: Clock, input: z.output<typeof ListRisksInput>): RiskListView {
  const period = periodOf(db, clock, input.periodId)
  const rows = sortRisks(
    loadRegister(db, period.id, clock.today).filter(row => matchesRiskFilter(row, input.filter)),
    input.sort
  )
  return { period, total: rows.length, rows: rows.slice(input.offset, input.offset + input.limit) }
}

/** Whether each linked vulnerability is still shown by its source, and what the source calls it now. */
function linkState(sources: VulnerabilitySources | null) {
  const findings = new Set([...(sources?.findingsByAsset.values() ?? [])].flat().map(c => c.ref))
  const flags = new Set([...(sources?.mapFlagsByAsset.values() ?? [])].flat().map(c => c.ref))
  const gaps = new Map((sources?.questionGaps ?? []).map(c => [c.ref, c.label]))
  return {
    present: (link: VulnerabilityRecord): boolean | undefined => {
      if (!sources) return undefined
      switch (link.kind) {
        case 'question':
          return gaps.has(link.ref)
        case 'finding':
          return findings.has(link.ref)
        case 'map-flag':
          return flags.has(link.ref)
        case 'baa':
          return sources.baaGaps.has(Number(link.ref))
      }
    },
    label: (link: VulnerabilityRecord): string | undefined => (link.kind === 'question' ? gaps.get(link.ref) : undefined)
  }
}

export function loadSources(db: Db, clock: Clock, periodId: string): VulnerabilitySources {
  return loadVulnerabilitySources(db, { now: clock.now, today: clock.today, periodId, mapFlags: readDataFlowMap(db, { today: clock.today }).flags })
}

export function readRiskDetail(db: Db, clock: Clock, id: number): RiskDetail {
  const scenario = getScenario(db, id)
  if (!scenario) throw new ApiError('not-found', `There is no risk ${id}.`)
  const state = linkState(loadSources(db, clock, scenario.periodId))
  return riskDetail(db, scenario, clock.today, state.present, state.label)
}

/** Every risk of a period whole, highest first; the sources are read once for all of them. */
export function readRegisterDetails(db: Db, clock: Clock, periodId?: string): RiskDetail[] {
  const period = periodOf(db, clock, periodId)
  const state = linkState(loadSources(db, clock, period.id))
  const scenarios = new Map(listScenarios(db, period.id).map(s => [s.id, s]))
  return sortRisks(loadRegister(db, period.id, clock.today), 'level').map(row =>
    riskDetail(db, scenarios.get(row.id)!, clock.today, state.present, state.label)
  )
}

/** PHI assets with no rated risk in the period. */
export function readNotAssessed(db: Db, periodId: string, register?: readonly RiskSummary[]): NotAssessedAsset[] {
  const assessed = new Set<number>()
  const rated = new Set((register ?? []).filter(row => row.level !== null).map(row => row.id))
  const byScenario = assetsByScenario(db, periodId)
  for (const scenario of listScenarios(db, periodId)) {
    const isRated = register ? rated.has(scenario.id) : scenario.likelihood !== null && scenario.impact !== null
    if (!isRated) continue
    for (const asset of byScenario.get(scenario.id) ?? []) if (asset.id !== null) assessed.add(asset.id)
  }
  return listPhiAssets(db)
    .filter(asset => !assessed.has(asset.id))
    .map(asset => ({ id: asset.id, name: asset.name, kind: asset.kind, owner: asset.owner, zoneName: asset.zoneName }))
}

export function readOverview(db: Db, clock: Clock, periodId?: string): RiskOverview {
  const period = periodOf(db, clock, periodId)
  const rows = loadRegister(db, period.id, clock.today)
  return { period, ...buildOverview(rows), notAssessed: readNotAssessed(db, period.id, rows).length }
}

export function readChanges(db: Db, clock: Clock, periodId?: string): RiskChanges {
  const period = periodOf(db, clock, periodId)
  const previous = period.copiedFrom === null ? null : periodOf(db, clock, period.copiedFrom)
  const current = loadRegister(db, period.id, clock.today)
  const before = previous ? loadRegister(db, previous.id, clock.today) : []
  return { period, previous, ...compareRegisters(current, before) }
}

export function readSuggestions(db: Db, clock: Clock): SuggestionsView & { sources: VulnerabilitySources } {
  const period = periodOf(db, clock)
  const sources = loadSources(db, clock, period.id)
  const covered = new Set<string>()
  const byScenario = assetsByScenario(db, period.id)
  for (const scenario of listScenarios(db, period.id))
    if (scenario.threatId !== null) for (const asset of byScenario.get(scenario.id) ?? []) covered.add(`${asset.id}|${scenario.threatId}`)
  const dismissed = listDismissals(db)
  return { suggestions: buildSuggestions({ assets: listMapAssets(db), sources, covered, dismissed }), dismissed, sources }
}

// The documents' view of the analysis, offered to other features with the rest of the reads.
export { readRiskReport, type RiskReportData, type RiskReportRisk, type RiskReportAcceptance } from './report-data'
