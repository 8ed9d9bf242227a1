import type { Command } from 'commander'
import type { CatalogData, RuleEntry } from '../../assessment/catalog.types'
import { withSession } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'

export interface CatalogEntryOutput extends RuleEntry {
  questions: { id: string; text: string; guidance: string; evidence: string[]; appliesWhen?: unknown; valueField?: unknown }[]
  /** Cloud controls that help meet this entry. */
  cloudControls: string[]
}

/** Every standard and specification with its own questions, in rule order. */
export function catalogEntries(data: CatalogData): CatalogEntryOutput[] {
  return data.entries.map(entry => ({
    ...entry,
    questions: data.questions
      .filter(q => q.source.kind === 'rule' && q.source.citation === entry.citation)
      .map(({ id, text, guidance, evidence, appliesWhen, valueField }) => ({
        id,
        text,
        guidance,
        evidence,
        ...(appliesWhen ? { appliesWhen } : {}),
        ...(valueField ? { valueField } : {})
      })),
    cloudControls: data.cloud.controls.filter(c => c.supports.includes(entry.citation)).map(c => c.id)
  }))
}

function describeCatalog(data: CatalogData): string[] {
  const lines: string[] = []
  for (const family of data.families) {
    lines.push(`${family.title} (45 CFR ${family.section})`)
    for (const entry of catalogEntries(data).filter(e => e.family === family.id)) {
      const indent = entry.kind === 'specification' ? '    ' : '  '
      lines.push(`${indent}${entry.citation}  ${entry.title}  [${entry.kind}, ${entry.requirement}]`)
      for (const question of entry.questions) lines.push(`${indent}  - ${question.id}: ${question.text}`)
    }
    lines.push('')
  }
  const standards = data.entries.filter(e => e.kind === 'standard').length
  lines.push(
    `${plural(standards, 'standard')}, ${plural(data.entries.length - standards, 'implementation specification')}, ${plural(data.questions.length, 'question')} (${plural(data.cloud.controls.length, 'cloud control')}).`
  )
  return lines
}

export function registerCatalog(program: Command, io: CliIo): void {
  program
    .command('catalog')
    .description('List every Security Rule standard and specification with its questions')
    .option('--json', 'print as JSON: an array of entries (citation, title, kind, requirement, family, questions)')
    .action(async (options: { json?: boolean }) => {
      const data = await withSession(call => call('assessment.catalog', {}))
      if (options.json) printJson(io, catalogEntries(data))
      else printLines(io, describeCatalog(data))
    })
}
