import { Command } from 'commander'
import type { CliIo } from './cli-io'
import { registerInfo } from './commands/info'
import { registerInit } from './commands/init'
import { registerCatalog } from './commands/catalog'
import { registerAnswers } from './commands/answers'
import { registerStatus } from './commands/status'
import { registerBaas } from './commands/baas'
import { registerIncidents } from './commands/incidents'
import { registerDeadlines } from './commands/deadlines'
import { registerPolicies } from './commands/policies'
import { registerPack } from './commands/pack'
import { registerReview } from './commands/review'
import { registerVerify } from './commands/verify'
import { registerDemo } from './commands/demo'
import { registerBackup } from './commands/backup'
import { registerRestore } from './commands/restore'
import { registerEncrypt } from './commands/encrypt'
import { registerPassphrase } from './commands/passphrase'
import { registerImport } from './commands/import'
import { registerFindings } from './commands/findings'
import { registerRisks } from './commands/risks'
import { registerMap } from './commands/map'
import { registerPortfolio } from './commands/portfolio'
import { registerLibrary } from './commands/library'
import { registerOscal } from './commands/oscal'
import { registerSigning } from './commands/signing'
import { registerEvidence } from './commands/evidence'
import { APP_VERSION } from './version'

/** The `safeguard` command tree. Each feature adds one register line here. */
export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('safeguard')
    .description(
      'Safeguard: offline HIPAA Security Rule compliance workspaces.\n' +
        'Every command that prints data takes --json and then prints only JSON on stdout.'
    )
    .version(APP_VERSION, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
  registerInit(program, io)
  registerInfo(program, io)
  registerCatalog(program, io)
  registerAnswers(program, io)
  registerStatus(program, io)
  registerBaas(program, io)
  registerIncidents(program, io)
  registerDeadlines(program, io)
  registerPolicies(program, io)
  registerPack(program, io)
  registerReview(program, io)
  registerVerify(program, io)
  registerDemo(program, io)
  registerBackup(program, io)
  registerRestore(program, io)
  registerEncrypt(program, io)
  registerPassphrase(program, io)
  registerImport(program, io)
  registerFindings(program, io)
  registerRisks(program, io)
  registerMap(program, io)
  registerPortfolio(program, io)
  registerLibrary(program, io)
  registerOscal(program, io)
  registerSigning(program, io)
  registerEvidence(program, io)
  return program
}
