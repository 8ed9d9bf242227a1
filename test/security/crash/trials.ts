// Crash trials for the operations that replace a workspace file: npx tsx test/security/crash/trials.ts [trials per operation]
// Each trial starts the app's code in a child process (encrypt, a new device key, a new passphrase, a restore), kills its
// process group at a random moment after it opened the workspace, then plays the next start: the workspace must open
// (with the old key or the new one), pass SQLite's integrity check, still hold its organisation, and have nothing left
// beside it from the killed operation; once encrypted, no file in its folder may hold its data in clear.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { callHandler } from '../../../main/api/dispatch'
import { createCallContext } from '../../../main/api/call-context'
import { headlessHost } from '../../../main/api/host'
import { opensWith } from '../../../main/db/driver'
import { sqliteFileKind } from '../../../main/db/file-header'
import { passphraseKey, type WorkspaceKey } from '../../../main/db/workspace-key'
import { isWorkspaceLockFile } from '../../../main/db/workspace-lock'
import { createSafeStorageWrapper } from '../../../main/electron/safe-storage-wrapper'
import { deviceKeyProvider } from '../../../main/security/device-key-provider'
import { WorkspaceKeyStore } from '../../../main/security/key-store'
import { Session } from '../../../main/workspace/session'
import { fakeSafeStorage } from '../../helpers/fake-safe-storage'
import { bundleChild, startChild } from './run-child'

const MARKER = 'Zebracorn Trial Clinic 5519'
const OLD_PASSPHRASE = 'the old long passphrase'
const NEW_PASSPHRASE = 'the new long passphrase'
type Operation = 'encrypt' | 'change-key' | 'passphrase' | 'restore'
const OPERATIONS: Operation[] = ['encrypt', 'change-key', 'passphrase', 'restore']

const opens = (file: string, key: WorkspaceKey | null): boolean => opensWith(file, key)

function storeIn(dir: string): WorkspaceKeyStore {
  return new WorkspaceKeyStore(path.join(dir, 'keys.json'), createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
}

function sessionFor(operation: Operation, dir: string): Session {
  if (operation === 'change-key') {
    const store = storeIn(dir)
    return new Session({ dataDir: null, appVersion: 'trial', keyProvider: deviceKeyProvider(store), deviceKeyStore: store })
  }
  const candidates = [passphraseKey(OLD_PASSPHRASE), passphraseKey(NEW_PASSPHRASE)]
  return new Session({ dataDir: null, appVersion: 'trial', keyProvider: { keyFor: file => candidates.find(key => opens(file, key)) ?? null } })
}

async function call(session: Session, name: string, input: unknown): Promise<unknown> {
  return callHandler(name, input, createCallContext(session, { host: headlessHost }))
}

/** A fresh folder with the workspace as the operation finds it, and a backup of it. */
async function prepare(operation: Operation): Promise<{ dir: string; workspace: string; backup: string; env: Record<string, string> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `safeguard-trial-${operation}-`))
  const workspace = path.join(dir, 'clinic.safeguard')
  const session = sessionFor(operation, dir)
  const organization = { name: MARKER, role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' }
  const protection =
    operation === 'change-key' ? { kind: 'device' } : operation === 'passphrase' ? { kind: 'passphrase', passphrase: OLD_PASSPHRASE } : undefined
  await call(session, 'workspace.create', { path: workspace, organization, ...(protection ? { protection } : {}) })
  // Some weight, so the operations take long enough to be interrupted in the middle.
  session.requireWorkspace().db
    .exec(`CREATE TABLE trial_ballast (text TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
    INSERT INTO trial_ballast SELECT '${MARKER} ' || i || ' ' || hex(randomblob(64)) FROM n`)
  const backup = ((await call(session, 'backup.create', {})) as { file: string }).file
  session.close()
  const env: Record<string, string> = { SAFEGUARD_TEST_PASSPHRASE: NEW_PASSPHRASE }
  if (operation === 'change-key') env.SAFEGUARD_TEST_KEY_STORE = path.join(dir, 'keys.json')
  if (operation === 'passphrase') env.SAFEGUARD_TEST_OPEN_PASSPHRASE = OLD_PASSPHRASE
  return { dir, workspace, backup, env }
}

function leftovers(workspace: string): string[] {
  const folders = [path.dirname(workspace), `${workspace}.backups`]
  return folders
    .flatMap(folder => (fs.existsSync(folder) ? fs.readdirSync(folder) : []))
    .filter(name => /\.(encrypting|rekeying|restoring|partial)-/.test(name))
}

function filesIn(workspace: string): string[] {
  return [path.dirname(workspace), `${workspace}.backups`].flatMap(folder =>
    fs.existsSync(folder)
      ? fs
          .readdirSync(folder)
          .map(name => path.join(folder, name))
          .filter(file => fs.statSync(file).isFile() && !isWorkspaceLockFile(path.basename(file)))
      : []
  )
}

/** Plays the next start after the kill; returns 'old' or 'new' (the key or content the workspace was left with), or throws. */
async function check(operation: Operation, dir: string, workspace: string): Promise<string> {
  const session = sessionFor(operation, dir)
  try {
    const summary = (await call(session, 'workspace.open', { path: workspace })) as { organization: { name: string } }
    if (summary.organization.name !== MARKER) throw new Error(`the organisation reads "${summary.organization.name}"`)
    const { db } = session.requireWorkspace()
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw new Error(`integrity check: ${String(integrity)}`)
    const left = leftovers(workspace)
    if (left.length > 0) throw new Error(`left beside it after opening: ${left.join(', ')}`)
    if (sqliteFileKind(workspace) === 'opaque') {
      for (const file of filesIn(workspace)) if (fs.readFileSync(file).includes(MARKER)) throw new Error(`${file} holds the data in clear`)
    }
    if (operation === 'encrypt') return sqliteFileKind(workspace) === 'opaque' ? 'new' : 'old'
    if (operation === 'passphrase') return opens(workspace, passphraseKey(NEW_PASSPHRASE)) ? 'new' : 'old'
    if (operation === 'restore') return db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'trial_restore_probe'").get() ? 'old' : 'new'
    const pending = JSON.parse(fs.readFileSync(path.join(dir, 'keys.json'), 'utf8')).keys.some((entry: { pending?: unknown }) => entry.pending)
    if (pending) throw new Error('the key store still holds two keys after the next start')
    return 'settled'
  } finally {
    session.close()
  }
}

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? 25)
  const child = await bundleChild()
  const counts: Record<string, Record<string, number>> = {}
  let failures = 0
  try {
    for (const operation of OPERATIONS) {
      counts[operation] = {}
      // One uninterrupted run tells how long the operation takes here; kills are spread over 1.5 times that.
      const timing = await prepare(operation)
      const started = Date.now()
      const full = startChild(child.script, [operation, timing.workspace, timing.backup], timing.env)
      await full.waitFor(/^opened$/)
      const opened = Date.now()
      const run = await full.finished
      if (run.code !== 0) throw new Error(`${operation} failed uninterrupted: ${run.stderr}`)
      const duration = Math.max(20, Date.now() - opened)
      fs.rmSync(timing.dir, { recursive: true, force: true })
      console.log(`${operation}: ${duration} ms after opening (${opened - started} ms to open); ${trials} trials`)

      for (let index = 0; index < trials; index += 1) {
        const trial = await prepare(operation)
        if (operation === 'restore') {
          // Marks the workspace as it is before the restore, so the check can tell old from new.
          const session = sessionFor(operation, trial.dir)
          await call(session, 'workspace.open', { path: trial.workspace })
          session.requireWorkspace().db.exec('CREATE TABLE trial_restore_probe (x)')
          session.close()
        }
        const killAfter = Math.round((duration * 1.5 * (index + 0.5)) / trials)
        const running = startChild(child.script, [operation, trial.workspace, trial.backup], trial.env)
        await running.waitFor(/^opened$/)
        await new Promise(resolve => setTimeout(resolve, killAfter))
        running.killGroup()
        const run = await running.finished
        let outcome: string
        try {
          outcome = await check(operation, trial.dir, trial.workspace)
        } catch (error) {
          outcome = 'FAILED'
          failures += 1
          console.log(`   ${operation} kill after ${killAfter} ms: ${(error as Error).message}`)
        }
        const ended = run.signal === 'SIGKILL' ? 'killed' : 'finished'
        counts[operation][`${ended}/${outcome}`] = (counts[operation][`${ended}/${outcome}`] ?? 0) + 1
        fs.rmSync(trial.dir, { recursive: true, force: true })
      }
      console.log(`   ${JSON.stringify(counts[operation])}`)
    }
  } finally {
    child.remove()
  }
  const total = OPERATIONS.length * trials
  console.log(`${total} trials, ${failures} failed`)
  if (failures > 0) process.exitCode = 1
}

void main()
