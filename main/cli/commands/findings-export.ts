import path from 'node:path'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'

/** `safeguard findings export <ws> --out FILE.csv|.xlsx [--all-scans]`: the Findings view's findings, one row each. */
export function registerFindingsExport(findings: Command, io: CliIo): void {
  findings
    .command('export')
    .description('Write the findings of the latest scan of each account (or of every scan) as CSV or Excel, chosen by the file extension')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', 'a .csv or .xlsx file to write')
    .option('--all-scans', 'include superseded scans, not only the latest scan of each account')
    .option('--json', 'print the result as JSON')
    .action(async (workspace: string, options: { out: string; allScans?: boolean; json?: boolean }) => {
      // The parent `findings` command has --all-scans and --json too, and takes them wherever they are typed.
      const parent = findings.opts<{ allScans?: boolean; json?: boolean }>()
      const allScans = options.allScans === true || parent.allScans === true
      const result = await withWorkspace(workspace, call =>
        call('findings.export', { path: path.resolve(options.out), scope: allScans ? 'all' : 'latest' })
      )
      if (!result) throw new Error('Nothing was exported.')
      if (options.json || parent.json) printJson(io, result)
      else printLines(io, [`Wrote ${plural(result.rows, 'finding')} to ${result.path}.`])
    })
}
