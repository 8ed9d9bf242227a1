import path from 'node:path'
import { Option, type Command } from 'commander'
import { CLOUD_PROVIDERS, ORGANIZATION_ROLES, OrganizationProfileInput } from '../../workspace/contract'
import { ApiError } from '../../shared/errors'
import { PASSPHRASE_ENV, readPassphrase } from '../passphrase-prompt'
import type { NewWorkspaceProtection } from '../../security/contract'
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
    .option('--unencrypted', "leave the file unencrypted (for sample data only: a workspace holds a client's security gaps)")
    .option('--json', 'print the new workspace as JSON')
    .action(async (file: string, options) => {
      const organization = {
        name: options.org,
        role: options.role,
        contactName: options.contactName,
        contactEmail: options.contactEmail,
        contactPhone: options.contactPhone,
        cloudProvider: options.cloud
      }
      // A profile the call will refuse is refused before anyone is asked for a passphrase.
      const valid = OrganizationProfileInput.safeParse(organization).success
      const protection: NewWorkspaceProtection = valid
        ? await newWorkspaceProtection(path.resolve(file), options.unencrypted === true)
        : { kind: 'none' }
      const summary = await withSession(call => call('workspace.create', { protection, path: path.resolve(file), organization }))
      if (options.json) printJson(io, summary)
      else
        printLines(io, [
          `Created a workspace for ${summary.organization.name}${protection.kind === 'passphrase' ? ', encrypted with the passphrase' : ', NOT encrypted'}.`,
          ...describeWorkspace(summary)
        ])
    })
}

/**
 * New workspaces are encrypted: with SAFEGUARD_PASSPHRASE, else a passphrase asked twice
 * at the terminal. Without either, only an explicit --unencrypted makes a plain file.
 */
async function newWorkspaceProtection(file: string, unencrypted: boolean): Promise<NewWorkspaceProtection> {
  if (unencrypted) return { kind: 'none' }
  try {
    const key = await readPassphrase(`New passphrase for ${path.basename(file)}: `, { confirm: true })
    if (key.kind !== 'passphrase') throw new Error('a new workspace takes a passphrase')
    return { kind: 'passphrase', passphrase: key.passphrase, rememberOnDevice: false }
  } catch (error) {
    if (error instanceof ApiError && error.code === 'invalid-input' && error.message.startsWith('No terminal')) {
      throw new ApiError('invalid-input', `No terminal to ask for a passphrase: set ${PASSPHRASE_ENV}, or pass --unencrypted for sample data.`)
    }
    throw error
  }
}
