import type { CatalogData, InventoryView, PeriodView, ProgressView, QuestionnaireView } from '../../assessment/contract'
import { localDateOf } from '../../shared/today'
import { readCatalog, readInventory, readPeriods, readProgress, readQuestionnaire } from '../../assessment/reads'
import type { CallContext } from '../../api/handler-types'
import type { Db } from '../../db/driver'
import type { WorkspaceSummary } from '../../workspace/contract'
import { readWorkspaceSummary } from '../../workspace/reads'

/**
 * What every document reads from the workspace, once per generation, through the features' typed
 * read functions (the same ones their calls answer with): the organisation, the assessment of a
 * period, its inventory and progress. `db` and `now` are there for the sections' own reads.
 */
export type WorkspaceFacts = {
  db: Db
  /** The session's clock, as an ISO timestamp. */
  now: string
  today: string
  workspace: WorkspaceSummary
  catalog: CatalogData
  periods: PeriodView[]
  period: PeriodView
  questionnaire: QuestionnaireView
  inventory: InventoryView
  progress: ProgressView
}

export const PROVIDER_NAMES: Record<string, string> = {
  aws: 'Amazon Web Services',
  azure: 'Microsoft Azure',
  gcp: 'Google Cloud',
  other: 'Cloud provider',
  none: 'No cloud provider'
}

export function readWorkspaceFacts(ctx: CallContext, periodId?: string): WorkspaceFacts {
  const { db, path } = ctx.workspace()
  const now = ctx.session.now()
  // Periods first: reading them starts the current period if the year has turned, as the calls do.
  const periods = readPeriods(db, now)
  const questionnaire = readQuestionnaire(db, now, { periodId })
  return {
    db,
    now,
    today: localDateOf(now),
    workspace: readWorkspaceSummary(db, path),
    catalog: readCatalog(),
    periods,
    period: questionnaire.period,
    questionnaire,
    inventory: readInventory(db, now, periodId),
    progress: readProgress(db, now, periodId)
  }
}

/** The values answers carry (session timeout, retention years…), by value-field key. */
export function fieldValues(questionnaire: QuestionnaireView): Map<string, number | string> {
  const values = new Map<string, number | string>()
  for (const item of questionnaire.items) {
    if (item.valueField && item.answer?.fieldValue !== null && item.answer?.fieldValue !== undefined) {
      values.set(item.valueField.key, item.answer.fieldValue)
    }
  }
  return values
}

/** A period named like a year covers that calendar year; any other name runs from its start. */
export function periodRange(period: PeriodView, today: string): { label: string; start: string; end: string } {
  if (/^\d{4}$/.test(period.id)) return { label: period.id, start: `${period.id}-01-01`, end: `${period.id}-12-31` }
  return { label: period.id, start: period.startedOn, end: period.closedOn ?? today }
}
