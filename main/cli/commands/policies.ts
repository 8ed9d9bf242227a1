import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerPolicies(program: Command, io: CliIo): void {
  program
    .command('policies')
    .description('Write the policy set as Word documents, filled from the workspace')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <dir>', 'folder to write the documents into (created if missing)')
    .option('--period <id>', 'the assessment period to fill from (default: the current one)')
    .option('--version <version>', 'document version written in each control table', '1.0')
    .option('--approver <name>', 'who approves the documents')
    .option('--only <ids>', 'comma-separated policy ids, e.g. access-control,evaluation')
    .option('--json', 'print as JSON')
    .action(
      async (workspace: string, options: { out: string; period?: string; version: string; approver?: string; only?: string; json?: boolean }) => {
        const dir = path.resolve(options.out)
        fs.mkdirSync(dir, { recursive: true })
        const result = await withWorkspace(workspace, call =>
          call('documents.generatePolicies', {
            dir,
            version: options.version,
            ...(options.period ? { periodId: options.period } : {}),
            ...(options.approver ? { approver: options.approver } : {}),
            ...(options.only
              ? {
                  only: options.only
                    .split(',')
                    .map(s => s.trim())
                    .filter(Boolean)
                }
              : {})
          })
        )
        if (options.json) return printJson(io, result)
        printLines(io, [`Wrote ${result!.files.length} documents to ${result!.dir}:`, ...result!.files.map(f => `  ${path.basename(f.path)}`)])
      }
    )
}
