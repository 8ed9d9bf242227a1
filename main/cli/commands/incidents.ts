import path from 'node:path'
import type { Command } from 'commander'
import type { IncidentDetail, IncidentImportReport, IncidentSummary } from '../../breach/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount } from '../../shared/count-text'
import { describeArchived, parseRecordId, runImport } from './baas'
import { registerIncidentNotices } from './incident-notices'
import { registerIncidentDocuments } from './incident-documents'

/** The recorded answer to "Is it a breach?" (45 CFR 164.402), as the list shows it. */
const OUTCOME_WORDS: Record<IncidentSummary['outcome'], string> = {
  breach: 'a breach',
  exception: 'not a breach: exception of 164.402(1)',
  secured: 'secured PHI',
  'low-probability': 'low probability of compromise; states with no harm test kept'
}

/** The outcome, what documents it, what it lacks, then each obligation (a kept state duty says so). */
function describeIncident(detail: IncidentDetail): string[] {
  const { incident, assessment } = detail
  const recorded = incident.assessment
  const documented = [
    recorded.exception ? `exception: ${recorded.exception}` : '',
    recorded.reviewer ? `reviewed by ${recorded.reviewer}` : '',
    recorded.assessedOn ? `on ${recorded.assessedOn}` : ''
  ].filter(Boolean)
  return [
    `#${incident.id} ${incident.title} (discovered ${incident.discoveredOn})`,
    `Is it a breach? ${OUTCOME_WORDS[recorded.outcome]}${documented.length > 0 ? ` (${documented.join(', ')})` : ''}`,
    ...(recorded.reason ? [`Reason recorded: ${recorded.reason}`] : []),
    ...(incident.assessmentMissing.length > 0 ? [`Incomplete: lacks ${incident.assessmentMissing.join(', ')}`] : []),
    assessment.reason,
    ...assessment.obligations.map(
      o =>
        `  ${o.dueOn}  ${o.status.padEnd(9)} ${o.recipient} (${o.citation})${o.kept ? ` [${o.kept}]` : ''}${o.checkWithCounsel ? ' [check with counsel]' : ''}`
    )
  ]
}

export function registerIncidents(program: Command, io: CliIo): void {
  const incidents = program.command('incidents').description('Breach incidents and their notification deadlines')

  incidents
    .command('import')
    .description(
      'Import incidents from JSON (one object or an array) or CSV: every row or none, with a report per row. Each incident records the outcome of its assessment (assessment.outcome, or the CSV column assessmentOutcome): breach, exception, secured or low-probability (the four factors, reviewer and date required)'
    )
    .argument('<workspace>', 'workspace file')
    .argument('<file>', '.xlsx (first sheet), .csv or .json file')
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
    .option('--archived', 'list the archived ones instead, with how long each is kept')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { asOf?: string; archived?: boolean; json?: boolean }) => {
      if (options.archived) {
        const archived = await withWorkspace(workspace, call => call('incidents.listArchived', {}))
        if (options.json) return printJson(io, archived)
        return printLines(
          io,
          archived.length === 0
            ? ['No archived incidents.']
            : archived.map(i => describeArchived(`#${i.id} ${i.title} (discovered ${i.discoveredOn})`, i))
        )
      }
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
              return `  #${i.id} ${i.title} (discovered ${i.discoveredOn}, ${formatCount(i.totalAffected)} affected; ${OUTCOME_WORDS[i.outcome]}): ${next}${i.overdue > 0 ? `; ${formatCount(i.overdue)} overdue` : ''}`
            })
      )
    })

  incidents
    .command('show')
    .description('Show one incident: the outcome of its assessment ("Is it a breach?"), why, and each notice it requires')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'its number, as incidents list shows it (#3)')
    .option('--as-of <date>', 'judge deadlines as of this date (YYYY-MM-DD); default today')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { asOf?: string; json?: boolean }) => {
      const id = parseRecordId(idText)
      const detail = await withWorkspace(workspace, call => call('incidents.get', { id, ...(options.asOf ? { asOf: options.asOf } : {}) }))
      if (options.json) return printJson(io, detail)
      printLines(io, describeIncident(detail))
    })

  incidents
    .command('archive')
    .description(
      'Archive an incident: it leaves the list, the deadlines and the documents, and stays in the file (breach records are kept six years)'
    )
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'its number, as incidents list shows it (#3)')
    .option('--reason <text>', 'why it is archived')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { reason?: string }) => {
      const id = parseRecordId(idText)
      const title = await withWorkspace(workspace, async call => {
        const { incident } = await call('incidents.get', { id })
        await call('incidents.archive', { id, ...(options.reason ? { reason: options.reason } : {}) })
        return incident.title
      })
      printLines(io, [
        `Archived incident #${id} ${title}. It stays in the workspace; bring it back with: safeguard incidents restore <workspace> ${id}`
      ])
    })

  incidents
    .command('restore')
    .description('Bring an archived incident back into the list and the deadlines')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'its number, as incidents list --archived shows it')
    .exitOverride()
    .action(async (workspace: string, idText: string) => {
      const id = parseRecordId(idText)
      const restored = await withWorkspace(workspace, call => call('incidents.restore', { id }))
      printLines(io, [`Restored incident #${id} ${restored.incident.title}.`])
    })

  registerIncidentNotices(incidents, io)
  registerIncidentDocuments(incidents, io)
}
