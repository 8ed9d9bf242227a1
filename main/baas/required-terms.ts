import { z } from 'zod'
import requiredTermsJson from '../../templates/baa/required-terms.json'
import { certaintySchema } from '../shared/certainty'

/** The BAA checklist of templates/baa/required-terms.json (164.504(e)(2) and 164.314(a)(2)), validated on load. */

export const requiredTermSchema = z.strictObject({
  id: z.string().regex(/^[0-9a-zA-Z]+$/),
  citation: z.string().regex(/^45 CFR 164\.(504\(e\)\(2\)|314\(a\)\(2\))(\([a-zA-Z]+\))*$/),
  rule: z.enum(['privacy', 'security']),
  title: z.string().trim().min(1).max(80),
  description: z.string().trim().min(20),
  certainty: certaintySchema
})
export type RequiredTerm = z.infer<typeof requiredTermSchema>

export const requiredTermsFileSchema = z
  .strictObject({
    title: z.string().trim().min(1),
    disclaimer: z.string().trim().min(1),
    terms: z.array(requiredTermSchema).min(1)
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    const citations = new Set<string>()
    file.terms.forEach((term, index) => {
      if (ids.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', index, 'id'], message: `duplicate term id ${term.id}` })
      if (citations.has(term.citation))
        ctx.addIssue({ code: 'custom', path: ['terms', index, 'citation'], message: `duplicate citation ${term.citation}` })
      ids.add(term.id)
      citations.add(term.citation)
    })
  })
export type RequiredTermsFile = z.infer<typeof requiredTermsFileSchema>

export function parseRequiredTerms(data: unknown): RequiredTermsFile {
  const result = requiredTermsFileSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`templates/baa/required-terms.json is invalid:\n${problems.join('\n')}`)
  }
  return result.data
}

let cached: RequiredTermsFile | undefined

export function loadRequiredTerms(): RequiredTermsFile {
  cached ??= parseRequiredTerms(requiredTermsJson)
  return cached
}
