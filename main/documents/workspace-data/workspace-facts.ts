import type { CatalogData } from '../../assessment/catalog.types'
import type { InventoryView, PeriodView, ProgressView, QuestionnaireView } from '../../assessment/contract'
import { localDateOf } from '../../calendar/today'
import type { CallContext } from '../../api/handler-types'
import type { Db } from '../../db/driver'
import type { WorkspaceSummary } from '../../workspace/contract'
import { apiCaller, type ApiCaller } from './api-caller'

/**
 * What every document reads from the workspace, fetched once per generation through the public
 * calls: the organisation, the assessment of a period, its inventory and progress.
 */
export type WorkspaceFacts = {
  api: ApiCaller
  /** Read-only use: a few grouped counts the features' calls do not offer. */
  db: Db
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

export async function readWorkspaceFacts(ctx: CallContext, periodId?: string): Promise<WorkspaceFacts> {
  const api = apiCaller(ctx)
  const workspace = await api.call('workspace.current', {})
  if (!workspace) throw new Error('No workspace is open')
  const read = periodId ? { periodId } : {}
  const [catalog, periods, questionnaire, inventory, progress] = [
    await api.call('assessment.catalog', {}),
    await api.call('assessment.periods', {}),
    await api.call('assessment.questionnaire', { ...read }),
    await api.call('assessment.inventory', { ...read }),
    await api.call('assessment.progress', { ...read })
  ]
  return {
    api,
    db: ctx.workspace().db,
    today: localDateOf(ctx.session.now()),
    workspace,
    catalog,
    periods,
    period: questionnaire.period,
    questionnaire,
    inventory,
    progress
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
