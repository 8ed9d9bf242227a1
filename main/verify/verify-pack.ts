import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { MANIFEST_FILE_NAME, type PackManifest } from '../documents/pack-manifest/schema'
import { verifyPdfSignature } from '../signing/reads'
import type { PackVerification } from './contract'
import { readEmbeddedManifest } from './read-manifest'

/** A pack larger than this is refused before it is read: the largest real pack is a few tens of megabytes. */
export const MAX_PACK_BYTES = 512 * 1024 * 1024

/**
 * Checks a pack offline with nothing secret: its signature (whole file, intact, who and which certificate), its
 * embedded manifest against the schema, and with `evidenceDir` each evidence file against its manifest entry. Never
 * throws for a bad file: every failure is a sentence in `problems`, and `ok` is true only when there are none.
 */
export async function verifyPack(pdfPath: string, options: { evidenceDir?: string } = {}): Promise<PackVerification> {
  const problems: string[] = []
  const report: PackVerification = { ok: false, file: pdfPath, signature: null, manifest: null, evidence: null, problems }
  const pdf = readPack(pdfPath, problems)
  if (!pdf) return report

  let signature
  try {
    signature = verifyPdfSignature(pdf)
  } catch (error) {
    signature = null
    problems.push(`The signature could not be checked: ${(error as Error).message}`)
  }
  if (signature) {
    report.signature = {
      found: signature.found,
      intact: signature.intact,
      coversWholeFile: signature.coversWholeFile,
      signer: signature.signer,
      fingerprintSha256: signature.certificateFingerprintSha256,
      signedAt: signature.signedAt,
      subFilter: signature.subFilter
    }
    // The signature checker's own sentences say exactly what failed; ours only where it gave none.
    if (signature.problems.length) problems.push(...signature.problems)
    else if (!signature.found) problems.push('The PDF is not signed.')
    else {
      if (!signature.intact) problems.push('The signature is broken: the signed bytes were changed after signing, or the signature does not verify.')
      if (!signature.coversWholeFile)
        problems.push('The signature does not cover the whole file: bytes were added or changed outside what was signed.')
    }
  }

  const reading = await readEmbeddedManifest(pdf)
  if (reading.manifest) {
    const m = reading.manifest
    report.manifest = {
      found: true,
      valid: true,
      document: m.document,
      organization: m.organization.name,
      generatedOn: m.generatedOn,
      safeguardVersion: m.safeguardVersion,
      redaction: m.redaction,
      evidenceFiles: m.evidenceFiles,
      counts: { evidence: m.evidence.length, agreements: m.agreements.length, scanFiles: m.scanFiles.length }
    }
  } else {
    report.manifest = { found: reading.found, valid: false }
    problems.push(reading.problem)
  }

  if (options.evidenceDir !== undefined) {
    report.evidence = checkEvidenceFolder(
      options.evidenceDir,
      reading.manifest ? { manifest: reading.manifest, bytes: reading.bytes } : null,
      problems
    )
  }
  report.ok = problems.length === 0
  return report
}

function readPack(pdfPath: string, problems: string[]): Buffer | null {
  try {
    const stat = fs.statSync(pdfPath)
    if (!stat.isFile()) {
      problems.push(`${pdfPath} is not a file.`)
      return null
    }
    if (stat.size > MAX_PACK_BYTES) {
      problems.push(
        `${pdfPath} is ${Math.round(stat.size / 1024 / 1024)} MB, larger than any pack Safeguard writes (${MAX_PACK_BYTES / 1024 / 1024} MB); it was not read.`
      )
      return null
    }
    const pdf = fs.readFileSync(pdfPath)
    if (!pdf.subarray(0, 1024).includes('%PDF-')) {
      problems.push(`${pdfPath} is not a PDF (no %PDF- header at its start).`)
      return null
    }
    return pdf
  } catch (error) {
    problems.push(`${pdfPath} could not be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`)
    return null
  }
}

function sha256OfFile(file: string): string {
  const hash = createHash('sha256')
  const fd = fs.openSync(file, 'r')
  try {
    const chunk = Buffer.alloc(1024 * 1024)
    for (let read = fs.readSync(fd, chunk); read > 0; read = fs.readSync(fd, chunk)) hash.update(chunk.subarray(0, read))
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}

/** Each file of the folder against its manifest entry: changed, missing and extra files are each named. */
function checkEvidenceFolder(
  dir: string,
  embedded: { manifest: PackManifest; bytes: Buffer } | null,
  problems: string[]
): NonNullable<PackVerification['evidence']> {
  const result = { dir, matched: [] as string[], changed: [] as string[], missing: [] as string[], extra: [] as string[] }
  let names: string[]
  try {
    names = fs
      .readdirSync(dir, { withFileTypes: true })
      .filter(e => !e.name.startsWith('.'))
      .map(e => e.name)
      .sort()
  } catch (error) {
    problems.push(`The evidence folder ${dir} could not be read: ${(error as Error).message}`)
    return result
  }
  if (!embedded) {
    problems.push('The evidence folder was not checked: the pack has no readable manifest to check it against.')
    return result
  }
  const expected = new Map(embedded.manifest.evidence.filter(e => e.sha256 && e.exportName).map(e => [e.exportName!, e.sha256!]))
  for (const name of names) {
    const file = path.join(dir, name)
    if (name === MANIFEST_FILE_NAME) {
      const copy = fs.readFileSync(file)
      if (!copy.equals(embedded.bytes)) {
        result.changed.push(name)
        problems.push(`${name} in the evidence folder differs from the manifest embedded in the signed pack.`)
      } else result.matched.push(name)
      continue
    }
    const sha256 = expected.get(name)
    if (!sha256) {
      result.extra.push(name)
      problems.push(`${name} is in the evidence folder but not in the manifest.`)
    } else if (!fs.statSync(file).isFile() || sha256OfFile(file) !== sha256) {
      result.changed.push(name)
      problems.push(`${name} does not match its manifest entry: its SHA-256 differs, so the file was changed or replaced.`)
    } else result.matched.push(name)
  }
  for (const name of [...expected.keys()].sort()) {
    if (!names.includes(name)) {
      result.missing.push(name)
      problems.push(`${name} is in the manifest but missing from the evidence folder.`)
    }
  }
  return result
}
