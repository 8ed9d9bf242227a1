import path from 'node:path'
import type { Command } from 'commander'
import { readPassphrase } from '../passphrase-prompt'
import { encryptWorkspace } from '../../security/encrypt-workspace'
import { CLI_PROGRAM_NAME } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerEncrypt(program: Command, io: CliIo): void {
  program
    .command('encrypt')
    .description(
      'Encrypt an unencrypted workspace and its backups with a passphrase (SQLCipher 4 format). Keep the passphrase safe: without it the workspace cannot be opened.'
    )
    .argument('<workspace>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { json?: boolean }) => {
      const file = path.resolve(workspace)
      const key = await readPassphrase(`New passphrase for ${path.basename(file)}: `, { confirm: true })
      const result = encryptWorkspace(file, key, { program: CLI_PROGRAM_NAME })
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Encrypted ${result.workspacePath}.`,
        `${result.encryptedBackups.length} backup(s) encrypted with it.`,
        'Commands now ask for the passphrase (or read SAFEGUARD_PASSPHRASE).'
      ])
    })
}
