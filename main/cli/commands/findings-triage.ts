import os from 'node:os'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { TRIAGE_STATUS_IDS, type TriageStatus, type TriageView } from '../../scanners/triage/contract'

/** Who is recording it: --by, else the computer's user name (said in the output, so a wrong one is seen). */
function recorder(by: string | undefined): { by: string; fromComputer: boolean } {
  if (by) return { by, fromComputer: false }
  return { by: os.userInfo().username, fromComputer: true }
}

function describe(t: TriageView): string {
  const what =
    t.findingKey === null
      ? `check ${t.checkId}${t.account ? ` (account ${t.account})` : ''}, ${t.subjects} failing finding(s)`
      : `finding ${t.findingKey}`
  const until = t.expiresOn ? `until ${t.expiresOn}` : 'no expiry'
  return `#${t.id} ${t.statusLabel}: ${what}; ${until}; by ${t.by} on ${t.createdAt.slice(0, 10)}: ${t.reason}${t.state === 'active' ? '' : ` [${t.state}: ${t.why ?? ''}]`}`
}

/**
 * `safeguard findings triage <ws> <check id or finding id> --as accepted-risk|false-positive|fixed-pending-rescan --reason TEXT [--expires YYYY-MM-DD]`,
 * `findings untriage <ws> <triage id>` and `findings triaged <ws> [--all]`.
 */
export function registerFindingsTriage(findings: Command, io: CliIo): void {
  const json = (own: boolean | undefined) => own || findings.opts<{ json?: boolean }>().json
  findings
    .command('triage')
    .description('Mark a failing finding (by id) or every failing finding of a check as an accepted risk, a false positive or fixed pending a rescan')
    .argument('<workspace>', 'workspace file')
    .argument('<target>', 'a finding id (a number, as `findings --json` lists it) or a check id')
    .requiredOption('--as <status>', TRIAGE_STATUS_IDS.join('|'))
    .requiredOption('--reason <text>', 'why (kept with the triage and printed in the evidence pack)')
    .option('--expires <date>', 'the last day it holds, YYYY-MM-DD (required for accepted-risk and fixed-pending-rescan)')
    .option('--by <name>', "who decided (default: this computer's user name)")
    .option('--scanner <name>', 'for a check id two scanners share: which one (prowler, securityhub, …)')
    .option('--account <id>', 'for a check id: only this account')
    .option('--json', 'print the triage as JSON')
    .action(
      async (
        workspace: string,
        target: string,
        options: { as: string; reason: string; expires?: string; by?: string; scanner?: string; account?: string; json?: boolean }
      ) => {
        const who = recorder(options.by)
        const common = {
          status: options.as as TriageStatus,
          reason: options.reason,
          by: who.by,
          ...(options.expires ? { expiresOn: options.expires } : {})
        }
        const input = /^\d+$/.test(target)
          ? { ...common, findingId: Number(target) }
          : {
              ...common,
              checkId: target,
              ...(options.scanner ? { scanner: options.scanner } : {}),
              ...(options.account ? { account: options.account } : {})
            }
        const triage = await withWorkspace(workspace, call => call('findings.triage', input))
        if (json(options.json)) printJson(io, triage)
        else
          printLines(io, [
            `Triaged ${describe(triage)}`,
            ...(who.fromComputer ? [`Recorded as ${who.by}, this computer's user name; give --by to name the person who decided.`] : []),
            'These findings no longer count as failing until the expiry passes or a later scan changes them.'
          ])
      }
    )
  findings
    .command('untriage')
    .description('Withdraw a triage: its findings count as failing again (it stays on record)')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the triage id, as `findings triaged` lists it', v => Number(v))
    .option('--by <name>', "who withdraws it (default: this computer's user name)")
    .option('--json', 'print the triage as JSON')
    .action(async (workspace: string, id: number, options: { by?: string; json?: boolean }) => {
      const triage = await withWorkspace(workspace, call => call('findings.untriage', { id, by: recorder(options.by).by }))
      if (json(options.json)) printJson(io, triage)
      else printLines(io, [`Withdrew ${describe(triage)}`])
    })
  findings
    .command('triaged')
    .description('List the triages of findings as of today: current ones, or with --all every one ever made')
    .argument('<workspace>', 'workspace file')
    .option('--all', 'include withdrawn and replaced triages')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { all?: boolean; json?: boolean }) => {
      const list = await withWorkspace(workspace, call => call('findings.listTriage', { all: options.all ?? false }))
      if (json(options.json)) printJson(io, list)
      else printLines(io, list.length ? list.map(describe) : ['No finding is triaged.'])
    })
}
