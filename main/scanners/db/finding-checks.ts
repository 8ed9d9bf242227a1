import type { Db } from '../../db/driver'
import type { NormalizedFinding } from '../finding.types'

/**
 * Gives the id of a check's description (title and remediation), creating it the
 * first time. Thousands of findings of one check share one row; the cache lives
 * for one import.
 */
export function findingCheckResolver(db: Db): (f: NormalizedFinding) => number {
  // Per check id, the descriptions seen so far: comparing a few strings is cheaper than building a key.
  const cache = new Map<string, { scanner: string; title: string; text: string | null; url: string | null; id: number }[]>()
  let cached = 0
  const find = db.prepare(
    `SELECT id FROM finding_check WHERE scanner = ? AND check_id = ? AND title = ?
       AND remediation_text IS ? AND remediation_url IS ?`
  )
  const insert = db.prepare('INSERT INTO finding_check (scanner, check_id, title, remediation_text, remediation_url) VALUES (?, ?, ?, ?, ?)')
  return f => {
    let known = cache.get(f.checkId)
    if (known) {
      for (const k of known) {
        if (k.title === f.title && k.text === f.remediationText && k.url === f.remediationUrl && k.scanner === f.scanner) return k.id
      }
    }
    const params = [f.scanner, f.checkId, f.title, f.remediationText, f.remediationUrl]
    const existing = find.get(...params) as { id: number } | undefined
    const id = existing ? existing.id : Number(insert.run(...params).lastInsertRowid)
    // Per-finding titles (GuardDuty, Inspector) would grow the cache without bound: keep it small.
    if (cached > 50_000) {
      cache.clear()
      cached = 0
    }
    if (!known) cache.set(f.checkId, (known = []))
    known.push({ scanner: f.scanner, title: f.title, text: f.remediationText, url: f.remediationUrl, id })
    cached++
    return id
  }
}

/** A 52-bit FNV-1a style hash of a finding key, for an index far smaller than the key itself. */
export function findingKeyHash(key: string): number {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff)
}
