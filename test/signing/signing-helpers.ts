import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import PDFDocument from 'pdfkit'
import { createSelfSignedCertificate } from '../../main/signing/certificate'
import { pdfSignerFor, type PdfSigner } from '../../main/signing/pdf-signer'

/** A small two-page PDF from pdfkit, as the documents feature writes them (with a link annotation on page one). */
export function smallPdf(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info: { Title: 'Test pack', CreationDate: new Date('2026-01-02T03:04:05Z') } })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.text('HIPAA Security evidence pack (test)').link(72, 72, 100, 12, 'https://example.com/')
    doc.addPage().text('Second page')
    doc.end()
  })
}

/** A signer with a fresh key and self-signed certificate, without a workspace. */
export function testSigner(keyType: 'rsa' | 'ec' = 'rsa', names = { commonName: 'Dana Reyes', organization: 'Harbor Family Practice' }): PdfSigner {
  const { privateKey, publicKey } =
    keyType === 'rsa' ? crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }) : crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const notBefore = new Date('2026-01-01T00:00:00Z')
  const certificate = createSelfSignedCertificate({ privateKey, publicKey, ...names, notBefore, notAfter: new Date('2029-01-01T00:00:00Z') })
  return pdfSignerFor(privateKey, certificate)
}

function which(tool: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, tool)
    if (fs.existsSync(candidate)) return candidate
  }
  return null
}

export const PDFSIG = which('pdfsig')
export const OPENSSL = which('openssl')
const PYTHON = '/usr/bin/python3'
export const PIKEPDF = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pikepdf'], { encoding: 'utf8' }).status === 0

/** pdfsig's report on a file (its exit status is not relied on: it differs between poppler versions). */
export function pdfsig(file: string): string {
  const result = spawnSync(PDFSIG!, [file], { encoding: 'utf8' })
  return `${result.stdout}${result.stderr}`
}

/** The signature dictionary as pikepdf (qpdf) reads it: a second reader of the structure. */
export function pikepdfSignature(file: string): { fieldType: string; subFilter: string; byteRange: number[]; m: string; sigFlags: number } {
  const script = `
import json, sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
field = pdf.Root.AcroForm.Fields[0]
sig = field.V
print(json.dumps({"fieldType": str(field.FT), "subFilter": str(sig.SubFilter), "byteRange": [int(x) for x in sig.ByteRange], "m": str(sig.M), "sigFlags": int(pdf.Root.AcroForm.SigFlags)}))
`
  const result = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })
  if (result.status !== 0) throw new Error(result.stderr)
  return JSON.parse(result.stdout) as never
}
