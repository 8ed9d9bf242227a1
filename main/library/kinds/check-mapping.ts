import { z } from 'zod'
import { ApiError } from '../../shared/errors'
import { compareCitations } from '../../shared/citation'
import { readCatalog } from '../../assessment/reads'
import { listUserCheckMappings, saveUserCheckMapping } from '../../scanners/db/user-check-mappings'
import { defineKind, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

const content = z.strictObject({
  scanner: z.string().min(1).max(60),
  checkId: z.string().min(1).max(300),
  citations: z.array(z.string().min(1).max(60)).min(1).max(50)
})
type Content = z.infer<typeof content>

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i])

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, _key: string, c: Content): ApplyEffect {
  const known = new Set(readCatalog().entries.map(e => e.citation))
  const unknown = c.citations.filter(citation => !known.has(citation))
  if (unknown.length > 0) {
    throw new ApiError(
      'invalid-input',
      `The library's mapping of ${c.scanner} ${c.checkId} names ${unknown.join(', ')}, which the Security Rule catalog does not have.`
    )
  }
  const before = listUserCheckMappings(ws.db).find(m => m.scanner === c.scanner && m.checkId === c.checkId)
  if (!before) return 'added'
  return same([...before.citations].sort(compareCitations), [...c.citations].sort(compareCitations)) ? 'unchanged' : 'replaced'
}

/**
 * A person's own mapping of a scanner check to specifications, carried to the next client. Applied, it maps that check's
 * findings at every later import; findings already stored are left as they are (Findings → Map check maps them now).
 */
export const checkMappingKind = defineKind<Content>({
  label: 'Check mappings',
  description: 'Your mapping of a scanner check to Security Rule specifications.',
  content,
  neverCopied: [
    { field: 'mappedBy', why: 'who mapped it (a person)' },
    { field: 'mappedAt', why: "when (the client's date)" },
    { field: 'findings', why: "the client's scan results (the mapping reaches them at the next import)" }
  ],
  freeText: () => [],
  preview: c => `${c.scanner} ${c.checkId} → ${c.citations.join(', ')}`,
  candidates: ws =>
    listUserCheckMappings(ws.db).map(m => ({
      key: `${m.scanner}:${m.checkId}`,
      title: `${m.scanner}: ${m.checkId}`,
      content: { scanner: m.scanner, checkId: m.checkId, citations: [...m.citations].sort(compareCitations) }
    })),
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect !== 'unchanged')
      saveUserCheckMapping(target.db, { ...c, citations: [...c.citations].sort(compareCitations), mappedBy: target.appliedBy, mappedAt: target.now })
    return effect
  }
})
