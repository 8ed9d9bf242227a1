import path from 'node:path'
import { Option, type Command } from 'commander'
import { LETTER_KIND_IDS, LETTER_KINDS, type LetterKind } from '../../documents/incident/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { parseRecordId } from './baas'

/** `safeguard incidents letter` and `incidents documentation`: an incident's letter drafts and its 164.414(b) record. */
export function registerIncidentDocuments(incidents: Command, io: CliIo): void {
  incidents
    .command('letter')
    .description('Write a letter draft for an incident as a Word document, filled from the incident, gaps marked [to complete: …]; nothing is sent')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the incident number, as incidents list shows it (#3)')
    .addOption(new Option('--kind <kind>', 'which letter').choices(LETTER_KIND_IDS).makeOptionMandatory())
    .requiredOption('--out <file>', 'DOCX file to write')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { kind: LetterKind; out: string; json?: boolean }) => {
      const id = parseRecordId(idText)
      const result = await withWorkspace(workspace, call =>
        call('documents.incidentLetter', { id, kind: options.kind, path: path.resolve(options.out) })
      )
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Wrote the draft ${LETTER_KINDS[options.kind].label.toLowerCase()} to ${result!.path}. Review it before sending; Safeguard sends nothing.`,
        ...(result!.toComplete.length ? [`To complete (${result!.toComplete.length}):`, ...result!.toComplete.map(gap => `  - ${gap}`)] : [])
      ])
    })

  incidents
    .command('documentation')
    .description("Write an incident's documentation PDF (45 CFR 164.414(b)): assessment, decision, notices with evidence, statements, timeline")
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the incident number, as incidents list shows it (#3)')
    .requiredOption('--out <file>', 'PDF file to write')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { out: string; json?: boolean }) => {
      const id = parseRecordId(idText)
      const result = await withWorkspace(workspace, call => call('documents.incidentDocumentation', { id, path: path.resolve(options.out) }))
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Wrote the breach documentation (${result!.pages} pages) to ${result!.path}`,
        ...(result!.draftReasons.length ? [`Marked DRAFT on every page: ${result!.draftReasons.join('; ')}.`] : [])
      ])
    })
}
