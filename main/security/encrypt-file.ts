import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { assertCipherActive, connect, type NativeBindingOption } from '../db/driver'
import { sqliteFileKind } from '../db/file-header'
import { fsyncFile, removeSqliteFiles, renameDurably } from '../shared/fsync'
import { CIPHER_PRAGMAS, keyMaterial, type WorkspaceKey } from '../db/workspace-key'

/**
 * Encrypts an unencrypted SQLite file (a workspace or one of its backups)
 * with `key`, never leaving a half-encrypted file at its name: a copy beside
 * it is encrypted (SQLite3MultipleCiphers rekeys only outside WAL mode),
 * checked by reopening it with the key, synced, then renamed over the
 * original in one step. The file must not be open elsewhere.
 *
 * The old clear-text blocks are released to the file system, not wiped:
 * on SSDs and journaling file systems no program can promise to erase them.
 */
export function encryptSqliteFile(file: string, key: WorkspaceKey, verify: (temp: string) => void, choices: NativeBindingOption = {}): void {
  rekeySqliteFile(file, null, key, verify, choices)
}

/**
 * Gives an SQLite file a new key (`from` null: the file is unencrypted), the same
 * way: a copy is rekeyed, checked, synced and renamed over the file. A wrong `from`
 * key fails before anything changes.
 */
export function rekeySqliteFile(
  file: string,
  from: WorkspaceKey | null,
  to: WorkspaceKey,
  verify: (temp: string) => void,
  choices: NativeBindingOption = {}
): void {
  const kind = sqliteFileKind(file)
  if (from === null && kind !== 'plain') {
    throw new ApiError('invalid-input', `"${file}" is not an unencrypted SQLite file (it may already be encrypted). It was left unchanged.`)
  }
  if (from !== null && kind !== 'opaque') throw new ApiError('invalid-input', `"${file}" is not an encrypted workspace. It was left unchanged.`)
  for (const suffix of ['-wal', '-journal']) {
    if (fs.existsSync(file + suffix) && fs.statSync(file + suffix).size > 0) {
      throw new ApiError(
        'conflict',
        `"${file}" is still in use or was not closed cleanly (${suffix} file present). Open and close it once, then try again.`
      )
    }
  }
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.encrypting-${randomBytes(6).toString('hex')}`)
  fs.copyFileSync(file, temp, fs.constants.COPYFILE_EXCL)
  try {
    const db = connect(temp, { fileMustExist: true, key: from, nativeBinding: choices.nativeBinding })
    try {
      db.pragma('journal_mode = DELETE')
      if (from === null) {
        for (const pragma of CIPHER_PRAGMAS) db.pragma(pragma)
        assertCipherActive(db)
      }
      db.rekey(keyMaterial(to))
    } finally {
      db.close()
    }
    if (sqliteFileKind(temp) !== 'opaque')
      throw new ApiError('internal', `Encrypting "${file}" produced a file that is still readable in clear; nothing was changed.`)
    verify(temp)
    fsyncFile(temp)
    renameDurably(temp, file)
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
  } finally {
    removeSqliteFiles(temp)
  }
}
