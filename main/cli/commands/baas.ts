import path from 'node:path'
import type { Command } from 'commander'
import { isApiError } from '../../shared/errors'
import type { BusinessAssociateSummary, ImportReport, RecordRetention } from '../../baas/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount, plural } from '../../shared/count-text'
import { localDateOf } from '../../shared/today'

const FLAG_WORDS: [keyof BusinessAssociateSummary['flags'], string][] = [
  ['phiWithoutSignedBaa', 'PHI WITHOUT SIGNED BAA'],
  ['expired', 'expired'],
  ['expiringSoon', 'expiring soon'],
  ['reviewOverdue', 'review overdue']
]

function describeAssociate(associate: BusinessAssociateSummary, names: Map<number, string>): string {
  const flags = FLAG_WORDS.filter(([key]) => associate.flags[key] === true).map(([, words]) => words)
  const parent = associate.parentId !== null ? ` (under ${names.get(associate.parentId) ?? associate.parentId})` : ''
  const expiry = associate.expiresOn ? `, expires ${associate.expiresOn}` : ''
  const checklist = `${formatCount(associate.checklist.missing)} missing / ${formatCount(associate.checklist.unchecked)} unchecked of ${plural(associate.checklist.total, 'term')}`
  return `  ${associate.name}${parent}: ${associate.relationship}, BAA ${associate.baaStatus}${expiry}; ${checklist}${flags.length ? `  [${flags.join(', ')}]` : ''}`
}

/** A record number typed on the command line: a positive whole number. */
export function parseRecordId(text: string): number {
  const id = Number(text)
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(id) || id < 1)
    throw new Error(`<id>: "${text}" is not a record number (a whole number, as the list shows it).`)
  return id
}

/** One archived record: when and why it was archived, and how long it is kept. */
export function describeArchived(label: string, record: { archivedAt: string; archiveReason: string | null; retention: RecordRetention }): string {
  const { retention } = record
  const reason = record.archiveReason ? `, reason: ${record.archiveReason}` : ''
  return `  ${label} archived ${localDateOf(record.archivedAt)}${reason}. Kept until ${retention.keptUntil}: six years from its last document date, ${retention.countedFrom} (${retention.citation}); check with counsel.`
}

/** Per-row lines of an import report, on stderr when the file was refused. */
export function describeRows(rows: readonly { row: number; ok: boolean; errors: string[] }[], label: (row: number) => string): string[] {
  return rows.flatMap(row =>
    row.ok ? [`  row ${row.row}  ok        ${label(row.row)}`] : row.errors.map(error => `  row ${row.row}  rejected  ${label(row.row)}: ${error}`)
  )
}

/** Runs an import; a refused file prints its per-row report (stderr, or stdout with --json) before failing. */
export async function runImport<R extends { rows: { row: number; ok: boolean; errors: string[] }[]; imported: number }>(
  io: CliIo,
  json: boolean,
  work: () => Promise<R>,
  label: (report: R, row: number) => string,
  noun: string
): Promise<void> {
  try {
    const report = await work()
    if (json) printJson(io, report)
    else printLines(io, [...describeRows(report.rows, row => label(report, row)), `Imported ${formatCount(report.imported)} ${noun}.`])
  } catch (error) {
    if (isApiError(error) && error.code === 'import-rejected' && error.details) {
      const report = error.details as R
      if (json) printJson(io, report)
      else io.stderr(`${describeRows(report.rows, row => label(report, row)).join('\n')}\n`)
    }
    throw error
  }
}

export function registerBaas(program: Command, io: CliIo): void {
  const baas = program.command('baas').description('Business associates and their agreements (BAAs)')

  baas
    .command('import')
    .description('Import a register of business associates from Excel (first sheet), CSV or JSON: every row or none, with a report per row')
    .argument('<workspace>', 'workspace file')
    .argument('<file>', '.xlsx (first sheet), .csv or .json file')
    .option('--json', 'print the per-row report as JSON')
    .exitOverride()
    .action(async (workspace: string, file: string, options: { json?: boolean }) => {
      await runImport<ImportReport>(
        io,
        options.json === true,
        () =>
          withWorkspace(
            workspace,
            async call => (await call('baas.importFile', { path: path.resolve(file) })) ?? Promise.reject(new Error('Nothing was imported.'))
          ),
        (report, row) => report.rows[row - 1]?.name ?? '',
        'business associates'
      )
    })

  baas
    .command('list')
    .description('List business associates with their flags (PHI without a signed BAA, expiring, review overdue)')
    .argument('<workspace>', 'workspace file')
    .option('--as-of <date>', 'judge expiry and reviews as of this date (YYYY-MM-DD); default today')
    .option('--expiring-within <days>', 'flag agreements expiring within this many days', '60')
    .option('--archived', 'list the archived ones instead, with how long each is kept')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { asOf?: string; expiringWithin: string; archived?: boolean; json?: boolean }) => {
      if (options.archived) {
        const archived = await withWorkspace(workspace, call => call('baas.listArchived', {}))
        if (options.json) return printJson(io, archived)
        return printLines(
          io,
          archived.length === 0 ? ['No archived business associates.'] : archived.map(a => describeArchived(`#${a.id} ${a.name}`, a))
        )
      }
      const days = Number(options.expiringWithin)
      if (!Number.isInteger(days) || days < 0) throw new Error(`--expiring-within: "${options.expiringWithin}" is not a whole number of days.`)
      const list = await withWorkspace(workspace, call =>
        call('baas.list', { ...(options.asOf ? { asOf: options.asOf } : {}), expiringWithinDays: days })
      )
      if (options.json) return printJson(io, list)
      const names = new Map(list.map(a => [a.id, a.name]))
      printLines(io, list.length === 0 ? ['No business associates recorded.'] : list.map(a => describeAssociate(a, names)))
    })

  baas
    .command('archive')
    .description('Archive a business associate: it leaves the register, the calendar and the documents, and stays in the file six years')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'its number (safeguard baas list --json shows it)')
    .option('--reason <text>', 'why it is archived')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { reason?: string }) => {
      const id = parseRecordId(idText)
      const name = await withWorkspace(workspace, async call => {
        const { name } = await call('baas.get', { id })
        await call('baas.archive', { id, ...(options.reason ? { reason: options.reason } : {}) })
        return name
      })
      printLines(io, [
        `Archived business associate #${id} ${name}. It stays in the workspace; bring it back with: safeguard baas restore <workspace> ${id}`
      ])
    })

  baas
    .command('restore')
    .description('Bring an archived business associate back into the register')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'its number (safeguard baas list --archived shows it)')
    .exitOverride()
    .action(async (workspace: string, idText: string) => {
      const id = parseRecordId(idText)
      const restored = await withWorkspace(workspace, call => call('baas.restore', { id }))
      printLines(io, [`Restored business associate #${id} ${restored.name}.`])
    })
}
