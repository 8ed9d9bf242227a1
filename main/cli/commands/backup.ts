import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function registerBackup(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('Make a checked backup of a workspace (in "<workspace>.backups/"), or list its backups')
    .argument('<workspace>', 'workspace file')
    .option('--list', 'list the backups instead of making one')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { list?: boolean; json?: boolean }) => {
      if (options.list) {
        const backups = await withWorkspace(workspace, call => call('backup.list', {}))
        if (options.json) return printJson(io, backups)
        if (backups.length === 0) return printLines(io, ['No backups yet.'])
        return printLines(
          io,
          backups.map(backup => `${backup.createdAt}  ${backup.reason.padEnd(14)} ${formatSize(backup.sizeBytes).padStart(9)}  ${backup.file}`)
        )
      }
      const backup = await withWorkspace(workspace, call => call('backup.create', {}))
      if (options.json) return printJson(io, backup)
      printLines(io, [`Backed up to ${backup.file} (${formatSize(backup.sizeBytes)}, checked).`])
    })
}
