import path from 'node:path'
import type { Command } from 'commander'
import type { PackVerification } from '../../verify/contract'
import { withSession } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`

/** The report in words: what checked, then exactly what did not. */
export function verificationLines(report: PackVerification): string[] {
  const lines: string[] = []
  const s = report.signature
  if (s?.found) {
    const { commonName, organization } = s.signer ?? { commonName: 'an unnamed signer', organization: null }
    const who = organization && !commonName.includes(organization) ? `${commonName}, ${organization}` : commonName
    lines.push(
      `Signature: ${s.intact && s.coversWholeFile ? 'intact and covers the whole file' : 'NOT valid'}; signed by ${who}${s.signedAt ? ` on ${s.signedAt}` : ''}`,
      `Certificate SHA-256 fingerprint: ${s.fingerprintSha256 ?? 'unknown'} (compare it with the certificate the organisation gave you)`
    )
  } else if (s) lines.push('Signature: none')
  const m = report.manifest
  if (m?.valid) {
    lines.push(
      `Manifest: ${m.document.title}, ${m.organization}, ${m.document.period}, generated on ${m.generatedOn} by Safeguard ${m.safeguardVersion}`,
      `  ${plural(m.counts.evidence, 'evidence item')}, ${plural(m.counts.agreements, 'signed agreement')}, ${plural(m.counts.scanFiles, 'scan file')} listed with their SHA-256` +
        (m.redaction.redacted
          ? `; redacted edition (${m.redaction.kinds.map(k => `${k.count} ${k.label}`).join(', ') || 'nothing found to replace'})`
          : '')
    )
  }
  if (report.evidence)
    lines.push(
      `Evidence folder ${report.evidence.dir}: ${plural(report.evidence.matched.length, 'file')} ${report.evidence.matched.length === 1 ? 'matches' : 'match'} the manifest`
    )
  if (report.ok) lines.push(`OK: ${report.file} checks.`)
  else lines.push(`FAILED: ${report.file} does not check:`, ...report.problems.map(p => `  - ${p}`))
  return lines
}

export function registerVerify(program: Command, io: CliIo): void {
  program
    .command('verify')
    .description('Check a signed pack offline, with no secrets: its signature, manifest and (with --evidence) the evidence folder beside it')
    .argument('<pack>', 'the evidence pack or annual review PDF')
    .option('--evidence <dir>', 'the evidence folder exported beside the pack, to check each file against the manifest')
    .option('--json', 'print the report as JSON')
    .action(async (pack: string, options: { evidence?: string; json?: boolean }) => {
      const report = await withSession(call =>
        call('verify.pack', { path: path.resolve(pack), ...(options.evidence ? { evidenceDir: path.resolve(options.evidence) } : {}) })
      )
      if (options.json) printJson(io, report)
      else printLines(io, verificationLines(report!))
      if (!report!.ok) process.exitCode = 1
    })
}
