import type { Command } from 'commander'
import type { WorkspaceSummary } from '../../workspace/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

const ROLE_NAMES = { 'covered-entity': 'covered entity', 'business-associate': 'business associate' } as const

export function describeWorkspace(summary: WorkspaceSummary): string[] {
  const { organization } = summary
  const contact = [organization.contactName, organization.contactEmail, organization.contactPhone].filter(Boolean).join(', ')
  return [
    `  Organisation:   ${organization.name}`,
    `  Role:           ${ROLE_NAMES[organization.role]}`,
    `  Contact:        ${contact || '(none recorded)'}`,
    `  Cloud:          ${organization.cloudProvider}`,
    `  File:           ${summary.path}`,
    `  Format version: ${summary.schemaVersion}`,
    `  Created:        ${summary.createdAt}`
  ]
}

export function registerInfo(program: Command, io: CliIo): void {
  program
    .command('info')
    .description('Show what a workspace file holds')
    .argument('<file>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const summary = await withWorkspace(file, call => call('workspace.current', {}))
      if (!summary) throw new Error('The workspace did not open.')
      if (options.json) printJson(io, summary)
      else printLines(io, describeWorkspace(summary))
    })
}
