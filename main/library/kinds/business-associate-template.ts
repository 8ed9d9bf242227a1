import { z } from 'zod'
import {
  findBusinessAssociateByName,
  insertBusinessAssociate,
  listBusinessAssociates,
  updateBusinessAssociate
} from '../../baas/db/business-associates'
import { listAllTerms, listTerms, setTerm } from '../../baas/db/terms'
import { defineKind, shorten, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

const content = z.strictObject({
  name: z.string().trim().min(1).max(200),
  relationship: z.enum(['business-associate', 'subcontractor']),
  services: z.string().trim().max(2000),
  handlesPhi: z.boolean(),
  breachReportingDays: z.int().min(1).max(365).nullable(),
  reviewEveryMonths: z.int().min(1).max(120).nullable(),
  /** How the provider's standard agreement stands on each required term (no notes: they are the client's reading). */
  terms: z.array(z.strictObject({ termId: z.string().min(1).max(80), state: z.enum(['present', 'missing', 'not-applicable']) })).max(100)
})
type Content = z.infer<typeof content>

const TEMPLATE_FIELDS = ['services', 'handlesPhi', 'breachReportingDays', 'reviewEveryMonths'] as const

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, _key: string, c: Content): ApplyEffect {
  const before = findBusinessAssociateByName(ws.db, c.name)[0]
  if (!before) return 'added'
  const checked = new Set(listTerms(ws.db, before.id).map(t => t.termId))
  const sameFields = TEMPLATE_FIELDS.every(field => before[field] === c[field])
  return sameFields && c.terms.every(t => checked.has(t.termId)) ? 'unchanged' : 'replaced'
}

/**
 * A provider the consultant meets at every client (a cloud host, a billing service): what it does, whether it
 * holds PHI, and how its standard agreement covers the required terms. Never the client's agreement itself.
 */
export const businessAssociateTemplateKind = defineKind<Content>({
  label: 'Business associate templates',
  description: 'A provider, what it does, whether it holds PHI, and how its standard agreement covers the required terms.',
  content,
  neverCopied: [
    { field: 'phiCategories', why: "the kinds of the client's PHI the party holds" },
    { field: 'assets', why: "the client's systems" },
    { field: 'notes, term notes', why: 'free text that names people and contact details' },
    { field: 'baaStatus, effectiveOn, expiresOn, lastReviewOn', why: "the client's agreement and its dates" },
    { field: 'signed agreement file', why: "the client's signed contract" },
    { field: 'parent, covered-entity clients', why: "the client's own chain and the client itself" }
  ],
  freeText: c => [c.name, c.services],
  preview: c => shorten(`${c.services || 'No description'}${c.handlesPhi ? ' · holds PHI' : ' · no PHI'}`),
  candidates: ws => {
    const terms = listAllTerms(ws.db)
    return listBusinessAssociates(ws.db)
      .filter(a => a.relationship !== 'covered-entity-client')
      .map(a => {
        const c: Content = {
          name: a.name,
          relationship: a.relationship === 'subcontractor' ? 'subcontractor' : 'business-associate',
          services: a.services,
          handlesPhi: a.handlesPhi,
          breachReportingDays: a.breachReportingDays,
          reviewEveryMonths: a.reviewEveryMonths,
          terms: (terms.get(a.id) ?? []).map(t => ({ termId: t.termId, state: t.state })).sort((x, y) => x.termId.localeCompare(y.termId))
        }
        return { key: a.name.trim().toLowerCase(), title: a.name, content: c }
      })
  },
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect === 'unchanged') return effect
    const before = findBusinessAssociateByName(target.db, c.name)[0]
    let id: number
    if (before) {
      // The client's agreement, dates, notes and chain stay; only what the template describes is updated.
      const { id: existingId, createdAt: _c, updatedAt: _u, archivedAt: _a, archiveReason: _r, ...values } = before
      updateBusinessAssociate(
        target.db,
        existingId,
        {
          ...values,
          services: c.services,
          handlesPhi: c.handlesPhi,
          breachReportingDays: c.breachReportingDays,
          reviewEveryMonths: c.reviewEveryMonths
        },
        target.now
      )
      id = existingId
    } else {
      id = insertBusinessAssociate(
        target.db,
        {
          name: c.name,
          relationship: c.relationship,
          parentId: null,
          services: c.services,
          phiCategories: [],
          assets: [],
          handlesPhi: c.handlesPhi,
          baaStatus: 'none',
          effectiveOn: null,
          expiresOn: null,
          reviewEveryMonths: c.reviewEveryMonths,
          lastReviewOn: null,
          breachReportingDays: c.breachReportingDays,
          notes: ''
        },
        target.now
      )
    }
    // A term the client already checked against its own signed agreement is left as the client recorded it.
    const checked = new Set(listTerms(target.db, id).map(t => t.termId))
    for (const term of c.terms) if (!checked.has(term.termId)) setTerm(target.db, id, { ...term, note: '' }, target.now)
    return effect
  }
})
