import { readProcurement, readRiskRegister } from '../../assessment/reads'
import type { BusinessAssociateSummary } from '../../baas/contract'
import { readBusinessAssociates } from '../../baas/reads'
import { readRiskReport } from '../../risks/reads'
import { OUTCOME_SHORT_LABELS, readIncident, readIncidents } from '../../breach/reads'
import type { Eligibility, ProcurementAnswer, RiskView } from '../../assessment/contract'
import type { Family } from '../../assessment/contract'
import { CONTROL_ORIGIN_LABEL, CONTROL_RULE_STATUS_LABEL } from '../../assessment/contract'
import type { AnswerCounts, EvidencePackData, FamilyId } from './pack-data'
import type { LoadedPolicy } from '../policies/load'
import { readAttachedEvidence } from '../attached-evidence/read-attached-evidence'
import { combineAnswers } from '../workspace-data/entry-answers'
import { scanSections } from '../workspace-data/scans'
import { periodRange, PROVIDER_NAMES, type WorkspaceFacts } from '../workspace-data/workspace-facts'

/**
 * The evidence pack's data, read from the workspace. A section whose feature holds nothing (or is
 * not part of this build) is null, which the pack prints as "not recorded in this workspace".
 */

const ELIGIBLE: Record<Eligibility, boolean | null> = { eligible: true, 'not-eligible': false, unknown: null }

function emptyCounts(): AnswerCounts {
  return { yes: 0, partly: 0, no: 0, 'not-applicable': 0, 'not-assessed': 0 }
}

export function policiesByCitation(policies: LoadedPolicy[]): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const { template } of policies) {
    for (const citation of template.implements) map.set(citation, [...(map.get(citation) ?? []), template.number])
  }
  return map
}

function controlsAndFamilies(facts: WorkspaceFacts, policies: LoadedPolicy[]) {
  const policyRefs = policiesByCitation(policies)
  const ruleItems = facts.questionnaire.items.filter(i => i.group !== 'cloud')
  const decisions = new Map(facts.questionnaire.decisions.map(d => [d.citation, d]))
  const controls = facts.catalog.entries.map(entry => {
    const items = ruleItems.filter(i => i.citations.includes(entry.citation))
    const answer = combineAnswers(items)
    const decision = decisions.get(entry.citation)
    const notes = items.flatMap(i => (i.answer?.notes.trim() ? [i.answer.notes.trim()] : []))
    return {
      citation: entry.citation,
      title: entry.title,
      family: entry.family as FamilyId,
      kind: entry.kind,
      // The catalog marks standards 'required'; the pack shows R/A for specifications only.
      requirement: entry.kind === 'standard' ? null : entry.requirement,
      answer,
      ...(decision
        ? {
            decision: {
              kind: (
                { 'implemented-as-specified': 'as-specified', 'equivalent-alternative': 'alternative', 'not-reasonable': 'not-reasonable' } as const
              )[decision.decision],
              rationale: decision.explanation || 'No explanation recorded.'
            }
          }
        : {}),
      evidence: [...(policyRefs.get(entry.citation) ?? []), ...notes]
    }
  })
  const anyAnswer = facts.questionnaire.items.some(i => i.answer)
  const signOffs = new Map(facts.progress.groups.map(g => [g.group, g.signOff]))
  const families = facts.catalog.families.map(f => {
    const counts = emptyCounts()
    for (const c of controls) if (c.family === f.id) counts[c.answer] += 1
    const signOff = signOffs.get(f.id as Family)
    return {
      family: f.id as FamilyId,
      label: `${f.title} (${f.section})`,
      counts,
      ...(signOff ? { signOff: { reviewer: signOff.reviewer, signedOn: signOff.signedOn } } : {})
    }
  })
  return { controls: anyAnswer ? controls : null, families: anyAnswer ? families : null }
}

function technicalControls(facts: WorkspaceFacts): EvidencePackData['technicalControls'] {
  const cloudItems = facts.questionnaire.items.filter(i => i.group === 'cloud')
  if (!cloudItems.some(i => i.applies)) return null
  return facts.catalog.cloud.controls.map(control => {
    const answer = combineAnswers(cloudItems.filter(i => i.topic === control.title))
    const status = answer === 'yes' ? 'in-place' : answer === 'partly' ? 'partial' : answer === 'no' ? 'missing' : 'not-assessed'
    return {
      control: control.title,
      mechanism: control.awsMechanism,
      origin: CONTROL_ORIGIN_LABEL[control.origin],
      ruleStatus: CONTROL_RULE_STATUS_LABEL[control.ruleStatus],
      status,
      supports: control.supports
    }
  })
}

function remediation(risks: RiskView[]): EvidencePackData['remediation'] {
  const rated = risks.filter(r => r.rating)
  if (rated.length === 0) return null
  return rated.map(r => {
    const rating = r.rating!
    return {
      title: rating.remediation || r.text,
      ...(r.citations[0] ? { citation: r.citations[0] } : {}),
      riskLevel: rating.level,
      owner: rating.owner || 'Not assigned',
      dueOn: rating.dueOn ?? '9999-12-31',
      status: rating.status === 'done' || rating.status === 'accepted' ? 'done' : rating.status === 'in-progress' ? 'in-progress' : 'open'
    }
  })
}

function businessAssociates(list: BusinessAssociateSummary[]): EvidencePackData['businessAssociates'] {
  if (list.length === 0) return null
  return list.map(b => ({
    name: b.name,
    services: b.services || '—',
    phiCategories: b.phiCategories,
    status: b.baaStatus,
    ...(b.effectiveOn ? { effectiveOn: b.effectiveOn } : {}),
    ...(b.expiresOn ? { expiresOn: b.expiresOn } : {}),
    ...(b.flags.nextReviewOn ? { reviewDue: b.flags.nextReviewOn } : {})
  }))
}

function incidents(facts: WorkspaceFacts, range: { start: string; end: string }): EvidencePackData['incidents'] {
  const list = readIncidents(facts.db, facts.today)
  const inPeriod = list.filter(i => i.discoveredOn >= range.start && i.discoveredOn <= range.end)
  return inPeriod.map(i => {
    const detail = readIncident(facts.db, i.id, facts.today)
    return {
      reference: `INC-${i.discoveredOn.slice(0, 4)}-${String(i.id).padStart(2, '0')}`,
      discoveredOn: i.discoveredOn,
      // The title is the user's own short label; the log is designed to hold no PHI.
      category: i.title,
      affectedCount: i.totalAffected,
      assessment: OUTCOME_SHORT_LABELS[detail.incident.assessment.outcome],
      notifiable: i.notificationRequired,
      obligationsOpen: i.open,
      obligationsDone: detail.notices.length
    }
  })
}

export function evidencePackData(facts: WorkspaceFacts, policies: LoadedPolicy[], preparedBy?: { name: string; title: string }): EvidencePackData {
  const organization = facts.workspace.organization
  const range = periodRange(facts.period, facts.today)
  const provider = PROVIDER_NAMES[organization.cloudProvider] ?? 'Cloud provider'
  const procurement = readProcurement(facts.db, facts.now, facts.period.id)
  const risks = readRiskRegister(facts.db, facts.now, { periodId: facts.period.id })
  const associates = readBusinessAssociates(facts.db, facts.today)
  const { controls: answered, families } = controlsAndFamilies(facts, policies)
  const scanPart = scanSections(facts.db, c => facts.catalog.entries.find(e => e.citation === c)?.title ?? '', facts.today)
  const failing = new Map((scanPart.findings?.bySpecification ?? []).map(s => [s.citation, s.failed]))
  const controls = answered?.map(c => ({ ...c, failingFindings: failing.get(c.citation) ?? 0 })) ?? null
  const inUse = facts.inventory.items.filter(s => s.inUse)
  const agreementFiles = associates.flatMap(b =>
    b.agreementFile
      ? [
          {
            name: b.agreementFile.originalName,
            kind: `Signed agreement (${b.name})`,
            sha256: b.agreementFile.sha256,
            addedOn: b.agreementFile.attachedAt.slice(0, 10),
            sizeBytes: b.agreementFile.size
          }
        ]
      : []
  )
  const attachedEvidence = readAttachedEvidence(facts.db, {
    today: facts.today,
    periodId: facts.period.id,
    titleOf: c => facts.catalog.entries.find(e => e.citation === c)?.title ?? ''
  })
  const evidenceFiles = [...agreementFiles, ...(attachedEvidence?.files ?? [])]
  const statement = (a: ProcurementAnswer) => ({ status: a.status, answer: a.answer, citations: a.citations })
  return {
    organization: { name: organization.name, role: organization.role },
    period: range,
    preparedOn: facts.today,
    preparedBy: preparedBy ?? { name: organization.contactName || 'Security Official', title: 'Security Official' },
    cloud: { provider, accountIds: [] },
    procurement: {
      cloudBaa: null,
      phiServices: procurement.services.phiServices.map(s => ({ service: s.name, eligible: ELIGIBLE[s.eligibility] })),
      minimumNecessary: null,
      statements: {
        baa: statement(procurement.baa),
        services: statement(procurement.services),
        minimumNecessary: statement(procurement.minimumNecessary)
      }
    },
    families,
    controls,
    cloudServices: inUse.length
      ? inUse.map(s => ({
          name: s.name,
          eligible: ELIGIBLE[s.eligibility],
          holdsPhi: s.holdsPhi,
          ...(s.defaultEncryption ? { encryption: s.encryptionNote || s.defaultEncryption } : {}),
          notes: s.notes
        }))
      : null,
    technicalControls: technicalControls(facts),
    ...scanPart,
    businessAssociates: businessAssociates(associates),
    incidents: incidents(facts, range),
    remediation: remediation(risks),
    riskAnalysis: readRiskReport(facts.db, facts, facts.period.id),
    attachedEvidence,
    evidenceFiles: evidenceFiles.length ? evidenceFiles : null
  }
}
