// Small helpers about citation strings such as '164.308(a)(1)(ii)(A)', shared by every feature.

/** '164.308(a)(1)(ii)(A)' -> { section: '308', parts: ['a', '1', 'ii', 'A'] } */
export function splitCitation(citation: string): { section: string; parts: string[] } {
  const match = /^164\.(\d{3})((?:\([0-9A-Za-z]+\))+)$/.exec(citation)
  if (!match) throw new Error(`Not a Security Rule citation: '${citation}'`)
  const parts = [...match[2]!.matchAll(/\(([0-9A-Za-z]+)\)/g)].map(m => m[1]!)
  return { section: match[1]!, parts }
}

/**
 * The stem that ids of questions on this citation start with:
 * '164.308(a)(1)(ii)(A)' -> 'q-308-a1-iiA', '164.312(b)' -> 'q-312-b'.
 */
export function questionIdStem(citation: string): string {
  const { section, parts } = splitCitation(citation)
  const head = parts.slice(0, 2).join('')
  const tail = parts.slice(2).join('')
  return tail ? `q-${section}-${head}-${tail}` : `q-${section}-${head}`
}

/** Orders citations as the rule does: by section, then paragraph by paragraph. */
export function compareCitations(a: string, b: string): number {
  const x = trySplit(a)
  const y = trySplit(b)
  // Text that is not a Security Rule citation (a scanner's own reference) sorts after, as text.
  if (!x || !y) return x ? -1 : y ? 1 : a.localeCompare(b, 'en', { numeric: true })
  if (x.section !== y.section) return Number(x.section) - Number(y.section)
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const p = x.parts[i]
    const q = y.parts[i]
    if (p === undefined) return -1
    if (q === undefined) return 1
    if (p !== q) return paragraphRank(p) - paragraphRank(q)
  }
  return 0
}

function trySplit(citation: string): { section: string; parts: string[] } | null {
  return /^164\.\d{3}(?:\([0-9A-Za-z]+\))+$/.test(citation) ? splitCitation(citation) : null
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 }

function paragraphRank(part: string): number {
  if (/^\d+$/.test(part)) return Number(part)
  if (ROMAN[part] !== undefined) return ROMAN[part]
  return part.toLowerCase().charCodeAt(0) - 96
}
