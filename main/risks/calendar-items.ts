// The analysis's dates for the compliance calendar: open remediation tasks by
// their due date, and accepted risks by the day their acceptance expires (the
// risk then returns for review). Dates set by people, not by the rule: the
// Security Rule requires risk management, not these deadlines.
import { getCurrentPeriod } from '../assessment/db/periods'
import type { CalendarItem } from '../calendar/contract'
import type { Db } from '../db/driver'
import { daysBetween, type IsoDate } from '../shared/dates'
import { listScenarios } from './db/scenarios'
import { listOpenTasksWithDueDates } from './db/tasks'
import { assetsByScenario } from './db/scenario-assets'
import { defaultTitle } from './register'
import { getRiskCatalog } from './catalog'

const RISK_MANAGEMENT = '45 CFR 164.308(a)(1)(ii)(B)'

function timeStatus(dueOn: IsoDate, asOf: IsoDate, dueSoonDays: number): CalendarItem['status'] {
  const daysLeft = daysBetween(asOf, dueOn)
  if (daysLeft < 0) return 'overdue'
  return daysLeft <= dueSoonDays ? 'due-soon' : 'upcoming'
}

/** Items of the current period's analysis (none before a period exists: reading the calendar never starts one). */
export function riskCalendarItems(db: Db, context: { asOf: IsoDate; dueSoonDays: number }): CalendarItem[] {
  const period = getCurrentPeriod(db)
  if (!period) return []
  const scenarios = listScenarios(db, period.id)
  const assets = assetsByScenario(db, period.id)
  const titleOf = new Map(
    scenarios.map(s => [
      s.id,
      s.title || defaultTitle(s.threatId ? (getRiskCatalog().threat(s.threatId)?.name ?? s.threatId) : null, assets.get(s.id) ?? [], s.gapQuestionId)
    ])
  )
  const common = { citation: RISK_MANAGEMENT, certainty: 'confirmed' as const, proposed: false, checkWithCounsel: false }
  const tasks: CalendarItem[] = listOpenTasksWithDueDates(db, period.id).map(task => ({
    ...common,
    uid: `risk-task-${task.key}`,
    kind: 'risk-task',
    title: `Remediation: ${task.title}`,
    dueOn: task.dueOn!,
    status: timeStatus(task.dueOn!, context.asOf, context.dueSoonDays),
    basis: `A remediation task of the risk "${titleOf.get(task.scenarioId)}"${task.owner ? `, owned by ${task.owner}` : ''}. The due date was set in the risk analysis; the rule requires risk management but sets no date.`,
    source: { type: 'risk', id: task.scenarioKey, name: titleOf.get(task.scenarioId) ?? '' }
  }))
  const acceptances: CalendarItem[] = scenarios
    .filter(s => s.treatment === 'accept' && s.status !== 'closed' && s.acceptanceExpiresOn !== null)
    .map(s => ({
      ...common,
      uid: `risk-acceptance-${s.key}`,
      kind: 'risk-acceptance-review',
      title: `Review the accepted risk: ${titleOf.get(s.id)}`,
      dueOn: s.acceptanceExpiresOn!,
      status: timeStatus(s.acceptanceExpiresOn!, context.asOf, context.dueSoonDays),
      basis: `${s.acceptedBy ?? 'Someone'} accepted this risk on ${s.acceptedOn ?? 'an unrecorded date'} until ${s.acceptanceExpiresOn}; after that day it returns for review.`,
      source: { type: 'risk', id: s.key, name: titleOf.get(s.id) ?? '' }
    }))
  return [...tasks, ...acceptances]
}
