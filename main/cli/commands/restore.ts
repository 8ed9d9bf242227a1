import path from 'node:path'
import type { Command } from 'commander'
import { restoreBackup } from '../../backup/restore'
import { sqliteFileKind } from '../../db/file-header'
import { CLI_PROGRAM_NAME, cliChoices } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerRestore(program: Command, io: CliIo): void {
  program
    .command('restore')
    .description('Replace a workspace with one of its backups (the backup is checked first; the current file is kept as a backup)')
    .argument('<workspace>', 'workspace file to restore (it may be damaged or missing)')
    .argument('<backup>', 'backup file, e.g. from "<workspace>.backups/"')
    .option('--json', 'print as JSON')
    .action((workspace: string, backup: string, options: { json?: boolean }) => {
      // Straight to the domain function, not through workspace.open: restoring must work when the workspace no longer opens.
      const backupPath = path.resolve(backup)
      const { keyProvider } = cliChoices()
      const key =
        sqliteFileKind(backupPath) === 'opaque' ? (keyProvider?.keyFor(path.resolve(workspace)) ?? keyProvider?.keyFor(backupPath) ?? null) : null
      const result = restoreBackup(workspace, backupPath, key, { program: CLI_PROGRAM_NAME })
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Restored ${result.workspacePath} from ${result.restoredFrom}.`,
        result.safetyCopy ? `The workspace as it was is kept in ${result.safetyCopy}.` : 'There was no workspace file before.'
      ])
    })
}
