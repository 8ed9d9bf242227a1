import type { Db } from '../../db/driver'
import { getCurrentPeriod } from '../../assessment/db/periods'
import { readBusinessAssociates } from '../../baas/reads'
import { readIncidents } from '../../breach/reads'
import { readEvidence } from '../../evidence/reads'
import { readRiskList } from '../../risks/reads'
import { listScans } from '../../scanners/db/scans'
import { evaluateTriage, tallyTriaged, triagedFailures } from '../../scanners/reads'
import { daysBetween } from '../../shared/dates'
import { dueText } from '../../shared/due-text'
import { localDateOf } from '../../shared/today'
import { sentenceCase } from '../calendar'
import type { DashboardView, OpenHighRisk } from './dashboard-view'

/** The Dashboard's cards: each reads its feature through that feature's reads.ts or db/, as of the workspace's today. */

/** Signed agreements expiring within the window, and those already past their date, soonest first. */
export function agreementsCard(db: Db, asOf: string, windowDays: number): DashboardView['agreements'] {
  const associates = readBusinessAssociates(db, asOf, windowDays)
  const expiring = associates
    .filter(a => a.expiresOn !== null && (a.flags.expiringSoon || (a.baaStatus === 'signed' && a.flags.expired)))
    .map(a => {
      const daysLeft = daysBetween(asOf, a.expiresOn!)
      return { id: a.id, name: a.name, expiresOn: a.expiresOn!, daysLeft, dueText: dueText(daysLeft) }
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name))
  return { expiring, withoutSignedBaa: associates.filter(a => a.flags.phiWithoutSignedBaa).length, total: associates.length, windowDays }
}

/** Incidents with a notice still to give, the nearest deadline first. */
export function incidentsCard(db: Db, asOf: string): DashboardView['incidents'] {
  const incidents = readIncidents(db, asOf)
  const open = incidents
    .filter(incident => incident.open > 0 && incident.next !== null)
    .map(incident => {
      const daysLeft = daysBetween(asOf, incident.next!.dueOn)
      return {
        id: incident.id,
        title: incident.title,
        nextRecipient: sentenceCase(incident.next!.recipient),
        dueOn: incident.next!.dueOn,
        daysLeft,
        dueText: dueText(daysLeft),
        openNotices: incident.open,
        overdueNotices: incident.overdue
      }
    })
    .sort((a, b) => a.daysLeft - b.daysLeft || a.id - b.id)
  return { open, total: incidents.length }
}

const HIGH_LEVELS: readonly string[] = ['critical', 'high']
const OPEN_STATUSES: readonly string[] = ['open', 'in-treatment']

/** Risks rated high or critical and not yet treated or closed, highest first (none before the first assessment period exists). */
export function risksCard(db: Db, now: string, asOf: string): DashboardView['risks'] {
  const period = getCurrentPeriod(db)
  if (!period) return { highOpen: [], total: 0 }
  const list = readRiskList(db, { now, today: asOf }, { periodId: period.id, sort: 'level', filter: {}, limit: 100_000, offset: 0 })
  const highOpen: OpenHighRisk[] = list.rows
    .filter(risk => risk.level !== null && HIGH_LEVELS.includes(risk.level) && OPEN_STATUSES.includes(risk.status))
    .map(risk => ({ id: risk.id, title: risk.title, level: risk.level as OpenHighRisk['level'], levelLabel: risk.levelLabel }))
  return { highOpen, total: list.total }
}

/** How fresh the evidence is: the newest scanner import, the signed copies of agreements stored in the workspace, and attached evidence past its expiry. */
export function evidenceCard(db: Db, asOf: string): DashboardView['evidence'] {
  const scans = listScans(db)
  const latest = scans[0]
  const signed = readBusinessAssociates(db, asOf).filter(a => a.baaStatus === 'signed')
  const attached = readEvidence(db, asOf)
  const importedOn = latest ? localDateOf(latest.importedAt) : null
  const triaged = latest
    ? tallyTriaged(db, triagedFailures(db, [latest.id], evaluateTriage(db, asOf)), { weight: 'resources', unmutedOnly: false }).total
    : 0
  return {
    latestScan:
      latest && importedOn
        ? {
            fileName: latest.fileName,
            scanner: latest.scanner,
            importedOn,
            daysAgo: Math.max(0, daysBetween(importedOn, asOf)),
            failed: latest.failed - triaged,
            triaged,
            passed: latest.passed
          }
        : null,
    scans: scans.length,
    signedAgreements: signed.length,
    signedCopiesStored: signed.filter(a => a.agreementFile !== null).length,
    attached: attached.length,
    stale: attached.filter(item => item.stale).length
  }
}
