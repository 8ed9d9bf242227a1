import type { Command } from 'commander'
import type { ProgressView } from '../../assessment/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { formatCount, plural } from '../../shared/count-text'

function describeStatus(progress: ProgressView): string[] {
  const { overall, answers, risks } = progress
  const lines = [
    `Assessment ${progress.period.id}${progress.period.readOnly ? ' (closed)' : ''}: ${formatCount(overall.answered)} of ${plural(overall.applicable, 'question')} answered (${overall.percent}%).`,
    ''
  ]
  for (const group of progress.groups) {
    const signed = group.signOff
      ? `signed off by ${group.signOff.reviewer} on ${group.signOff.signedOn}${group.signOff.changedSince ? ' (changed since)' : ''}`
      : 'not signed off'
    lines.push(
      `  ${group.title.padEnd(40)} ${String(group.answered).padStart(3)}/${String(group.applicable).padEnd(3)} ${String(group.percent).padStart(3)}%  gaps ${formatCount(group.gaps)}  ${signed}`
    )
  }
  lines.push(
    '',
    `  Answers: yes ${formatCount(answers.yes)}, partly ${formatCount(answers.partly)}, no ${formatCount(answers.no)}, not applicable ${formatCount(answers.na)}, not assessed ${formatCount(answers['not-assessed'])}, unanswered ${formatCount(answers.unanswered)}`,
    `  Risks:   critical ${formatCount(risks.critical)}, high ${formatCount(risks.high)}, medium ${formatCount(risks.medium)}, low ${formatCount(risks.low)}, not rated ${formatCount(risks.unrated)}`
  )
  if (progress.toConfirm > 0) lines.push(`  ${plural(progress.toConfirm, 'answer')} copied from last period still to confirm.`)
  if (progress.decisionsNeeded > 0)
    lines.push(
      `  ${plural(progress.decisionsNeeded, 'addressable answer')} still ${progress.decisionsNeeded === 1 ? 'needs' : 'need'} a recorded decision.`
    )
  return lines
}

export function registerStatus(program: Command, io: CliIo): void {
  program
    .command('status')
    .description('Show assessment progress, and counts by answer and by risk level')
    .argument('<workspace>', 'workspace file')
    .option('--period <id>', 'an earlier assessment period, e.g. 2025')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { period?: string; json?: boolean }) => {
      const progress = await withWorkspace(workspace, call => call('assessment.progress', options.period ? { periodId: options.period } : {}))
      if (options.json) printJson(io, progress)
      else printLines(io, describeStatus(progress))
    })
}
