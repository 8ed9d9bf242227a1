import path from 'node:path'
import { Option, type Command } from 'commander'
import { CLOUD_PROVIDERS, ORGANIZATION_ROLES } from '../../workspace/contract'
import { withSession } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { describeWorkspace } from './info'

export function registerInit(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('Create a new workspace file for an organisation')
    .argument('<file>', 'path of the new workspace file (e.g. clinic.safeguard)')
    .requiredOption('--org <name>', 'organisation name')
    .addOption(new Option('--role <role>', 'role under HIPAA').choices(ORGANIZATION_ROLES).default('covered-entity'))
    .option('--contact-name <name>', 'primary contact (usually the security official)', '')
    .option('--contact-email <email>', 'primary contact email', '')
    .option('--contact-phone <phone>', 'primary contact phone', '')
    .addOption(new Option('--cloud <provider>', 'where it runs').choices(CLOUD_PROVIDERS).default('aws'))
    .option('--json', 'print the new workspace as JSON')
    .action(async (file: string, options) => {
      const summary = await withSession(call =>
        call('workspace.create', {
          path: path.resolve(file),
          organization: {
            name: options.org,
            role: options.role,
            contactName: options.contactName,
            contactEmail: options.contactEmail,
            contactPhone: options.contactPhone,
            cloudProvider: options.cloud
          }
        })
      )
      if (options.json) printJson(io, summary)
      else printLines(io, [`Created a workspace for ${summary.organization.name}.`, ...describeWorkspace(summary)])
    })
}
