import fs from 'node:fs'
import path from 'node:path'
import type { Command } from 'commander'
import { localDateOf } from '../../shared/today'
import { createDemoWorkspace } from '../../demo/create-demo'
import { cliChoices, withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { APP_VERSION } from '../version'

export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('Create a demo workspace of synthetic data (a fictitious clinic on AWS) and every document from it')
    .argument('<dir>', 'an empty folder to create the demo in')
    .option('--no-documents', 'create the workspace only')
    .option('--json', 'print as JSON')
    .action(async (dir: string, options: { documents: boolean; json?: boolean }) => {
      const root = path.resolve(dir)
      const demo = await createDemoWorkspace(root, { ...cliChoices(), today: localDateOf(new Date().toISOString()), appVersion: APP_VERSION })
      const documents: Record<string, unknown> = {}
      if (options.documents) {
        const out = path.join(root, 'documents')
        fs.mkdirSync(path.join(out, 'policies'), { recursive: true })
        await withWorkspace(demo.workspacePath, async call => {
          documents.pack = await call('documents.generatePack', { path: path.join(out, 'Evidence pack.pdf') })
          documents.redactedPack = await call('documents.generatePack', { path: path.join(out, 'Evidence pack (redacted).pdf'), redact: true })
          documents.review = await call('documents.generateReview', { path: path.join(out, 'Annual review.pdf') })
          documents.policies = await call('documents.generatePolicies', { dir: path.join(out, 'policies') })
        })
      }
      if (options.json) return printJson(io, { ...demo, documents })
      const lines = [
        `Created the demo workspace ${demo.workspacePath}`,
        `  assessment periods ${demo.previousPeriod} and ${demo.currentPeriod}; scanner output in ${path.dirname(demo.scanFiles[0]!)}`
      ]
      if (demo.skipped.length) lines.push(`  left out (not in this build): ${demo.skipped.join(', ')}`)
      if (options.documents) lines.push(`Documents in ${path.join(root, 'documents')}: evidence pack, redacted pack, annual review, policy set.`)
      printLines(io, lines)
    })
}
