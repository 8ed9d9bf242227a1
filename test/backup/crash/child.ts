// The process that gets killed: opens a workspace and either imports one
// scanner file (mode "import") or makes backups in a loop (mode "backup").
// It says "started" when the work begins and "committed" when the import
// transaction has committed. Bundled by the harness so it starts in ~0.1 s.
import { createBackup } from '../../../main/backup/backup'
import { openWorkspaceDb } from '../../../main/db/open'
import { importScanFile } from '../../../main/scanners/import-scan-file'
import { passphraseKey } from '../../../main/db/workspace-key'

async function main(): Promise<void> {
  const [mode, workspace, scanFile] = process.argv.slice(2)
  const passphrase = process.env.CRASH_PASSPHRASE
  const db = openWorkspaceDb(workspace!, { key: passphrase ? passphraseKey(passphrase) : null })
  process.stdout.write('started\n')
  if (mode === 'import') {
    const result = await importScanFile(db, scanFile!, { now: '2026-11-22T00:00:00.000Z' })
    process.stdout.write(`committed ${result.scan.findings}\n`)
  } else {
    for (;;) createBackup(db, workspace!, { keep: 3 })
  }
  db.close()
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack}\n`)
  process.exit(3)
})
