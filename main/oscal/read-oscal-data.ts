import type { DecisionView, PeriodView, QuestionItem } from '../assessment/contract'
import { readCatalog, readQuestionnaire } from '../assessment/reads'
import type { AgreementFile } from '../baas/contract'
import { readBusinessAssociates } from '../baas/reads'
import type { Db } from '../db/driver'
import type { EvidenceItem } from '../evidence/contract'
import { readEvidence } from '../evidence/reads'
import type { RiskDetail } from '../risks/contract'
import { readRegisterDetails } from '../risks/reads'
import type { CheckSummary, ScanView } from '../scanners/contract'
import { getScan, latestScanIds } from '../scanners/db/scans'
import { specificationSummaries } from '../scanners/db/specification-summary'
import { evaluateTriage, triagedFailures } from '../scanners/reads'
import { ApiError } from '../shared/errors'
import { localDateOf } from '../shared/today'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'

export interface AnsweredQuestion {
  id: string
  text: string
  topic: string
  citations: string[]
  value: 'yes' | 'partly' | 'no' | 'na'
  notes: string
  fieldValue: number | string | null
  updatedAt: string
}

export interface FailingSpecification {
  citation: string
  /** Failing resources, triaged ones left out. */
  failing: number
  checks: CheckSummary[]
  checkCount: number
}

export interface OscalData {
  workspaceUid: string
  organization: string
  profileUpdatedAt: string
  period: PeriodView
  answers: AnsweredQuestion[]
  /** Decisions on addressable specifications (164.306(d)(3)), by citation. */
  decisions: DecisionView[]
  failing: FailingSpecification[]
  scans: ScanView[]
  risks: RiskDetail[]
  agreements: { id: number; name: string; file: AgreementFile }[]
  /** Evidence attached in the workspace (not archived): answers' and decisions' of the period, and every other kind. */
  evidence: EvidenceItem[]
}

/** Checks listed per specification; the rest are counted. */
const TOP_CHECKS = 10

/** Everything the OSCAL documents say, read through each feature's reads (the same data the screens show). */
export function readOscalData(db: Db, now: string, periodId?: string): OscalData {
  const profile = getWorkspaceProfile(db)
  if (!profile) throw new ApiError('invalid-input', 'The workspace has no organisation profile yet: set it up before exporting OSCAL.')
  const today = localDateOf(now)
  const questionnaire = readQuestionnaire(db, now, periodId === undefined ? {} : { periodId })
  const answers = questionnaire.items.flatMap(item => answered(item))
  const citations = readCatalog().entries.map(e => e.citation)
  const scanIds = latestScanIds(db)
  const triaged = triagedFailures(db, scanIds, evaluateTriage(db, today)).map(f => f.id)
  const failing = specificationSummaries(
    db,
    scanIds,
    citations.map(c => [c]),
    TOP_CHECKS,
    triaged
  ).flatMap(s => (s.failing > 0 ? [{ citation: s.citations[0]!, failing: s.failing, checks: s.failingChecks, checkCount: s.failingCheckCount }] : []))
  return {
    workspaceUid: profile.workspaceUid,
    organization: profile.organization.name,
    profileUpdatedAt: profile.updatedAt,
    period: questionnaire.period,
    answers,
    decisions: questionnaire.decisions,
    failing,
    scans: scanIds.flatMap(id => getScan(db, id) ?? []),
    risks: readRegisterDetails(db, { now, today }, questionnaire.period.id),
    agreements: readBusinessAssociates(db, today).flatMap(ba => (ba.agreementFile ? [{ id: ba.id, name: ba.name, file: ba.agreementFile }] : [])),
    evidence: readEvidence(db, today, { periodId: questionnaire.period.id }).sort((a, b) => a.id - b.id)
  }
}

function answered(item: QuestionItem): AnsweredQuestion[] {
  const answer = item.answer
  if (!item.applies || !answer || answer.value === 'not-assessed') return []
  return [
    {
      id: item.id,
      text: item.text,
      topic: item.topic,
      citations: item.citations,
      value: answer.value,
      notes: answer.notes,
      fieldValue: answer.fieldValue,
      updatedAt: answer.updatedAt
    }
  ]
}
