import path from 'node:path'
import type { Command } from 'commander'
import type { IncidentImportReport } from '../../breach/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount } from '../../shared/count-text'
import { runImport } from './baas'

export function registerIncidents(program: Command, io: CliIo): void {
  const incidents = program.command('incidents').description('Breach incidents and their notification deadlines')

  incidents
    .command('import')
    .description('Import incidents from JSON (one object or an array) or CSV: every row or none, with a report per row')
    .argument('<workspace>', 'workspace file')
    .argument('<file>', 'JSON or CSV file')
    .option('--json', 'print the per-row report as JSON')
    .exitOverride()
    .action(async (workspace: string, file: string, options: { json?: boolean }) => {
      await runImport<IncidentImportReport>(
        io,
        options.json === true,
        () =>
          withWorkspace(
            workspace,
            async call => (await call('incidents.importFile', { path: path.resolve(file) })) ?? Promise.reject(new Error('Nothing was imported.'))
          ),
        (report, row) => report.rows[row - 1]?.title ?? '',
        'incidents'
      )
    })

  incidents
    .command('list')
    .description('List incidents with their next deadline')
    .argument('<workspace>', 'workspace file')
    .option('--as-of <date>', 'judge deadlines as of this date (YYYY-MM-DD); default today')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { asOf?: string; json?: boolean }) => {
      const list = await withWorkspace(workspace, call => call('incidents.list', options.asOf ? { asOf: options.asOf } : {}))
      if (options.json) return printJson(io, list)
      printLines(
        io,
        list.length === 0
          ? ['No incidents recorded.']
          : list.map(i => {
              const next = i.next
                ? `next: ${i.next.kind} due ${i.next.dueOn}${i.next.status === 'overdue' ? ' (OVERDUE)' : ''}`
                : i.notificationRequired
                  ? 'all notices done'
                  : 'no notice required'
              return `  #${i.id} ${i.title} (discovered ${i.discoveredOn}, ${formatCount(i.totalAffected)} affected): ${next}${i.overdue > 0 ? `; ${formatCount(i.overdue)} overdue` : ''}`
            })
      )
    })
}
