import type { Command } from 'commander'
import type { ProgressView } from '../../assessment/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

function describeStatus(progress: ProgressView): string[] {
  const { overall, answers, risks } = progress
  const lines = [
    `Assessment ${progress.period.id}${progress.period.readOnly ? ' (closed)' : ''}: ${overall.answered} of ${overall.applicable} questions answered (${overall.percent}%).`,
    ''
  ]
  for (const group of progress.groups) {
    const signed = group.signOff
      ? `signed off by ${group.signOff.reviewer} on ${group.signOff.signedOn}${group.signOff.changedSince ? ' (changed since)' : ''}`
      : 'not signed off'
    lines.push(
      `  ${group.title.padEnd(40)} ${String(group.answered).padStart(3)}/${String(group.applicable).padEnd(3)} ${String(group.percent).padStart(3)}%  gaps ${group.gaps}  ${signed}`
    )
  }
  lines.push(
    '',
    `  Answers: yes ${answers.yes}, partly ${answers.partly}, no ${answers.no}, not applicable ${answers.na}, not assessed ${answers['not-assessed']}, unanswered ${answers.unanswered}`,
    `  Risks:   critical ${risks.critical}, high ${risks.high}, medium ${risks.medium}, low ${risks.low}, not rated ${risks.unrated}`
  )
  if (progress.toConfirm > 0) lines.push(`  ${progress.toConfirm} answer(s) copied from last period still to confirm.`)
  if (progress.decisionsNeeded > 0) lines.push(`  ${progress.decisionsNeeded} addressable answer(s) still need a recorded decision.`)
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
