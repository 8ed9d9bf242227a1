import { userInfo } from 'node:os'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, terminalSafe, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'

/** `safeguard findings map-check <ws> <scanner> <check id> --to 164.312(a)(1)[,…] [--by NAME]`: a person's own mapping of a check. */
export function registerFindingsMapCheck(findings: Command, io: CliIo): void {
  findings
    .command('map-check')
    .description('Map a scanner check that maps to no specification to one or more: applied to its findings now and at every later import')
    .argument('<workspace>', 'workspace file')
    .argument('<scanner>', 'the scanner, as a format id (prowler-ocsf, scoutsuite, powerpipe-hipaa…) or a tool family (prowler, scoutsuite…)')
    .argument('<check>', 'the check id as the import report lists it')
    .requiredOption('--to <citations>', 'specifications, comma-separated, e.g. 164.312(a)(1),164.312(b)')
    .option('--by <name>', "who is mapping it (default: this computer's user name)")
    .option('--json', 'print the result as JSON')
    .action(async (workspace: string, scanner: string, checkId: string, options: { to: string; by?: string; json?: boolean }) => {
      const citations = options.to
        .split(',')
        .map(c => c.trim())
        .filter(Boolean)
      const by = options.by ?? `${userInfo().username} (computer user)`
      const result = await withWorkspace(workspace, call => call('scans.mapCheck', { scanner, checkId, citations, by }))
      if (options.json || findings.opts<{ json?: boolean }>().json) printJson(io, result)
      else
        printLines(io, [
          `${terminalSafe(result.mapping.scanner)} check ${terminalSafe(result.mapping.checkId)} mapped to ${result.mapping.citations.join(', ')} by ${terminalSafe(result.mapping.mappedBy)}.`,
          `${plural(result.findingsUpdated, 'stored finding')} in ${plural(result.scansUpdated.length, 'scan')} now bear on ${result.mapping.citations.length === 1 ? 'it' : 'them'}; later imports apply the mapping too.`
        ])
    })
}
