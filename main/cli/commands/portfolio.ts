import path from 'node:path'
import type { Command } from 'commander'
import { readPortfolioWithCalendars } from '../../portfolio/read-portfolio'
import { eventCount, portfolioToICalendar } from '../../portfolio/portfolio-ics'
import { isReadEntry, type PortfolioEntry, type WorkspaceSummaryEntry } from '../../portfolio/summary'
import { writeExportFile } from '../../shared/export-file'
import { plural } from '../../shared/count-text'
import { localDateOf } from '../../shared/today'
import { CLI_PROGRAM_NAME } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { PASSPHRASE_ENV } from '../passphrase-prompt'

const PROTECTION_WORDS: Record<WorkspaceSummaryEntry['protection'], string> = {
  'device-key': "encrypted (this computer's key)",
  passphrase: 'encrypted (passphrase)',
  'not-encrypted': 'not encrypted'
}

function describeEntry(entry: PortfolioEntry): string[] {
  if (entry.locked) return [`LOCKED  ${entry.path}`, `  ${entry.reason}`]
  if (!isReadEntry(entry)) return [`CANNOT READ (${entry.error})  ${entry.path}`, `  ${entry.message}`]
  const progress = entry.progress
    ? `${entry.progress.percent}% assessed (${entry.progress.answered} of ${entry.progress.applicable}, period ${entry.progress.periodId})`
    : 'assessment not started'
  const next = entry.nextDeadline
    ? `next: ${entry.nextDeadline.dueOn} ${entry.nextDeadline.title}${entry.nextDeadline.breachNotice ? ' (breach notice)' : ''}`
    : 'no open deadlines'
  return [
    `${entry.organization} (${entry.role.replace('-', ' ')})  ${entry.path}`,
    `  ${progress}; ${plural(entry.gaps, 'gap')}; ${plural(entry.highRisks, 'high or critical risk')}`,
    `  ${next}; ${entry.overdue} overdue`,
    `  last scan ${entry.lastScanOn ?? 'none'}; ${plural(entry.expiringAgreements, 'agreement')} expiring within 90 days; ${PROTECTION_WORDS[entry.protection]}`
  ]
}

export function registerPortfolio(program: Command, io: CliIo): void {
  program
    .command('portfolio')
    .description(
      'Every client at a glance: each workspace in the folders (their *.safeguard files, not subfolders) and files given, read without changing them.\n' +
        `Encrypted workspaces open with ${PASSPHRASE_ENV}; one it does not open is listed as locked.`
    )
    .argument('<paths...>', 'folders of workspaces, or workspace files')
    .option('--as-of <date>', 'judge deadlines as of this date (YYYY-MM-DD); default today')
    .option('--ics <file>', "also write every client's deadlines to one iCalendar (.ics) file")
    .option('--json', 'print as JSON')
    .action(async (paths: string[], options: { asOf?: string; ics?: string; json?: boolean }) => {
      const now = new Date().toISOString()
      if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
        throw new Error(`--as-of: "${options.asOf}" is not a date (YYYY-MM-DD).`)
      const passphrase = process.env[PASSPHRASE_ENV]
      const { entries, calendars } = await readPortfolioWithCalendars(paths, {
        today: options.asOf ?? localDateOf(now),
        now,
        program: CLI_PROGRAM_NAME,
        ...(passphrase ? { passphrase } : {})
      })
      const written = options.ics ? writeExportFile(path.resolve(options.ics), portfolioToICalendar(calendars, now)) : null
      const locked = entries.filter(entry => entry.locked).length
      const unreadable = entries.filter(entry => !entry.locked && !isReadEntry(entry)).length
      const totals = `${plural(entries.length, 'workspace')}: ${entries.length - locked - unreadable} read, ${locked} locked, ${unreadable} could not be read.`
      if (options.json) printJson(io, entries)
      else printLines(io, [...entries.flatMap(describeEntry), '', totals])
      if (options.json) io.stderr(`${totals}\n`)
      if (written) io.stderr(`Wrote ${plural(eventCount(calendars), 'event')} to ${written}.\n`)
    })
}
