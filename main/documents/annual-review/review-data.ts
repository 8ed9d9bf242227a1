import type { Answer, FamilyId, Recorded, RiskLevel, Severity } from '../evidence-pack/pack-data'
import type { RiskReportData } from '../../risks/reads'
import type { MapChanges } from '../../map/reads'
import type { AttachedEvidence } from '../attached-evidence/read-attached-evidence'

/**
 * The plain data the annual review report is composed from: this assessment period against the
 * previous one. Dates are calendar dates 'YYYY-MM-DD'. Incidents carry counts and dates only.
 */
export type AnnualReviewData = {
  organization: { name: string; role: 'covered-entity' | 'business-associate' }
  preparedOn: string
  preparedBy: { name: string; title: string }
  current: { label: string; start: string; end: string }
  /** null when this is the first period recorded in the workspace. */
  previous: { label: string; start: string; end: string } | null

  answerChanges: Recorded<Array<{ citation: string; title: string; before: Answer | null; after: Answer }>>

  gaps: Recorded<{
    /** Requirements answered No or Partly now that were not gaps before. */
    opened: Array<{ citation: string; title: string; answer: Answer }>
    /** Requirements that were gaps before and are answered Yes or Not applicable now. */
    closed: Array<{ citation: string; title: string; answer: Answer }>
    openNow: number
    openBefore: number | null
  }>

  risks: Recorded<{
    levelsBefore: Record<RiskLevel, number> | null
    levelsNow: Record<RiskLevel, number>
    changed: Array<{ title: string; citation?: string; before: RiskLevel | null; after: RiskLevel | null }>
  }>

  /** The risk analysis of this period: method, heat map, top and accepted risks; absent in data built before it existed. */
  riskAnalysis?: Recorded<RiskReportData>

  remediation: Recorded<{
    done: Array<{ title: string; citation?: string; completedOn: string; owner: string }>
    overdue: Array<{ title: string; citation?: string; dueOn: string; owner: string; riskLevel: RiskLevel }>
  }>

  /** One point per imported scan, oldest first. */
  findingsTrend: Recorded<Array<{ label: string; scannedOn: string; failed: number; passed: number; failedBySeverity: Record<Severity, number> }>>

  businessAssociates: Recorded<{
    signed: Array<{ name: string; signedOn: string }>
    expired: Array<{ name: string; expiredOn: string }>
  }>

  /** What changed in the data-flow map since the previous period began; absent in data built before it existed. */
  mapChanges?: Recorded<MapChanges>

  /** Evidence attached to answers, decisions, controls, risks, tasks, assets and incidents, by specification; absent in data built before evidence existed. */
  attachedEvidence?: Recorded<AttachedEvidence>

  incidents: Recorded<
    Array<{ reference: string; discoveredOn: string; category: string; affectedCount: number; notifiable: boolean | null; obligationsMet: boolean }>
  >

  signOffs: Array<{ family: FamilyId; label: string; reviewer?: string; signedOn?: string }>
}
