import path from 'node:path'
import type { Command } from 'commander'
import { NEW_PASSPHRASE_ENV, readPassphrase } from '../passphrase-prompt'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerPassphrase(program: Command, io: CliIo): void {
  program
    .command('passphrase')
    .description(
      `Give an encrypted workspace and its backups a new passphrase. It is opened first with its passphrase or recovery key (SAFEGUARD_PASSPHRASE or asked); the new one comes from ${NEW_PASSPHRASE_ENV} or is asked twice. Use it to move a workspace the app keeps with this computer's key to another computer.`
    )
    .argument('<workspace>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { json?: boolean }) => {
      const file = path.resolve(workspace)
      const status = await withWorkspace(file, async call => {
        const key = await readPassphrase(`New passphrase for ${path.basename(file)}: `, { confirm: true, envName: NEW_PASSPHRASE_ENV })
        if (key.kind !== 'passphrase') throw new Error('a new passphrase is needed')
        return call('security.changeKey', { passphrase: key.passphrase })
      })
      if (options.json) return printJson(io, status)
      printLines(io, [`${status.path} now opens with the new passphrase; its backups were given it too.`])
    })
}
