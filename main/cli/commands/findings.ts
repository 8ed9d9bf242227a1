import type { Command } from 'commander'
import type { FindingStatus, FindingView, Severity } from '../../scanners/contract'
import { withWorkspace } from '../cli-api'
import { registerFindingsExport } from './findings-export'
import { registerFindingsMapCheck } from './findings-map-check'
import { registerFindingsTriage } from './findings-triage'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount, plural } from '../../shared/count-text'
import { FINDING_STATUSES, SEVERITIES } from '../../scanners/contract'

const STATUSES = FINDING_STATUSES

function line(f: FindingView): string {
  const where = [f.account, f.region].filter(Boolean).join('/')
  const triaged = f.triage?.active
    ? `  (triaged #${f.triage.triage.id}: ${f.triage.triage.statusLabel}${f.triage.triage.expiresOn ? ` until ${f.triage.triage.expiresOn}` : ''})`
    : ''
  return `${f.id}  ${f.status.padEnd(7)} ${f.severity.padEnd(13)} ${f.checkId}  ${f.resourceId ?? '(no resource)'}${where ? `  [${where}]` : ''}${f.muted ? '  (muted)' : ''}${triaged}`
}

export function registerFindings(program: Command, io: CliIo): void {
  const findings = program
    .command('findings')
    .description(
      'List imported findings of the latest scan of each account (every scan with --all-scans), by specification, status, severity or scan'
    )
    .argument('<workspace>', 'workspace file')
    .option('--spec <citation>', 'only findings bearing on this specification, e.g. 164.312(a)(2)(iv)')
    .option('--status <status>', `only this status (${STATUSES.join(', ')})`)
    .option('--severity <severity>', `only this severity (${SEVERITIES.join(', ')})`)
    .option('--scan <id>', 'only this scan', v => Number(v))
    .option('--all-scans', 'every scan, not only the latest of each account')
    .option('--limit <n>', 'at most this many (default 500, up to 5000)', v => Number(v))
    .option('--json', 'print as JSON')
    .action(
      async (
        workspace: string,
        options: { spec?: string; status?: string; severity?: string; scan?: number; allScans?: boolean; limit?: number; json?: boolean }
      ) => {
        const page = await withWorkspace(workspace, call =>
          call('findings.query', {
            scope: options.allScans ? 'all' : 'latest',
            ...(options.spec ? { citation: options.spec } : {}),
            ...(options.status ? { status: options.status as FindingStatus } : {}),
            ...(options.severity ? { severity: options.severity as Severity } : {}),
            ...(options.scan !== undefined ? { scanId: options.scan } : {}),
            ...(options.limit !== undefined ? { limit: options.limit } : {})
          })
        )
        if (options.json) printJson(io, page)
        else printLines(io, [...page.findings.map(line), `${formatCount(page.findings.length)} of ${plural(page.total, 'finding')} shown.`])
      }
    )
  registerFindingsExport(findings, io)
  registerFindingsMapCheck(findings, io)
  registerFindingsTriage(findings, io)
}
