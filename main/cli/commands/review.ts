import path from 'node:path'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerReview(program: Command, io: CliIo): void {
  program
    .command('review')
    .description('Write the annual review report PDF: this period against the previous one')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', 'PDF file to write')
    .option('--period <id>', 'the period under review (default: the current one)')
    .option('--unsigned', 'write the PDF before signing (the same state and date give the same bytes)')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { out: string; period?: string; unsigned?: boolean; json?: boolean }) => {
      const result = await withWorkspace(workspace, call =>
        call('documents.generateReview', {
          path: path.resolve(options.out),
          ...(options.period ? { periodId: options.period } : {}),
          unsigned: options.unsigned === true
        })
      )
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Wrote the annual review (${result!.pages} pages) to ${result!.path}`,
        result!.signedWith
          ? `Signed with the certificate whose SHA-256 fingerprint is ${result!.signedWith}`
          : 'Not signed (--unsigned): the bytes before signing.',
        ...(result!.draftReasons.length ? [`Marked DRAFT on every page, not ready to send: ${result!.draftReasons.join('; ')}.`] : [])
      ])
    })
}
