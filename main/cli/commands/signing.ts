import path from 'node:path'
import type { Command } from 'commander'
import type { SigningIdentitySummary } from '../../signing/contract'
import { ApiError } from '../../shared/errors'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { promptHidden } from '../passphrase-prompt'

/** Where scripts give the PKCS #12 file's password (people are asked, without echo). */
export const P12_PASSWORD_ENV = 'SAFEGUARD_P12_PASSWORD'

async function pkcs12Password(file: string): Promise<string> {
  const fromEnvironment = process.env[P12_PASSWORD_ENV]
  if (fromEnvironment !== undefined) return fromEnvironment
  return promptHidden(`Password for ${path.basename(file)}: `).catch((error: unknown) => {
    if (error instanceof ApiError && error.message.startsWith('No terminal')) {
      throw new ApiError('invalid-input', `No terminal to ask for the PKCS #12 password: set ${P12_PASSWORD_ENV}.`)
    }
    throw error
  })
}

function identityLines(identity: SigningIdentitySummary): string[] {
  return [
    `Signer:       ${identity.commonName}${identity.organization ? `, ${identity.organization}` : ''}`,
    `Subject:      ${identity.subject}`,
    `Fingerprint:  SHA-256 ${identity.fingerprintSha256}`,
    `Valid:        ${identity.validFrom.slice(0, 10)} to ${identity.validTo.slice(0, 10)}`,
    `Key:          ${identity.keyAlgorithm}`,
    identity.origin === 'created'
      ? `Origin:       created in Safeguard on ${identity.createdAt.slice(0, 10)}, self-signed: recipients pin it by its fingerprint`
      : `Origin:       imported from a PKCS #12 file on ${identity.createdAt.slice(0, 10)}${identity.chainLength ? ` with ${identity.chainLength} issuing certificate(s)` : ''}`,
    ...(identity.keyEncryptedAtRest
      ? []
      : ['Warning:      this workspace is not encrypted, so the private key is only as safe as the file (`safeguard encrypt`)']),
    ...identity.retired.map(r => `Replaced:     SHA-256 ${r.fingerprintSha256} (until ${r.retiredAt.slice(0, 10)}; packs signed with it keep it)`)
  ]
}

export function registerSigning(program: Command, io: CliIo): void {
  const signing = program.command('signing').description("The organisation's signing identity, which signs evidence packs and annual reviews")

  signing
    .command('show')
    .description('Show the signing identity and its certificate fingerprint')
    .argument('<workspace>', 'workspace file')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { json?: boolean }) => {
      const identity = await withWorkspace(workspace, call => call('signing.identity', {}))
      if (options.json) return printJson(io, identity)
      printLines(
        io,
        identity ? identityLines(identity) : ['No signing identity yet: `safeguard signing create` makes one (the first signed pack does too).']
      )
    })

  signing
    .command('create')
    .description('Create a key pair and a self-signed certificate naming the organisation and its security official')
    .argument('<workspace>', 'workspace file')
    .option('--replace', 'replace the identity in use (packs signed earlier keep the old fingerprint)')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { replace?: boolean; json?: boolean }) => {
      const identity = await withWorkspace(workspace, async call =>
        options.replace ? (await call('signing.replace', { confirmed: true, source: { kind: 'create' } })).identity : call('signing.create', {})
      )
      if (options.json) return printJson(io, identity)
      printLines(io, [...identityLines(identity), ...(options.replace ? ['Packs signed before now keep the old certificate and fingerprint.'] : [])])
    })

  signing
    .command('import')
    .description(`Import a key and certificate chain from a PKCS #12 (.p12/.pfx) file; the password is asked for, or read from ${P12_PASSWORD_ENV}`)
    .argument('<workspace>', 'workspace file')
    .requiredOption('--p12 <file>', 'the PKCS #12 file')
    .option('--replace', 'replace the identity in use (packs signed earlier keep the old fingerprint)')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { p12: string; replace?: boolean; json?: boolean }) => {
      const file = path.resolve(options.p12)
      const password = await pkcs12Password(file)
      const identity = await withWorkspace(workspace, async call =>
        options.replace
          ? (await call('signing.replace', { confirmed: true, source: { kind: 'pkcs12', path: file, password } })).identity
          : call('signing.importPkcs12', { path: file, password })
      )
      if (options.json) return printJson(io, identity)
      printLines(io, identityLines(identity))
    })

  signing
    .command('export-certificate')
    .description('Write the signing certificate as PEM, for recipients to pin by its fingerprint')
    .argument('<workspace>', 'workspace file')
    .requiredOption('--out <file>', 'certificate file to write (.crt)')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, options: { out: string; json?: boolean }) => {
      const result = await withWorkspace(workspace, async call => {
        const written = await call('signing.exportCertificate', { path: path.resolve(options.out) })
        return { ...written!, identity: (await call('signing.identity', {}))! }
      })
      if (options.json) return printJson(io, result)
      printLines(io, [`Wrote the signing certificate to ${result.path}`, `Fingerprint: SHA-256 ${result.identity.fingerprintSha256}`])
    })
}
