import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

export function registerOscal(program: Command, io: CliIo): void {
  program
    .command('oscal')
    .description('Write the period as OSCAL 1.2.1 JSON: assessment results (answers, gaps, failing checks, risks, evidence) and a POA&M')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <dir>', 'folder to write assessment-results.json and poam.json into (created if missing)')
    .option('--period <id>', 'the assessment period (default: the current one)')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { out: string; period?: string; json?: boolean }) => {
      const dir = path.resolve(options.out)
      fs.mkdirSync(dir, { recursive: true })
      const result = await withWorkspace(workspace, call =>
        call('documents.exportOscal', { dir, ...(options.period ? { periodId: options.period } : {}) })
      )
      if (options.json) return printJson(io, result)
      printLines(io, [
        `Wrote OSCAL 1.2.1 to ${result!.dir}:`,
        ...result!.files.map(f => `  ${path.basename(f.path)} (${f.model}, ${f.bytes} bytes)`),
        `${result!.observations} observations, ${result!.findings} findings, ${result!.risks} risks; ${result!.poamItems} POA&M items.`
      ])
    })
}
