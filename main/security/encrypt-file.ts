import fs from 'node:fs'
import { ApiError } from '../shared/errors'
import { connect, type Db, type NativeBindingOption } from '../db/driver'
import { operationTempPath } from '../db/leftovers'
import { crashPoint } from '../shared/crash-points'
import { sqliteFileKind } from '../db/file-header'
import { fsyncFile, removeSqliteFiles, renameDurably } from '../shared/fsync'
import { keyMaterial, type WorkspaceKey } from '../db/workspace-key'

/**
 * Encrypts an unencrypted SQLite file (a workspace or one of its backups)
 * with `key`, never leaving a half-encrypted file at its name and never
 * writing its content in clear anywhere: a new file beside it is created
 * encrypted from its first page, the schema and rows are copied into it from
 * the original (attached unencrypted), and it is checked by reopening it with
 * the key, synced, then renamed over the original in one step. If the program
 * dies first, the hidden copy holds only encrypted pages, and the next open
 * of the workspace removes it (main/db/leftovers.ts). The file must not be
 * open elsewhere.
 *
 * The old clear-text blocks are released to the file system, not wiped:
 * on SSDs and journaling file systems no program can promise to erase them.
 */
export function encryptSqliteFile(file: string, key: WorkspaceKey, verify: (temp: string) => void, choices: NativeBindingOption = {}): void {
  if (sqliteFileKind(file) !== 'plain') {
    throw new ApiError('invalid-input', `"${file}" is not an unencrypted SQLite file (it may already be encrypted). It was left unchanged.`)
  }
  refuseUncleanFile(file)
  const temp = operationTempPath(file, 'encrypting')
  try {
    const db = connect(temp, { key, nativeBinding: choices.nativeBinding })
    try {
      // A rollback journal, not WAL: the copy is one transaction and leaves one file.
      db.pragma('journal_mode = DELETE')
      copyIntoEncrypted(db, file)
    } finally {
      db.close()
    }
    if (sqliteFileKind(temp) !== 'opaque')
      throw new ApiError('internal', `Encrypting "${file}" produced a file that is still readable in clear; nothing was changed.`)
    verify(temp)
    fsyncFile(temp)
    crashPoint('encrypt-before-rename')
    renameDurably(temp, file)
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  } finally {
    removeSqliteFiles(temp)
  }
}

/** Objects created after the rows are copied, so indexes are built once and triggers do not fire on the copy. */
const LATER_OBJECTS = new Set(['index', 'trigger', 'view'])

/**
 * Copies the unencrypted SQLite file `source` into the empty encrypted database
 * `target`: schema, rows, AUTOINCREMENT counters, user_version and application_id.
 */
function copyIntoEncrypted(target: Db, source: string): void {
  target.prepare("ATTACH DATABASE ? AS source KEY ''").run(source)
  try {
    const objects = target
      .prepare("SELECT type, name, sql FROM source.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid")
      .all() as { type: string; name: string; sql: string }[]
    const quoted = (name: string): string => `"${name.replaceAll('"', '""')}"`
    target.transaction(() => {
      for (const object of objects.filter(candidate => candidate.type === 'table')) {
        target.exec(object.sql)
        target.exec(`INSERT INTO main.${quoted(object.name)} SELECT * FROM source.${quoted(object.name)}`)
      }
      for (const object of objects.filter(candidate => LATER_OBJECTS.has(candidate.type))) target.exec(object.sql)
      const hasSequence = target.prepare("SELECT 1 FROM source.sqlite_master WHERE name = 'sqlite_sequence'").get()
      if (hasSequence) {
        target.exec('DELETE FROM main.sqlite_sequence')
        target.exec('INSERT INTO main.sqlite_sequence SELECT * FROM source.sqlite_sequence')
      }
    })()
    const userVersion = Number(target.pragma('source.user_version', { simple: true }))
    const applicationId = Number(target.pragma('source.application_id', { simple: true }))
    target.pragma(`user_version = ${Math.trunc(userVersion)}`)
    target.pragma(`application_id = ${Math.trunc(applicationId)}`)
  } finally {
    target.exec('DETACH DATABASE source')
  }
}

function refuseUncleanFile(file: string): void {
  for (const suffix of ['-wal', '-journal']) {
    if (fs.existsSync(file + suffix) && fs.statSync(file + suffix).size > 0) {
      throw new ApiError(
        'conflict',
        `"${file}" is still in use or was not closed cleanly (${suffix} file present). Open and close it once, then try again.`
      )
    }
  }
}

/**
 * Gives an encrypted SQLite file a new key, the same way: a copy (whose pages
 * stay encrypted with the old key) is rekeyed, checked, synced and renamed
 * over the file. A wrong `from` key fails before anything changes.
 */
export function rekeySqliteFile(
  file: string,
  from: WorkspaceKey,
  to: WorkspaceKey,
  verify: (temp: string) => void,
  choices: NativeBindingOption = {}
): void {
  if (sqliteFileKind(file) !== 'opaque') throw new ApiError('invalid-input', `"${file}" is not an encrypted workspace. It was left unchanged.`)
  refuseUncleanFile(file)
  const temp = operationTempPath(file, 'rekeying')
  fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL)
  try {
    const db = connect(temp, { fileMustExist: true, key: from, nativeBinding: choices.nativeBinding })
    try {
      // SQLite3MultipleCiphers rekeys only outside WAL mode.
      db.pragma('journal_mode = DELETE')
      db.rekey(keyMaterial(to))
    } finally {
      db.close()
    }
    if (sqliteFileKind(temp) !== 'opaque')
      throw new ApiError('internal', `Re-keying "${file}" produced a file readable in clear; nothing was changed.`)
    verify(temp)
    fsyncFile(temp)
    crashPoint('rekey-before-rename')
    renameDurably(temp, file)
    crashPoint('rekey-after-rename')
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  } finally {
    removeSqliteFiles(temp)
  }
}
