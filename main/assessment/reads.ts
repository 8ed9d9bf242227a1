import type { Db } from '../db/driver'
import { listBusinessAssociates } from '../baas/db/business-associates'
import { mapAssetsByService } from '../map/db/assets'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { getCatalog } from './catalog'
import type { CatalogData, QuestionGroup } from './catalog.types'
import type {
  InventoryItem,
  InventoryView,
  PeriodView,
  ProcurementView,
  ProgressView,
  QuestionnaireFilter,
  QuestionnaireView,
  RiskView
} from './contract'
import { listServices } from './db/cloud-services'
import { listPeriods } from './db/periods'
import { buildInventory } from './inventory'
import { calendarDateOf, periodToRead, periodToWrite } from './periods'
import { buildProcurement } from './procurement'
import { buildProgress } from './progress'
import { loadAssessmentState, matchesFilter, matchesSearch } from './questionnaire'
import { buildRiskRegister, type RiskSort } from './risk-register'

export { PROVIDER_NAMES, PROVIDER_PATTERNS } from './procurement'
export { citationsText, procurementStatusWord } from './procurement-text'

/**
 * The assessment's typed read functions: what its calls answer, for other features (documents,
 * calendar) to read without going through the API by name. The handlers answer with these too,
 * so every reader sees the same thing.
 */

export function readCatalog(): CatalogData {
  return getCatalog().data
}

/** Every period, oldest first; the current one is started if the year has turned. */
export function readPeriods(db: Db, now: string): PeriodView[] {
  periodToWrite(db, now)
  return listPeriods(db)
}

export function readInventory(db: Db, now: string, periodId?: string): InventoryView {
  const catalog = getCatalog()
  const period = periodToRead(db, now, periodId)
  const { provider, referenceUrl, note } = catalog.data.services
  return { period, provider, referenceUrl, note, items: inventoryItems(db, period.id) }
}

export function inventoryItems(db: Db, periodId: string): InventoryItem[] {
  return buildInventory(getCatalog(), listServices(db, periodId), mapAssetsByService(db))
}

export function readQuestionnaire(
  db: Db,
  now: string,
  query: { periodId?: string | undefined; group?: QuestionGroup | undefined; filter?: QuestionnaireFilter; search?: string } = {}
): QuestionnaireView {
  const catalog = getCatalog()
  const state = loadAssessmentState(catalog, db, periodToRead(db, now, query.periodId))
  const items = state.items.filter(
    item =>
      (query.group === undefined || item.group === query.group) &&
      matchesFilter(item, query.filter ?? 'all') &&
      matchesSearch(item, query.search ?? '')
  )
  const citations = new Set(items.flatMap(i => i.citations))
  return {
    period: state.period,
    profile: { questions: catalog.data.profile, values: state.profile, defaults: state.profileDefaults },
    items,
    decisions: [...state.decisions.values()].filter(d => citations.has(d.citation)),
    totalApplicable: state.items.filter(i => i.applies && (query.group === undefined || i.group === query.group)).length
  }
}

export function readProgress(db: Db, now: string, periodId?: string): ProgressView {
  const catalog = getCatalog()
  return buildProgress(catalog, db, loadAssessmentState(catalog, db, periodToRead(db, now, periodId)))
}

export function readRiskRegister(db: Db, now: string, query: { periodId?: string | undefined; sort?: RiskSort | undefined } = {}): RiskView[] {
  const state = loadAssessmentState(getCatalog(), db, periodToRead(db, now, query.periodId))
  return buildRiskRegister(state, calendarDateOf(now), query.sort ?? 'level')
}

export function readProcurement(db: Db, now: string, periodId?: string): ProcurementView {
  const catalog = getCatalog()
  const period = periodToRead(db, now, periodId)
  const state = loadAssessmentState(catalog, db, period)
  const provider = getWorkspaceProfile(db)?.organization.cloudProvider ?? 'aws'
  const register = { associates: listBusinessAssociates(db), asOf: calendarDateOf(now) }
  return buildProcurement(state, inventoryItems(db, period.id), provider, register)
}
