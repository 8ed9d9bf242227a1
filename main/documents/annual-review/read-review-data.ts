import { readRiskRegister } from '../../assessment/reads'
import { readBusinessAssociates } from '../../baas/reads'
import { readIncidents } from '../../breach/reads'
import { readRiskReport } from '../../risks/reads'
import { readMapChanges } from '../../map/reads'
import type { Family, RiskLevel, RiskView } from '../../assessment/contract'
import type { AnnualReviewData } from './review-data'
import type { Answer, FamilyId } from '../evidence-pack/pack-data'
import { readAttachedEvidence } from '../attached-evidence/read-attached-evidence'
import { combineAnswers } from '../workspace-data/entry-answers'
import { findingsTrend } from '../workspace-data/scans'
import { periodRange, readWorkspaceFacts, type WorkspaceFacts } from '../workspace-data/workspace-facts'
import type { CallContext } from '../../api/handler-types'

const isGap = (a: Answer | undefined) => a === 'no' || a === 'partly'

function entryAnswers(facts: WorkspaceFacts): Map<string, Answer> {
  const ruleItems = facts.questionnaire.items.filter(i => i.group !== 'cloud')
  return new Map(facts.catalog.entries.map(e => [e.citation, combineAnswers(ruleItems.filter(i => i.citations.includes(e.citation)))]))
}

function levelCounts(risks: RiskView[]): Record<RiskLevel, number> {
  const counts = { critical: 0, high: 0, medium: 0, low: 0 }
  for (const r of risks) if (r.rating && r.rating.status !== 'done' && r.rating.status !== 'accepted') counts[r.rating.level] += 1
  return counts
}

export function annualReviewData(ctx: CallContext, facts: WorkspaceFacts): AnnualReviewData {
  const organization = facts.workspace.organization
  const current = periodRange(facts.period, facts.today)
  const index = facts.periods.findIndex(p => p.id === facts.period.id)
  const previousPeriod = facts.periods.find(p => p.id === facts.period.copiedFrom) ?? (index > 0 ? facts.periods[index - 1] : undefined)
  const previousFacts = previousPeriod ? readWorkspaceFacts(ctx, previousPeriod.id) : null
  const titles = new Map(facts.catalog.entries.map(e => [e.citation, e.title]))

  const now = entryAnswers(facts)
  const before = previousFacts ? entryAnswers(previousFacts) : null
  const anyAnswer = facts.questionnaire.items.some(i => i.answer)

  const answerChanges = before
    ? [...now]
        .filter(([c, a]) => before.get(c) !== a)
        .map(([citation, after]) => ({ citation, title: titles.get(citation) ?? '', before: before.get(citation) ?? null, after }))
    : null
  const gapsNow = [...now].filter(([, a]) => isGap(a))
  const gaps = anyAnswer
    ? {
        opened: gapsNow
          .filter(([c]) => !before || !isGap(before.get(c)))
          .map(([citation, answer]) => ({ citation, title: titles.get(citation) ?? '', answer })),
        closed: before
          ? [...before]
              .filter(([c, a]) => isGap(a) && !isGap(now.get(c)))
              .map(([citation]) => ({ citation, title: titles.get(citation) ?? '', answer: now.get(citation)! }))
          : [],
        openNow: gapsNow.length,
        openBefore: before ? [...before.values()].filter(isGap).length : null
      }
    : null

  const risksNow = readRiskRegister(facts.db, facts.now, { periodId: facts.period.id })
  const risksBefore = previousPeriod ? readRiskRegister(facts.db, facts.now, { periodId: previousPeriod.id }) : null
  const beforeById = new Map((risksBefore ?? []).map(r => [r.questionId, r.rating?.level ?? null]))
  const rated = risksNow.filter(r => r.rating)
  const risks =
    rated.length || risksBefore?.some(r => r.rating)
      ? {
          levelsBefore: risksBefore ? levelCounts(risksBefore) : null,
          levelsNow: levelCounts(risksNow),
          changed: rated
            .filter(r => beforeById.get(r.questionId) !== r.rating!.level)
            .map(r => ({
              title: r.text,
              ...(r.citations[0] ? { citation: r.citations[0] } : {}),
              before: beforeById.get(r.questionId) ?? null,
              after: r.rating!.level
            }))
        }
      : null

  const remediation = rated.length
    ? {
        done: rated
          .filter(r => r.rating!.status === 'done')
          .map(r => ({
            title: r.rating!.remediation || r.text,
            ...(r.citations[0] ? { citation: r.citations[0] } : {}),
            completedOn: r.rating!.updatedAt.slice(0, 10),
            owner: r.rating!.owner || 'Not assigned'
          })),
        overdue: rated
          .filter(r => r.overdue)
          .map(r => ({
            title: r.rating!.remediation || r.text,
            ...(r.citations[0] ? { citation: r.citations[0] } : {}),
            dueOn: r.rating!.dueOn ?? facts.today,
            owner: r.rating!.owner || 'Not assigned',
            riskLevel: r.rating!.level
          }))
      }
    : null

  const inRange = (d: string | null) => d !== null && d >= current.start && d <= current.end
  const associates = readBusinessAssociates(facts.db, facts.today)
  const incidents = readIncidents(facts.db, facts.today)
  const signOffs = new Map(facts.progress.groups.map(g => [g.group, g.signOff]))
  const previous = previousPeriod ? periodRange(previousPeriod, facts.today) : null

  return {
    organization: { name: organization.name, role: organization.role },
    preparedOn: facts.today,
    preparedBy: { name: organization.contactName || 'Security Official', title: 'Security Official' },
    current,
    previous,
    answerChanges,
    gaps,
    risks,
    riskAnalysis: readRiskReport(facts.db, facts, facts.period.id),
    remediation,
    findingsTrend: findingsTrend(facts.db, current),
    businessAssociates: associates
      ? {
          signed: associates.filter(b => b.baaStatus === 'signed' && inRange(b.effectiveOn)).map(b => ({ name: b.name, signedOn: b.effectiveOn! })),
          expired: associates
            .filter(b => inRange(b.expiresOn) && (b.flags.expired || b.baaStatus === 'expired'))
            .map(b => ({ name: b.name, expiredOn: b.expiresOn! }))
        }
      : null,
    mapChanges: readMapChanges(facts.db, { since: (previous ?? current).start, until: current.end, today: facts.today }),
    incidents: incidents
      ? incidents
          .filter(i => inRange(i.discoveredOn))
          .map(i => ({
            reference: `INC-${i.discoveredOn.slice(0, 4)}-${String(i.id).padStart(2, '0')}`,
            discoveredOn: i.discoveredOn,
            category: i.title,
            affectedCount: i.totalAffected,
            notifiable: i.notificationRequired,
            obligationsMet: i.open === 0 && i.overdue === 0
          }))
      : null,
    attachedEvidence: readAttachedEvidence(facts.db, {
      today: facts.today,
      periodId: facts.period.id,
      titleOf: c => facts.catalog.entries.find(e => e.citation === c)?.title ?? ''
    }),
    signOffs: facts.catalog.families.map(f => {
      const s = signOffs.get(f.id as Family)
      return { family: f.id as FamilyId, label: `${f.title} (${f.section})`, ...(s ? { reviewer: s.reviewer, signedOn: s.signedOn } : {}) }
    })
  }
}
