// Security Rule citations: scanners write 164_308_a_1_ii_a, the rule is cited 164.308(a)(1)(ii)(A).

const UNDERSCORE_ID = /^164_3\d\d(?:_[a-z0-9]+)*$/i
const DOTTED = /^164\.3\d\d(?:\([A-Za-z0-9]+\))*$/
const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)$/i

/**
 * Converts an underscore id to the dotted citation. The paragraph levels of the
 * Security Rule go letter, number, roman numeral, capital letter, so the token
 * after a roman numeral is upper-cased. Returns null for anything that is not a
 * Part 164 Security Rule id.
 */
const converted = new Map<string, string | null>()

export function citationFromId(id: string): string | null {
  // Files repeat the same few dozen ids on every finding: convert each once.
  let c = converted.get(id)
  if (c === undefined) {
    c = convert(id)
    if (converted.size < 10_000) converted.set(id, c)
  }
  return c
}

function convert(id: string): string | null {
  const trimmed = id.trim()
  if (DOTTED.test(trimmed)) return trimmed
  if (!UNDERSCORE_ID.test(trimmed)) return null
  const [part, section, ...levels] = trimmed.toLowerCase().split('_')
  const parenthesised = levels.map((level, i) => {
    const previous = levels[i - 1]
    return `(${previous !== undefined && ROMAN.test(previous) && /^[a-z]$/.test(level) ? level.toUpperCase() : level})`
  })
  return `${part}.${section}${parenthesised.join('')}`
}

/** Pulls every Security Rule id out of free text such as "HIPAA: ['164_308_a_4_ii_a', '164_312_e_1']". */
export function citationsInText(text: string): string[] {
  const found = new Set<string>()
  for (const m of text.matchAll(/164_3\d\d(?:_[a-z0-9]+)*/gi)) {
    const c = citationFromId(m[0])
    if (c) found.add(c)
  }
  for (const m of text.matchAll(/164\.3\d\d(?:\([A-Za-z0-9]+\))*/g)) found.add(m[0])
  return [...found]
}

/** Converts a list of ids, dropping what is not a Security Rule id. */
export function citationsFromIds(ids: readonly unknown[]): string[] {
  const out = new Set<string>()
  for (const id of ids) {
    if (typeof id !== 'string') continue
    const c = citationFromId(id)
    if (c) out.add(c)
  }
  return [...out]
}
