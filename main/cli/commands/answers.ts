import path from 'node:path'
import type { Command } from 'commander'
import type { CsvImportReport } from '../../assessment/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount, plural } from '../../shared/count-text'

function describeImport(report: CsvImportReport): string[] {
  const lines = report.rows
    .filter(row => row.outcome === 'accepted' || row.outcome === 'rejected')

    .map(
      row => `  ${row.sheet === undefined ? 'line' : `${row.sheet}, row`} ${row.line}  ${row.outcome.padEnd(8)}  ${row.questionId}: ${row.message}`
    )
  const totals = `${formatCount(report.accepted)} accepted, ${formatCount(report.unchanged)} unchanged, ${formatCount(report.skipped)} skipped, ${formatCount(report.rejected)} rejected.`
  const verdict = report.applied
    ? 'Saved.'
    : report.dryRun
      ? 'Dry run: nothing was saved.'
      : 'Nothing was saved: fix the rejected rows and import the file again.'
  return [...lines, totals, verdict]
}

export function registerAnswers(program: Command, io: CliIo): void {
  const answers = program.command('answers').description('Exchange the assessment questionnaire with a client as an Excel workbook or CSV')

  answers
    .command('export')
    .description('Write the questionnaire, with the answers so far, for a client to fill in (.xlsx workbook or .csv, by the name)')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', '.xlsx or .csv file to write')
    .option('--json', 'print the result as JSON')
    .action(async (workspace: string, options: { out: string; json?: boolean }) => {
      const result = await withWorkspace(workspace, call => call('assessment.exportCsv', { path: path.resolve(options.out) }))
      if (!result) throw new Error('Nothing was exported.')
      if (options.json) printJson(io, result)
      else
        printLines(io, [
          `Wrote ${plural(result.rows, 'question')} to ${result.path}.`,
          'Fill in the answer, notes, value and decision columns, then run "safeguard answers import".'
        ])
    })

  answers
    .command('import')
    .description('Read a filled-in questionnaire (.xlsx or .csv); saves every row or none, and reports each row')
    .argument('<workspace>', 'workspace file')
    .argument('<file>', 'filled-in .xlsx or .csv file')
    .option('--dry-run', 'check the file and report, without saving')
    .option('--json', 'print the per-row report as JSON')
    .action(async (workspace: string, file: string, options: { dryRun?: boolean; json?: boolean }) => {
      const report = await withWorkspace(workspace, call =>
        call('assessment.importCsv', { path: path.resolve(file), dryRun: options.dryRun ?? false })
      )
      if (!report) throw new Error('Nothing was imported.')
      if (options.json) printJson(io, report)
      else printLines(io, describeImport(report))
      if (report.rejected > 0) {
        io.stderr(`safeguard: ${plural(report.rejected, 'row')} rejected; nothing was saved.\n`)
        process.exitCode = 1
      }
    })
}
