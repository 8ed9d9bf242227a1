import { ApiError } from '../shared/errors'
import type { Db } from './driver'
import type { Migration } from './migration'
import { MIGRATIONS } from './migrations'

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Checks that versions start at 1 and go up by one, so a gap or a duplicate fails loudly. */
export function assertMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}; expected ${index + 1}`)
    }
  })
}

/**
 * Brings the database up to `target` (default: the latest), one transaction
 * per migration so a failure leaves the file at the last good version.
 * A database written by a newer Safeguard is refused, never downgraded.
 */
export function migrate(db: Db, options: { target?: number; migrations?: readonly Migration[]; file?: string } = {}): void {
  const migrations = options.migrations ?? MIGRATIONS
  assertMigrationOrder(migrations)
  const latest = migrations.at(-1)?.version ?? 0
  const target = options.target ?? latest
  const current = schemaVersion(db)
  if (current > latest) {
    throw new ApiError(
      'workspace-too-new',
      `${options.file ? `"${options.file}"` : 'This workspace'} was saved by a newer version of Safeguard ` +
        `(workspace format ${current}; this version understands up to ${latest}). ` +
        'Update Safeguard to open it. The file was not changed.',
      { schemaVersion: current, supportedVersion: latest }
    )
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
