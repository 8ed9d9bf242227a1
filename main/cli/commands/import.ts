import path from 'node:path'
import type { Command } from 'commander'
import type { FileImportResult, ScanTally, UnmappedCheck } from '../../scanners/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, terminalSafe, type CliIo } from '../cli-io'
import { formatCount, plural } from '../../shared/count-text'

/** What `import --json` prints for each file. */
export type ImportReport =
  | {
      file: string
      format: string
      findings: number
      passed: number
      failed: number
      /** Results per status in the format's unit, adding up to its total, and the same in words. */
      tally: ScanTally
      summary: string
      specifications: string[]
      /** Checks tied to no specification, with why (map one with `findings map-check`). */
      unmappedChecks: UnmappedCheck[]
      alreadyImported: boolean
      /** The file was cut short: only its whole records were imported. */
      partial: boolean
      warnings: string[]
      scanId: number
    }
  | { file: string; error: { code: string; message: string; line?: number; offset?: number; element?: number } }

function report(result: FileImportResult): ImportReport {
  if (!result.ok) return { file: result.file, error: result.error }
  const { scan } = result
  return {
    file: result.file,
    format: scan.format,
    findings: scan.findings,
    passed: scan.passed,
    failed: scan.failed,
    tally: scan.tally,
    summary: scan.summary,
    specifications: scan.citations,
    unmappedChecks: scan.unmappedChecks,
    alreadyImported: result.alreadyImported,
    partial: result.partial,
    warnings: scan.warnings,
    scanId: scan.id
  }
}

/** Unmapped checks listed in the text output; --json lists every one the scan keeps (up to 200). */
const UNMAPPED_SHOWN = 20

function describe(result: FileImportResult): string[] {
  if (!result.ok) return [`${result.file}: rejected (${result.error.code})`]
  const { scan } = result
  const lines = [
    `${result.file}: ${result.partial ? 'PARTIAL (the file is cut short; only its whole records) ' : ''}${result.alreadyImported ? 'already imported (nothing added)' : 'imported'} as scan ${scan.id}, ${scan.format}${scan.scannerVersion ? ` ${scan.scannerVersion}` : ''}`,
    `  ${scan.summary}`,
    ...(scan.failed
      ? [
          `  failed by severity: critical ${formatCount(scan.failedBySeverity.critical)}, high ${formatCount(scan.failedBySeverity.high)}, medium ${formatCount(scan.failedBySeverity.medium)}, low ${formatCount(scan.failedBySeverity.low)}`
        ]
      : []),
    `  accounts: ${scan.accounts.join(', ') || '(not in the file)'}`,
    `  specifications: ${scan.citations.join(', ') || `(none: ${scan.unmappedChecks.length ? 'no check of the file maps to one' : 'the file holds no findings'})`}`
  ]
  if (scan.unmappedChecks.length) {
    lines.push(
      `  ${plural(scan.unmappedChecks.length, 'check')} tied to no specification (map one: safeguard findings map-check <workspace> ${scan.scanner} <check id> --to <citation>):`
    )
    // Checks of one format mostly share their reason: said once, with its checks below it.
    const byReason = new Map<string, string[]>()
    for (const u of scan.unmappedChecks.slice(0, UNMAPPED_SHOWN)) {
      const ids = byReason.get(u.reason) ?? []
      ids.push(`${terminalSafe(u.checkId)} (${plural(u.findings, 'finding')})`)
      byReason.set(u.reason, ids)
    }
    for (const [reason, ids] of byReason) lines.push(`    ${terminalSafe(reason)}:`, ...ids.map(id => `      ${id}`))
    if (scan.unmappedChecks.length > UNMAPPED_SHOWN)
      lines.push(`    … and ${formatCount(scan.unmappedChecks.length - UNMAPPED_SHOWN)} more (--json lists up to 200)`)
  }
  for (const s of scan.skipped) lines.push(`  skipped ${formatCount(s.count)}: ${s.reason}`)
  for (const w of scan.warnings) lines.push(`  note: ${w}`)
  return lines
}

export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('Import scanner output files (Prowler, Security Hub, ScoutSuite, AWS Config, Powerpipe); each file imports whole or not at all')
    .argument('<workspace>', 'workspace file')
    .argument('<files...>', 'scanner output files')
    .option('--pages', 'the files are pages of one export (e.g. Security Hub get-findings with NextToken): import them as one scan')
    .option('--json', 'print one JSON object per file')
    .option(
      '--accept-partial',
      'exit 0 even when a file was cut short and only its whole records were imported (such a scan is always marked partial)'
    )
    .action(async (workspace: string, files: string[], options: { json?: boolean; pages?: boolean; acceptPartial?: boolean }) => {
      // On a terminal, a one-line progress report on stderr (stdout stays data only).
      const showProgress = !options.json && process.stderr.isTTY === true
      let lastShown = 0
      const status = (text: string) => (io.status ?? io.stderr)(text)
      const results = await withWorkspace(workspace, call =>
        call(
          'scans.import',
          { paths: files.map(f => path.resolve(f)), asOneScan: options.pages ?? false },
          showProgress
            ? {
                onProgress: p => {
                  if (Date.now() - lastShown < 250) return
                  lastShown = Date.now()
                  const percent = p.total ? Math.floor(((p.done ?? 0) / p.total) * 100) : 0
                  status(`\rimporting ${terminalSafe(path.basename(p.message ?? ''))}: ${percent}%, ${p.counts?.findings ?? 0} findings `)
                }
              }
            : undefined
        )
      )
      if (showProgress) status('\r\x1b[K')
      if (options.json) printJson(io, results.map(report))
      else printLines(io, results.flatMap(describe))
      const rejected = results.filter((r): r is Extract<FileImportResult, { ok: false }> => !r.ok)
      for (const r of rejected) io.stderr(`safeguard: ${r.error.message}\n`)
      const partial = results.filter(r => r.ok && r.partial)
      for (const r of partial) {
        io.stderr(
          `safeguard: ${terminalSafe(r.file)} is cut short: only its whole records were imported` +
            (options.acceptPartial ? '\n' : ' (exit code 1; pass --accept-partial to accept a partial scan)\n')
        )
      }
      if (rejected.length || (partial.length && !options.acceptPartial)) process.exitCode = 1
    })
}
