import path from 'node:path'
import type { Command } from 'commander'
import type { RiskDetail, RiskImportReport } from '../../risks/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'
import { runImport } from './baas'

/** What `risks --json` prints for each risk. */
export function riskReport(risk: RiskDetail) {
  return {
    id: risk.id,
    key: risk.key,
    title: risk.title,
    assets: risk.assets.map(a => a.name),
    threat: risk.threat,
    vulnerabilities: risk.vulnerabilities.map(v => ({ kind: v.kind, ref: v.ref, label: v.label, state: v.state })),
    likelihood: risk.likelihood,
    impact: risk.impact,
    level: risk.level,
    levelLabel: risk.levelLabel,
    treatment: risk.treatmentDetail,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    residualLevel: risk.residualLevel,
    owner: risk.owner,
    status: risk.status,
    foundOn: risk.foundOn,
    dueOn: risk.dueOn,
    overdue: risk.overdue,
    acceptance: risk.acceptance,
    review: risk.review?.message ?? null,
    tasks: risk.tasks.map(t => ({ title: t.title, owner: t.owner, dueOn: t.dueOn, status: t.status, overdue: t.overdue, evidence: t.evidence }))
  }
}

const capital = (text: string | null) => (text ? text[0]!.toUpperCase() + text.slice(1) : '-')

function describeRisk(risk: RiskDetail): string[] {
  const flags = [risk.overdue ? 'OVERDUE' : '', risk.review ? 'REVIEW' : ''].filter(Boolean)
  const due = risk.dueOn ? `, due ${risk.dueOn}` : ''
  const lines = [
    `  [${risk.levelLabel} → ${risk.residualLevelLabel}] ${risk.title}  (${risk.status}${risk.owner ? `, owner ${risk.owner}` : ''}${due})${flags.length ? `  ${flags.join(' ')}` : ''}`,
    `      assets: ${risk.assets.map(a => a.name).join('; ') || '-'}; threat: ${risk.threat?.name ?? 'not chosen'}`,
    `      likelihood ${capital(risk.likelihood)}, impact ${capital(risk.impact)}; treatment ${risk.treatment ?? 'not decided'}; ${risk.residualLikelihood || risk.residualImpact ? `residual ${capital(risk.residualLikelihood)} × ${capital(risk.residualImpact)}` : 'residual not rated'}`
  ]
  for (const v of risk.vulnerabilities) lines.push(`      vulnerability (${v.kind}${v.state === 'resolved' ? ', resolved' : ''}): ${v.label}`)
  if (risk.acceptance)
    lines.push(
      `      accepted by ${risk.acceptance.approver} on ${risk.acceptance.approvedOn} until ${risk.acceptance.expiresOn}: ${risk.acceptance.reason}`
    )
  if (risk.review) lines.push(`      review: ${risk.review.message}`)
  return lines
}

export function registerRisks(program: Command, io: CliIo): void {
  // --json after a subcommand is read by the parent command, which has the same option.
  const wantsJson = (options: { json?: boolean }) => options.json === true || risks.opts<{ json?: boolean }>().json === true
  const risks: Command = program
    .command('risks')
    .description('The risk analysis: each risk with its assets, threat, vulnerabilities, rating, treatment and residual level')
    .argument('<workspace>', 'workspace file')
    .option('--period <id>', 'an earlier assessment period (default: the current one)')
    .option('--json', 'print the risks as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { period?: string; json?: boolean }) => {
      const register = await withWorkspace(workspace, call => call('risks.register', options.period ? { periodId: options.period } : {}))
      if (options.json) return printJson(io, register.map(riskReport))
      printLines(
        io,
        register.length === 0 ? ['No risks recorded yet.'] : [`${plural(register.length, 'risk')}, highest first:`, ...register.flatMap(describeRisk)]
      )
    })

  risks
    .command('export')
    .description('Write the risk register as CSV or as an Excel workbook (chosen by the file extension)')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', 'a .csv or .xlsx file to write')
    .option('--json', 'print the result as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { out: string; json?: boolean }) => {
      const result = await withWorkspace(workspace, call => call('risks.export', { path: path.resolve(options.out) }))
      if (!result) throw new Error('Nothing was exported.')
      if (wantsJson(options)) printJson(io, result)
      else printLines(io, [`Wrote ${plural(result.rows, 'risk')} to ${result.path}.`])
    })

  risks
    .command('import')
    .description('Read a risk register from CSV or Excel: every row or none, with a report per row')
    .argument('<workspace>', 'workspace file')
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--dry-run', 'check the file and report, without saving')
    .option('--json', 'print the per-row report as JSON')
    .exitOverride()
    .action(async (workspace: string, file: string, options: { dryRun?: boolean; json?: boolean }) => {
      await runImport<RiskImportReport & { imported: number }>(
        io,
        wantsJson(options),
        () =>
          withWorkspace(
            workspace,
            async call =>
              (await call('risks.import', { path: path.resolve(file), dryRun: options.dryRun ?? false })) ??
              Promise.reject(new Error('Nothing was imported.'))
          ),
        (report, row) => report.rows.find(r => r.row === row)?.title ?? '',
        options.dryRun ? 'risks (dry run: nothing saved)' : 'risks'
      )
    })
}
