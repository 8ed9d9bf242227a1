import type { RiskReportData } from '../../risks/reads'
import type { IdentifyingValue } from '../redact'
import type { DataFlowMapSection } from '../workspace-data/data-flow-map'
import type { AttachedEvidence } from '../attached-evidence/read-attached-evidence'

/**
 * The plain data the evidence pack is composed from. Builders fill it from a workspace (or a test
 * fixture); the composer only reads it. Dates are calendar dates 'YYYY-MM-DD'. Nothing here holds
 * PHI: incidents carry counts and dates only.
 */

export type Answer = 'yes' | 'partly' | 'no' | 'not-applicable' | 'not-assessed'

export type Requirement = 'required' | 'addressable' | null

export type AddressableDecisionKind = 'as-specified' | 'alternative' | 'not-reasonable'

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical'

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'informational'

/** The pack's severities, worst first (a scanner's 'unknown' is counted as informational). */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'informational']

export type FamilyId = 'administrative' | 'physical' | 'technical' | 'organizational' | 'documentation'

export type AnswerCounts = Record<Answer, number>

/** An answer as the assessment wrote it (assessment/procurement.ts, the one source the screen reads too), with the rule paragraphs it rests on. */
export type ProcurementStatement = { status: 'yes' | 'partly' | 'no' | 'unknown'; answer: string; citations?: string[] }

/** A section that holds no data says so in words; `null` means "not recorded in this workspace". */
export type Recorded<T> = T | null

export type EvidencePackData = {
  organization: {
    name: string
    role: 'covered-entity' | 'business-associate'
  }
  period: { label: string; start: string; end: string }
  preparedOn: string
  preparedBy: { name: string; title: string }
  cloud: { provider: string; accountIds: string[] }

  procurement: {
    /** Q1: is a BAA signed with the cloud provider (and, for a business associate, with its clients)? */
    cloudBaa: Recorded<{
      provider: string
      status: 'signed' | 'requested' | 'none' | 'expired' | 'terminated'
      signedOn?: string
      /** e.g. "Accepted through AWS Artifact" */
      note?: string
    }>
    clientBaas?: Recorded<{ signed: number; total: number }>
    /** Q2: which services hold PHI and are they covered by the BAA? */
    phiServices: Recorded<Array<{ service: string; eligible: boolean | null }>>
    /** Q3: how is minimum necessary access enforced? Measures in plain words, from answers and controls. */
    minimumNecessary: Recorded<{ summary: string; measures: string[] }>
    /**
     * Answers already written by the assessment, in its own words; when present they are used as
     * given rather than composed from the fields above.
     */
    statements?: {
      baa?: ProcurementStatement
      services?: ProcurementStatement
      minimumNecessary?: ProcurementStatement
    }
  }

  families: Recorded<
    Array<{
      family: FamilyId
      label: string
      counts: AnswerCounts
      signOff?: { reviewer: string; signedOn: string }
    }>
  >

  controls: Recorded<
    Array<{
      citation: string
      title: string
      family: FamilyId
      kind: 'standard' | 'specification'
      requirement: Requirement
      answer: Answer
      decision?: { kind: AddressableDecisionKind; rationale: string }
      /** Evidence references: file names, policy numbers, scan ids. */
      evidence: string[]
      failingFindings?: number
    }>
  >

  /** Absent or null when the workspace holds no map. */
  dataFlowMap?: DataFlowMapSection | null
  cloudServices: Recorded<Array<{ name: string; eligible: boolean | null; holdsPhi: boolean; encryption?: string; notes?: string }>>

  /** The ten technical controls of the architecture checklist. */
  technicalControls: Recorded<
    Array<{
      control: string
      mechanism: string
      /** Where the control comes from (the rule, the source architecture document, good practice), as printed. */
      origin: string
      /** Status under the rule in force (required, addressable, not in the rule), as printed. */
      ruleStatus: string
      status: 'in-place' | 'partial' | 'missing' | 'not-assessed'
      supports: string[]
      note?: string
    }>
  >

  scans: Recorded<
    Array<{
      id: string
      fileName: string
      format: string
      scannedOn: string | null
      importedOn: string
      sha256: string
      accountId?: string
      findings: number
      failed: number
      passed: number
      /** What the scan holds, in the words the CLI and the app print (one function makes all three); absent in data made by hand. */
      summary?: string
      /** A later scan of the same account replaces this one in the counts. */
      superseded?: boolean
    }>
  >

  findings: Recorded<FindingsSummary>

  businessAssociates: Recorded<
    Array<{
      name: string
      services: string
      phiCategories: string[]
      status: 'none' | 'requested' | 'signed' | 'expired' | 'terminated'
      effectiveOn?: string
      expiresOn?: string
      reviewDue?: string
    }>
  >

  incidents: Recorded<
    Array<{
      reference: string
      discoveredOn: string
      category: string
      affectedCount: number
      /** The recorded outcome of the breach assessment, in a few words. */
      assessment: string
      notifiable: boolean | null
      obligationsOpen: number
      obligationsDone: number
    }>
  >

  remediation: Recorded<
    Array<{
      title: string
      citation?: string
      riskLevel: RiskLevel
      owner: string
      dueOn: string
      status: 'open' | 'in-progress' | 'done'
      completedOn?: string
    }>
  >

  evidenceFiles: Recorded<Array<{ name: string; kind: string; sha256: string; addedOn: string; sizeBytes?: number }>>

  /** Evidence attached to answers, decisions, controls, risks, tasks, assets and incidents, by specification; absent in data built before evidence existed. */
  attachedEvidence?: Recorded<AttachedEvidence>

  /** The risk analysis of the period; absent in data built before the analysis existed. */
  riskAnalysis?: Recorded<RiskReportData>

  /** Every identifying value the workspace holds (resources, accounts), read only for a redacted edition; never printed. */
  identifyingValues?: IdentifyingValue[]
}

/** Findings are summarised before they reach the composer: a pack stays readable at 100k findings. */
export type FindingsSummary = {
  /**
   * Every count here is in results, the unit of the scans' own summaries (a ScoutSuite record counts each item it
   * stands for): `unit` names it ('checked items' when every counted scan shares that unit, else 'results').
   * Absent in data built before the counts shared one unit.
   */
  unit?: string
  total: number
  failed: number
  passed: number
  /**
   * Failed (less triaged), triaged and other results (informational, manual, skipped, error) with the passed: over every
   * severity they add up to `total`. `triaged` and `other` are absent in data built before they were counted.
   */
  bySeverity: Record<Severity, { failed: number; passed: number; triaged?: number; other?: number }>
  bySpecification: Array<{ citation: string; title: string; failed: number; passed: number }>
  /** The worst failing findings (severity, then citation count), at most `worstLimit`. */
  worst: Array<{
    severity: Severity
    title: string
    resource: string
    accountId: string
    region: string
    citations: string[]
    scanId: string
  }>
  worstLimit: number
  /**
   * Failing findings a person triaged (accepted risk, false positive, fixed pending a rescan) and whose triage holds on
   * the pack's date: left out of every failing count above and listed with the reasons. Absent in data built before triage.
   */
  triaged?: {
    /** Stored findings, and the resources they stand for (the unit of `failed`). */
    total: number
    resources: number
    limit: number
    listed: Array<{
      severity: Severity
      title: string
      resource: string
      accountId: string
      region: string
      citations: string[]
      status: string
      reason: string
      by: string
      triagedOn: string
      expiresOn: string | null
      /** Triaged with every failing finding of its check. */
      wholeCheck: boolean
    }>
  }
}
