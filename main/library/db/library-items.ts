import type { Db } from '../../db/driver'

/** Queries of the library file's items (library-migrations.ts): one row per kind and key, earlier texts in library_item_history. */

export interface StoredLibraryItem {
  id: number
  kind: string
  key: string
  title: string
  /** The item's content as stored: JSON of the fields its kind copies. */
  content: unknown
  version: number
  updatedAt: string
}

interface ItemRow {
  id: number
  kind: string
  item_key: string
  title: string
  content: string
  version: number
  updated_at: string
}

const toItem = (row: ItemRow): StoredLibraryItem => ({
  id: row.id,
  kind: row.kind,
  key: row.item_key,
  title: row.title,
  content: JSON.parse(row.content) as unknown,
  version: row.version,
  updatedAt: row.updated_at
})

export function listLibraryItems(db: Db): StoredLibraryItem[] {
  return (db.prepare('SELECT * FROM library_item ORDER BY kind, title COLLATE NOCASE, item_key').all() as ItemRow[]).map(toItem)
}

export function getLibraryItem(db: Db, kind: string, key: string): StoredLibraryItem | undefined {
  const row = db.prepare('SELECT * FROM library_item WHERE kind = ? AND item_key = ?').get(kind, key) as ItemRow | undefined
  return row && toItem(row)
}

export function getLibraryItemsById(db: Db, ids: readonly number[]): StoredLibraryItem[] {
  return (
    db.prepare('SELECT * FROM library_item WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').all(JSON.stringify(ids)) as ItemRow[]
  ).map(toItem)
}

/**
 * Stores an item: new, or a newer text of an existing one (its previous text kept in the history, the version
 * raised). The same text again changes nothing. Returns what happened and the stored version.
 */
export function putLibraryItem(
  db: Db,
  item: { kind: string; key: string; title: string; content: unknown },
  now: string
): { outcome: 'added' | 'replaced' | 'unchanged'; version: number } {
  const content = JSON.stringify(item.content)
  const before = db.prepare('SELECT * FROM library_item WHERE kind = ? AND item_key = ?').get(item.kind, item.key) as ItemRow | undefined
  if (!before) {
    db.prepare('INSERT INTO library_item (kind, item_key, title, content, version, updated_at) VALUES (?, ?, ?, ?, 1, ?)').run(
      item.kind,
      item.key,
      item.title,
      content,
      now
    )
    return { outcome: 'added', version: 1 }
  }
  if (before.content === content && before.title === item.title) return { outcome: 'unchanged', version: before.version }
  db.prepare('INSERT INTO library_item_history (item_id, version, title, content, replaced_at) VALUES (?, ?, ?, ?, ?)').run(
    before.id,
    before.version,
    before.title,
    before.content,
    now
  )
  db.prepare('UPDATE library_item SET title = ?, content = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
    item.title,
    content,
    now,
    before.id
  )
  return { outcome: 'replaced', version: before.version + 1 }
}

export interface LibraryItemHistoryEntry {
  version: number
  title: string
  content: unknown
  replacedAt: string
}

export function listLibraryItemHistory(db: Db, itemId: number): LibraryItemHistoryEntry[] {
  return (
    db
      .prepare('SELECT version, title, content, replaced_at AS replacedAt FROM library_item_history WHERE item_id = ? ORDER BY version DESC')
      .all(itemId) as { version: number; title: string; content: string; replacedAt: string }[]
  ).map(row => ({ ...row, content: JSON.parse(row.content) as unknown }))
}

export function countLibraryItemHistory(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT item_id AS id, count(*) AS n FROM library_item_history GROUP BY item_id').all() as { id: number; n: number }[]
  return new Map(rows.map(r => [r.id, r.n]))
}
