import { REDACTION_KINDS, type RedactionKind } from './redaction-kinds'

/**
 * The redactor of a document shared outside the organisation. Every identifying value (cloud account
 * ids, ARNs, resource names, IP addresses, e-mail addresses) is replaced by a placeholder naming its
 * kind and a number, `[bucket 3]`, the same placeholder for the same value throughout. Values come
 * from two places: those the workspace holds (`known`) and patterns that free text may hold (any
 * 12-digit account id, `arn:` string, IPv4 or IPv6 address, e-mail address).
 *
 * Each text is read once, left to right: where several values start at one place the longest wins,
 * and a value is only replaced as a whole word. A `-` between two letters or digits joins a word,
 * so `bucket-a` is never found inside `bucket-a-logs`, and nothing is ever found inside a
 * placeholder already written.
 */

export interface IdentifyingValue {
  value: string
  kind: RedactionKind
}

export interface RedactionCount {
  kind: RedactionKind
  /** Distinct values replaced. */
  count: number
}

export interface Redactor {
  redact(text: string): string
  /** Whether `text` holds anything the redactor replaces (nothing is numbered by asking). */
  finds(text: string): boolean
  /** Distinct values replaced so far, per kind, in the order of REDACTION_KINDS; kinds with none left out. */
  counts(): RedactionCount[]
}

/** Known values shorter than this are too likely to be ordinary words ("db", "a") to be looked for in text. */
const MIN_KNOWN_LENGTH = 3
/** Names clouds give everyone's resources ("default" security groups, the "root" user): they identify no one, and are words of the text too. */
const GENERIC_NAMES = new Set(['default', 'root', '<root_account>', 'unknown', 'none', 'global'])

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const PATTERNS: Array<{ kind: RedactionKind; pattern: RegExp; accept?: (match: string) => boolean }> = [
  // An ARN runs to the first space or punctuation that cannot be part of it; a final full stop ends the sentence.
  { kind: 'arn', pattern: /(?<![A-Za-z0-9_])arn:[a-z0-9-]+:[^\s,;"'()<>[\]{}]*[^\s,;"'()<>[\]{}.]/g },
  {
    kind: 'email',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+/g
  },
  { kind: 'ip', pattern: new RegExp(`(?<![\\w.])(?:${OCTET}\\.){3}${OCTET}(?:/(?:3[0-2]|[12]?\\d))?(?![\\w]|\\.\\d)`, 'g'), accept: isAddress },
  { kind: 'ip', pattern: /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:\/\d{1,3})?(?![\w:])/g, accept: isIpv6 },
  { kind: 'account', pattern: /(?<![A-Za-z0-9])\d{12}(?![A-Za-z0-9])/g }
]

/** "Anywhere" identifies nothing: a rule open to 0.0.0.0/0 keeps saying so. */
const ANY_ADDRESS = new Set(['0.0.0.0', '0.0.0.0/0', '::', '::/0'])

function isAddress(match: string): boolean {
  return !ANY_ADDRESS.has(match)
}

function isIpv6(match: string): boolean {
  if (!isAddress(match)) return false
  const address = match.split('/')[0]!
  const halves = address.split('::')
  if (halves.length > 2 || !/[0-9A-Fa-f]/.test(address)) return false
  const groups = halves.flatMap(h => (h === '' ? [] : h.split(':')))
  if (groups.some(g => g.length === 0 || g.length > 4)) return false
  // Without "::" all eight groups are written: "10:30:00" is a time, not an address.
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c)

/** No word continues before `at`: the character before is neither a letter, digit or `_`, nor a `-` joined to one. */
function startsWord(text: string, at: number): boolean {
  const before = text[at - 1]
  return !isWordChar(before) && !(before === '-' && isWordChar(text[at - 2]))
}

/** No word continues at `at`. */
function endsWord(text: string, at: number): boolean {
  const next = text[at]
  return !isWordChar(next) && !(next === '-' && isWordChar(text[at + 1]))
}

/** The end of the first word of `text` from `from` (at least one character on). */
function firstWordEnd(text: string, from: number): number {
  let at = from + 1
  while (at < text.length && !endsWord(text, at)) at++
  return at
}

interface Match {
  start: number
  end: number
  kind: RedactionKind
}

export function createRedactor(known: Iterable<IdentifyingValue>): Redactor {
  const kindOf = new Map<string, RedactionKind>()
  for (const { value, kind } of known) {
    const text = value.trim()
    if (text.length >= MIN_KNOWN_LENGTH && !GENERIC_NAMES.has(text.toLowerCase()) && !kindOf.has(text)) kindOf.set(text, kind)
  }
  // Known values by their first word, longest first: each place in a text looks up only the values that can start there.
  const byFirstWord = new Map<string, string[]>()
  for (const value of kindOf.keys()) {
    const word = value.slice(0, firstWordEnd(value, 0))
    const values = byFirstWord.get(word)
    if (values) values.push(value)
    else byFirstWord.set(word, [value])
  }
  for (const values of byFirstWord.values()) values.sort((a, b) => b.length - a.length)

  const placeholders = new Map<string, string>()
  const numbers = new Map<RedactionKind, number>()
  const placeholderOf = (value: string, kind: RedactionKind): string => {
    const existing = placeholders.get(value)
    if (existing) return existing
    const number = (numbers.get(kind) ?? 0) + 1
    numbers.set(kind, number)
    const placeholder = `[${REDACTION_KINDS[kind].placeholder} ${number}]`
    placeholders.set(value, placeholder)
    return placeholder
  }

  const knownMatches = (text: string): Match[] => {
    const found: Match[] = []
    for (let at = 0; at < text.length; at++) {
      if (!startsWord(text, at) || /\s/.test(text[at]!)) continue
      const candidates = byFirstWord.get(text.slice(at, firstWordEnd(text, at)))
      const value = candidates?.find(v => text.startsWith(v, at) && (endsWord(text, at + v.length) || !isWordChar(v.at(-1))))
      if (value) found.push({ start: at, end: at + value.length, kind: kindOf.get(value)! })
    }
    return found
  }

  const patternMatches = (text: string): Match[] =>
    PATTERNS.flatMap(({ kind, pattern, accept }) =>
      [...text.matchAll(pattern)]
        .filter(m => !accept || accept(m[0]))
        .map(m => ({ start: m.index, end: m.index + m[0].length, kind: kindOf.get(m[0]) ?? kind }))
    )

  const matchesIn = (text: string): Match[] => [...knownMatches(text), ...patternMatches(text)].sort((a, b) => a.start - b.start || b.end - a.end)

  return {
    redact(text: string): string {
      const matches = matchesIn(text)
      if (matches.length === 0) return text
      let out = ''
      let at = 0
      for (const match of matches) {
        if (match.start < at) continue // inside a longer value already replaced
        out += text.slice(at, match.start) + placeholderOf(text.slice(match.start, match.end), match.kind)
        at = match.end
      }
      return out + text.slice(at)
    },
    finds: text => matchesIn(text).length > 0,
    counts: () => (Object.keys(REDACTION_KINDS) as RedactionKind[]).flatMap(kind => (numbers.get(kind) ? [{ kind, count: numbers.get(kind)! }] : []))
  }
}

/** "22 bucket names, 1 cloud account id and 40 ARNs". */
export function describeRedactionCounts(counts: readonly RedactionCount[]): string {
  const parts = counts.map(
    ({ kind, count }) => `${count.toLocaleString('en-US')} ${count === 1 ? REDACTION_KINDS[kind].one : REDACTION_KINDS[kind].many}`
  )
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
}
