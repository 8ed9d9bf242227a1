import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { localDateOf } from '../shared/today'
import { retentionFrom } from '../shared/record-retention'
import type {
  ArchivedBusinessAssociate,
  BusinessAssociate,
  BusinessAssociateDetail,
  BusinessAssociateSummary,
  ChainNode,
  ChecklistSummary,
  TermCheck
} from './contract'
import { listAgreementFileMeta, getAgreementFileMeta } from './db/agreement-files'
import { getBusinessAssociate, listArchivedBusinessAssociates, listBusinessAssociates } from './db/business-associates'
import { listAllTerms, listTerms, type StoredTerm } from './db/terms'
import { flagsOf, type FlagOptions } from './flags'
import { loadRequiredTerms } from './required-terms'

/** Reads the register and dresses it with flags, checklist progress and the chain. */

/** The day the workspace was started, in the user's zone: recurring duties never done are due from it. */
export function workspaceAnchorOn(db: Db): string {
  const profile = getWorkspaceProfile(db)
  if (!profile) throw new ApiError('workspace-corrupt', 'The workspace has no profile row.')
  return localDateOf(profile.createdAt)
}

function checklistOf(stored: readonly StoredTerm[]): { summary: ChecklistSummary; terms: TermCheck[] } {
  const byId = new Map(stored.map(term => [term.termId, term]))
  const terms: TermCheck[] = loadRequiredTerms().terms.map(term => ({
    termId: term.id,
    citation: term.citation,
    rule: term.rule,
    title: term.title,
    description: term.description,
    certainty: term.certainty,
    state: byId.get(term.id)?.state ?? 'unchecked',
    note: byId.get(term.id)?.note ?? ''
  }))
  const count = (state: TermCheck['state']) => terms.filter(term => term.state === state).length
  return {
    terms,
    summary: {
      total: terms.length,
      present: count('present'),
      missing: count('missing'),
      notApplicable: count('not-applicable'),
      unchecked: count('unchecked')
    }
  }
}

export function listSummaries(db: Db, options: FlagOptions): BusinessAssociateSummary[] {
  const files = listAgreementFileMeta(db)
  const terms = listAllTerms(db)
  return listBusinessAssociates(db).map(associate => ({
    ...associate,
    flags: flagsOf(associate, options),
    checklist: checklistOf(terms.get(associate.id) ?? []).summary,
    agreementFile: files.get(associate.id) ?? null
  }))
}

export function requireAssociate(db: Db, id: number): BusinessAssociate {
  const associate = getBusinessAssociate(db, id)
  if (!associate) throw new ApiError('not-found', `There is no business associate with id ${id}.`)
  return associate
}

/** A party that can still be changed: an archived one must be restored first. */
export function requireLiveAssociate(db: Db, id: number): BusinessAssociate {
  const associate = requireAssociate(db, id)
  if (associate.archivedAt !== null) throw new ApiError('conflict', `"${associate.name}" is archived; restore it before changing it.`)
  return associate
}

/**
 * Archived parties with how long each is kept: six years from the latest of its dates. An agreement
 * signed when it was archived was in effect until that day, so the archive day counts too.
 */
export function archivedAssociates(db: Db, today: string): ArchivedBusinessAssociate[] {
  return listArchivedBusinessAssociates(db).map(associate => {
    const archivedOn = localDateOf(associate.archivedAt!)
    return {
      id: associate.id,
      name: associate.name,
      relationship: associate.relationship,
      baaStatus: associate.baaStatus,
      archivedAt: associate.archivedAt!,
      archiveReason: associate.archiveReason,
      retention: retentionFrom(
        today,
        localDateOf(associate.createdAt),
        associate.effectiveOn,
        associate.expiresOn,
        associate.lastReviewOn,
        associate.baaStatus === 'signed' ? archivedOn : null
      )
    }
  })
}

export function detailOf(db: Db, id: number, options: FlagOptions): BusinessAssociateDetail {
  const associate = requireAssociate(db, id)
  const checklist = checklistOf(listTerms(db, id))
  // Collected nearest first and reversed once: prepending each would be quadratic in a deep chain.
  const ancestors: { id: number; name: string }[] = []
  const seen = new Set<number>([id])
  for (let parentId = associate.parentId; parentId !== null;) {
    if (seen.has(parentId)) break
    seen.add(parentId)
    const parent = getBusinessAssociate(db, parentId)
    if (!parent) break
    ancestors.push({ id: parent.id, name: parent.name })
    parentId = parent.parentId
  }
  ancestors.reverse()
  return {
    ...associate,
    flags: flagsOf(associate, options),
    checklist: checklist.summary,
    terms: checklist.terms,
    agreementFile: getAgreementFileMeta(db, id),
    ancestors
  }
}

/** The subcontractor chain as a forest: parties without a parent at the top. */
export function chainOf(summaries: readonly BusinessAssociateSummary[]): ChainNode[] {
  const nodes = new Map<number, ChainNode>(
    summaries.map(s => [s.id, { id: s.id, name: s.name, relationship: s.relationship, baaStatus: s.baaStatus, flags: s.flags, children: [] }])
  )
  const roots: ChainNode[] = []
  for (const summary of summaries) {
    const node = nodes.get(summary.id)!
    const parent = summary.parentId === null ? undefined : nodes.get(summary.parentId)
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Refuses a parent link that would put a party below itself. */
export function checkParent(db: Db, id: number | null, parentId: number | null): void {
  if (parentId === null) return
  const parent = getBusinessAssociate(db, parentId)
  if (!parent) throw new ApiError('invalid-input', `parentId: there is no business associate with id ${parentId}.`)
  if (parent.archivedAt !== null)
    throw new ApiError('invalid-input', `parentId: "${parent.name}" is archived; restore it before placing a party below it.`)
  const seen = new Set<number>()
  for (let current: number | null = parentId; current !== null && !seen.has(current); current = getBusinessAssociate(db, current)?.parentId ?? null) {
    if (current === id) throw new ApiError('invalid-input', 'parentId: a party cannot sit below itself in the subcontractor chain.')
    seen.add(current)
  }
}
