import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PdfSigner } from '../../main/signing/pdf-signer'
import { PdfSigningError, signPdf } from '../../main/signing/sign-pdf'
import { verifyPdfSignature } from '../../main/signing/verify-signature'
import { tempDir } from '../helpers/workspace'
import { OPENSSL, PDFSIG, PIKEPDF, pdfsig, pikepdfSignature, smallPdf, testSigner } from './signing-helpers'

// pdfsig is an outside reader (poppler-utils; .ci/run installs it): where it is missing its checks skip and say so, and the
// checks of our own verifier in the same tests still run.
const NO_PDFSIG = 'pdfsig (poppler-utils) is not installed here'
const NO_PIKEPDF = '/usr/bin/python3 with pikepdf is not installed here'
const SIGNED_AT = new Date('2026-12-07T10:20:30Z')
const OPTIONS = {
  signedAt: SIGNED_AT,
  reason: 'Issued by the organisation: HIPAA Security Evidence Pack',
  signerName: 'Dana Reyes',
  location: 'Portland, Oregon'
}

let unsigned: Buffer
let signer: PdfSigner
let signed: Buffer

beforeAll(async () => {
  unsigned = await smallPdf()
  signer = testSigner('rsa')
  signed = signPdf(unsigned, signer, OPTIONS)
})

function write(bytes: Buffer, name = 'pack.pdf'): string {
  const file = path.join(tempDir('safeguard-signing-'), name)
  fs.writeFileSync(file, bytes)
  return file
}

describe('signPdf', () => {
  it('appends the signature as an incremental update: the unsigned file is an exact prefix', () => {
    expect(signed.length).toBeGreaterThan(unsigned.length)
    expect(signed.subarray(0, unsigned.length).equals(unsigned)).toBe(true)
  })

  it('gives the same bytes for the same file, signer and time (reproducible up to the signature)', () => {
    expect(signPdf(unsigned, signer, OPTIONS).equals(signed)).toBe(true)
  })

  it('is accepted by the verifier: whole file, intact, who signed, the fingerprint and the time', () => {
    const report = verifyPdfSignature(signed)
    expect(report).toEqual({
      found: true,
      intact: true,
      coversWholeFile: true,
      signer: { commonName: 'Dana Reyes', organization: 'Harbor Family Practice' },
      certificateFingerprintSha256: new crypto.X509Certificate(signer.certificate).fingerprint256,
      signedAt: SIGNED_AT.toISOString(),
      subFilter: 'ETSI.CAdES.detached',
      problems: []
    })
    expect(report.certificateFingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  })

  it.skipIf(!PDFSIG)(`is valid and covers the whole document for pdfsig${PDFSIG ? '' : ` (${NO_PDFSIG})`}`, () => {
    const out = pdfsig(write(signed))
    expect(out).toContain('Signature is Valid.')
    expect(out).toContain('Total document signed')
    expect(out).toContain('ETSI.CAdES.detached')
    expect(out).toContain('Signer Certificate Common Name: Dana Reyes')
    expect(out).toContain('SHA-256')
  })

  it.skipIf(!PIKEPDF)(`has a signature field and dictionary pikepdf reads${PIKEPDF ? '' : ` (${NO_PIKEPDF})`}`, () => {
    const sig = pikepdfSignature(write(signed))
    expect(sig.fieldType).toBe('/Sig')
    expect(sig.subFilter).toBe('/ETSI.CAdES.detached')
    expect(sig.m).toBe('D:20261207102030Z')
    expect(sig.sigFlags).toBe(3)
    const [start, length, start2, length2] = sig.byteRange
    expect(start).toBe(0)
    expect(start2! + length2!).toBe(signed.length)
    expect(signed[length!]).toBe(0x3c)
    expect(signed[start2! - 1]).toBe(0x3e)
  })

  it.skipIf(!OPENSSL)(
    `holds a CMS signature that openssl cms verifies over the signed bytes${OPENSSL ? '' : ' (openssl is not installed here)'}`,
    () => {
      const dir = tempDir('safeguard-signing-')
      const [contentsStart, contentsEnd, tailLength] = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))!.slice(1).map(Number)
      const content = path.join(dir, 'signed-bytes.bin')
      const cms = path.join(dir, 'signature.der')
      const anchor = path.join(dir, 'signer.pem')
      fs.writeFileSync(content, Buffer.concat([signed.subarray(0, contentsStart), signed.subarray(contentsEnd!, contentsEnd! + tailLength!)]))
      fs.writeFileSync(cms, Buffer.from(signed.toString('latin1', contentsStart! + 1, contentsEnd! - 1), 'hex'))
      fs.writeFileSync(anchor, new crypto.X509Certificate(signer.certificate).toString())
      const verify = (file: string) =>
        spawnSync(
          OPENSSL!,
          ['cms', '-verify', '-binary', '-inform', 'DER', '-in', cms, '-content', file, '-CAfile', anchor, '-purpose', 'any', '-out', os.devNull],
          {
            encoding: 'utf8'
          }
        )
      expect(verify(content).stderr).toContain('CMS Verification successful')
      fs.appendFileSync(content, 'x')
      expect(verify(content).status).not.toBe(0)
    }
  )

  it('signs with an ECDSA P-256 key (as an imported identity may have) as well', () => {
    const ec = testSigner('ec')
    const report = verifyPdfSignature(signPdf(unsigned, ec, OPTIONS))
    expect(report.problems).toEqual([])
    expect(report.intact).toBe(true)
    if (PDFSIG) expect(pdfsig(write(signPdf(unsigned, ec, OPTIONS)))).toContain('Signature is Valid.')
  })

  it('refuses a file that is not a finished PDF, naming why', () => {
    expect(() => signPdf(Buffer.from('not a pdf at all'), signer, OPTIONS)).toThrow(PdfSigningError)
    expect(() => signPdf(unsigned.subarray(0, unsigned.length - 40), signer, OPTIONS)).toThrow(/startxref|cannot be signed/)
  })
})

describe('a change after signing', () => {
  /** Positions across the signed ranges: the header, page content, the catalog, the signature's own dictionary, the final trailer. */
  function positionsToChange(): number[] {
    const report = verifyPdfSignature(signed)
    expect(report.intact).toBe(true)
    const byteRange = /\/ByteRange \[0 (\d+) (\d+) (\d+)\]/.exec(signed.toString('latin1'))!.slice(1).map(Number)
    const [contentsStart, contentsEnd] = [byteRange[0]!, byteRange[1]!]
    return [10, Math.floor(unsigned.length / 2), unsigned.length - 10, contentsStart - 20, contentsEnd + 5, signed.length - 8]
  }

  it('one changed byte anywhere in the signed range makes the verifier fail and say why', () => {
    for (const at of positionsToChange()) {
      const changed = Buffer.from(signed)
      changed[at] = changed[at] === 0x30 ? 0x31 : 0x30
      const report = verifyPdfSignature(changed)
      expect(report.intact, `byte ${at}`).toBe(false)
      expect(report.problems.length, `byte ${at}`).toBeGreaterThan(0)
    }
  })

  it.skipIf(!PDFSIG)(`one changed byte makes pdfsig fail too${PDFSIG ? '' : ` (${NO_PDFSIG})`}`, () => {
    for (const at of positionsToChange()) {
      const changed = Buffer.from(signed)
      changed[at] = changed[at] === 0x30 ? 0x31 : 0x30
      expect(pdfsig(write(changed)), `byte ${at}`).not.toContain('Signature is Valid.')
    }
  })

  it('reports a change in page content in the words of the brief', () => {
    const changed = Buffer.from(signed)
    const at = Math.floor(unsigned.length / 2)
    changed[at] = changed[at]! ^ 0x01
    expect(verifyPdfSignature(changed).problems).toContain(
      "The file was changed after it was signed: the signed bytes no longer match the signature's digest"
    )
  })

  it('reports bytes appended after signing, with the lengths', () => {
    const appended = Buffer.concat([signed, Buffer.from('\n1 0 obj\n<<>>\nendobj\n')])
    const report = verifyPdfSignature(appended)
    expect(report.intact).toBe(true)
    expect(report.coversWholeFile).toBe(false)
    expect(report.problems).toEqual([
      `The signature covers bytes 0–${signed.length - 1} but the file is ${appended.length} bytes long: something was appended after signing (21 bytes)`
    ])
    if (PDFSIG) expect(pdfsig(write(appended))).toContain('Not total document signed')
  })

  it('a change in the signature itself (its Contents) breaks it', () => {
    const changed = Buffer.from(signed)
    const contentsStart = Number(/\/ByteRange \[0 (\d+)/.exec(signed.toString('latin1'))![1])
    // Inside the RSA signature value near the end of the CMS (before the zero padding).
    const cmsHexEnd = signed.indexOf('0000000000', contentsStart)
    changed[cmsHexEnd - 6] = changed[cmsHexEnd - 6] === 0x61 ? 0x62 : 0x61
    const report = verifyPdfSignature(changed)
    expect(report.intact).toBe(false)
    expect(report.problems.join(' ')).toMatch(/does not verify|cannot be read|not a readable/)
  })
})

describe('the verifier on hostile input', () => {
  it('says so for an unsigned PDF and for a file that is not a PDF', () => {
    expect(verifyPdfSignature(unsigned)).toMatchObject({ found: false, intact: false, problems: ['The file has no digital signature'] })
    expect(verifyPdfSignature(Buffer.from('PK\x03\x04 zip')).problems).toEqual(['The file is not a PDF (no "%PDF-" header)'])
    expect(verifyPdfSignature(Buffer.alloc(0)).found).toBe(false)
  })

  it('reports a file cut short, at any length, without throwing', () => {
    for (let length = 0; length < signed.length; length += 97) {
      const report = verifyPdfSignature(signed.subarray(0, length))
      expect(report.intact, `cut at ${length}`).toBe(false)
      expect(report.problems.length).toBeGreaterThan(0)
    }
    expect(verifyPdfSignature(signed.subarray(0, signed.length - 30)).problems[0]).toMatch(/the file was cut short after signing/)
  })

  it('never throws or hangs on mutated files', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(signed.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), edits => {
        const mutated = Buffer.from(signed)
        for (const [at, byte] of edits) mutated[at] = byte
        const report = verifyPdfSignature(mutated)
        if (!edits.every(([at, byte]) => signed[at] === byte)) expect(typeof report.intact).toBe('boolean')
      }),
      { numRuns: 150 }
    )
  })

  it('reads only a bounded window around each signature-like key, however large the file', () => {
    const endless = Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj << /ByteRange ['), Buffer.alloc(8 * 1024 * 1024, '1 ')])
    const hostile = Buffer.concat(Array.from({ length: 4 }, () => endless))
    const report = verifyPdfSignature(hostile)
    expect(report.found).toBe(false)
    expect(report.problems).toEqual(['The file has no digital signature'])
  })

  it('finds the signature dictionary when another writer puts /Contents before /ByteRange', () => {
    // A chain long enough that /Contents runs well past the first few kilobytes of the dictionary.
    const longChain: PdfSigner = { ...signer, sign: signer.sign, chain: [signer.certificate, signer.certificate, signer.certificate] }
    const text = signPdf(unsigned, longChain, OPTIONS).toString('latin1')
    const contents = /\/Contents <[0-9a-f]+>/.exec(text)!
    const byteRange = /\/ByteRange \[[^\]]+\] */.exec(text)!
    // Swap the two entries' places in the dictionary, keeping every length, and fix the ByteRange to match.
    const [first, second] = contents.index < byteRange.index ? [contents, byteRange] : [byteRange, contents]
    expect(first).toBe(byteRange)
    const swapped =
      text.slice(0, first.index) +
      second[0] +
      text.slice(first.index + first[0].length, second.index) +
      first[0] +
      text.slice(second.index + second[0].length)
    const hexStart = swapped.indexOf('/Contents <') + '/Contents '.length
    const hexEnd = swapped.indexOf('>', hexStart) + 1
    expect(hexEnd - hexStart).toBeGreaterThan(4096)
    const range = `[0 ${hexStart} ${hexEnd} ${swapped.length - hexEnd}]`
    const fixed = swapped.replace(/\/ByteRange \[[^\]]+\] */, m => `/ByteRange ${range}`.padEnd(m.length, ' '))
    const report = verifyPdfSignature(Buffer.from(fixed, 'latin1'))
    // The digest no longer matches (bytes moved), but the dictionary was read: its /SubFilter and /M are reported.
    expect(report.subFilter).toBe('ETSI.CAdES.detached')
    expect(report.signedAt).toBe(SIGNED_AT.toISOString())
    expect(report.intact).toBe(false)
  })

  it('reads garbage with signature-like keys without trouble', () => {
    const garbage = Buffer.from(
      `%PDF-1.7\n1 0 obj << /ByteRange [0 5 99999999 7] /Contents <3082zz> >> endobj /ByteRange [ [[[[ /ByteRange [0 10 12 3]`
    )
    const report = verifyPdfSignature(garbage)
    expect(report.found).toBe(true)
    expect(report.intact).toBe(false)
    expect(report.problems.length).toBeGreaterThan(0)
  })
})
