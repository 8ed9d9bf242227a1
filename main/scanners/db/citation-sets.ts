import type { Db } from '../../db/driver'

/**
 * Gives the id of a list of citations, creating it the first time. Most findings
 * of a scan share a handful of lists, so a finding row stores one id, not one row
 * per citation; the cache lives for one import.
 */
export function citationSetResolver(db: Db): (citations: readonly string[]) => number | null {
  const cache = new Map<string, number>()
  const find = db.prepare('SELECT id FROM citation_set WHERE citations = ?')
  const insertSet = db.prepare('INSERT INTO citation_set (citations) VALUES (?)')
  const insertMember = db.prepare('INSERT OR IGNORE INTO citation_set_member (citation, set_id) VALUES (?, ?)')
  return citations => {
    if (citations.length === 0) return null
    // Cached by the list as given; stored once under its sorted form.
    const key = citations.length === 1 ? (citations[0] as string) : citations.join('|')
    let id = cache.get(key)
    if (id === undefined) {
      const stored = citations.length === 1 ? key : [...citations].sort().join('|')
      const existing = find.get(stored) as { id: number } | undefined
      if (existing) id = existing.id
      else {
        id = Number(insertSet.run(stored).lastInsertRowid)
        for (const c of new Set(citations)) insertMember.run(c, id)
      }
      cache.set(key, id)
    }
    return id
  }
}
