import path from 'node:path'
import type { Command } from 'commander'
import { PACK_SECTION_CHOICES } from '../../documents/contract'
import type { PackSectionId } from '../../documents/evidence-pack/sections'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerPack(program: Command, io: CliIo): void {
  program
    .command('pack')
    .description('Write the evidence pack PDF for a procurement team or an auditor')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', 'PDF file to write')
    .option(
      '--redact',
      'replace cloud account ids, ARNs, resource names, IP and e-mail addresses with placeholders, for sharing outside the organisation'
    )
    .option('--sections <ids>', `comma-separated sections to include (${PACK_SECTION_CHOICES.join(', ')})`)
    .option('--period <id>', 'the assessment period (default: the current one)')
    .option(
      '--evidence-files <where>',
      'the evidence files: listed (in the manifest only), embedded (in the PDF) or folder (<pack>-evidence/ beside it)',
      'listed'
    )
    .option('--unsigned', 'write the PDF before signing (the same state and date give the same bytes)')
    .option('--json', 'print as JSON')
    .action(
      async (
        workspace: string,
        options: { out: string; redact?: boolean; sections?: string; period?: string; evidenceFiles: string; unsigned?: boolean; json?: boolean }
      ) => {
        const sections = options.sections
          ?.split(',')
          .map(s => s.trim())
          .filter(Boolean) as PackSectionId[] | undefined
        const result = await withWorkspace(workspace, call =>
          call('documents.generatePack', {
            path: path.resolve(options.out),
            redact: options.redact === true,
            ...(sections ? { sections } : {}),
            ...(options.period ? { periodId: options.period } : {}),
            unsigned: options.unsigned === true,
            evidenceFiles: options.evidenceFiles as 'listed'
          })
        )
        if (options.json) return printJson(io, result)
        printLines(io, [
          `Wrote the evidence pack (${result!.pages} pages${options.redact ? ', redacted' : ''}) to ${result!.path}`,
          result!.signedWith
            ? `Signed with the certificate whose SHA-256 fingerprint is ${result!.signedWith}`
            : 'Not signed (--unsigned): the bytes before signing.',
          ...(result!.evidenceDir ? [`Exported the evidence files and the manifest to ${result!.evidenceDir}`] : []),
          ...(result!.draftReasons.length ? [`Marked DRAFT on every page, not ready to send: ${result!.draftReasons.join('; ')}.`] : [])
        ])
      }
    )
}
