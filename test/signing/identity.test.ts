import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ensureSigningIdentity, loadPdfSigner, readSigningIdentity } from '../../main/signing/reads'
import { identityNames } from '../../main/signing/identity'
import { signPdf } from '../../main/signing/sign-pdf'
import { verifyPdfSignature } from '../../main/signing/verify-signature'
import type { Db } from '../../main/db/driver'
import { createTestSession, createTestWorkspace, TEST_ORGANIZATION, tempDir, type TestSession } from '../helpers/workspace'
import { OPENSSL, smallPdf } from './signing-helpers'

const NO_OPENSSL = 'openssl is not installed here, so no PKCS #12 file can be made'
const dbOf = (ws: TestSession) => ws.session.current!.db as Db

let pdf: Buffer
beforeAll(async () => {
  pdf = await smallPdf()
})

/** A key and self-signed certificate made by openssl, packed as PKCS #12 with a password (OpenSSL's defaults, or -legacy). */
function opensslPkcs12(dir: string, password: string, options: { legacy?: boolean; ec?: boolean } = {}): { file: string; fingerprint: string } {
  const key = path.join(dir, 'key.pem')
  const cert = path.join(dir, 'cert.pem')
  const file = path.join(dir, options.ec ? 'ec.p12' : 'identity.p12')
  const run = (args: string[]) => {
    const result = spawnSync(OPENSSL!, args, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`)
    return result.stdout
  }
  const keyArgs = options.ec ? ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'] : ['-newkey', 'rsa:2048']
  run(['req', '-x509', ...keyArgs, '-nodes', '-keyout', key, '-out', cert, '-days', '365', '-subj', '/O=Harbor Family Practice/CN=Imported Signer'])
  run(['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', file, '-passout', `pass:${password}`, ...(options.legacy ? ['-legacy'] : [])])
  const fingerprint = run(['x509', '-in', cert, '-noout', '-fingerprint', '-sha256']).trim().split('=')[1]!
  return { file, fingerprint }
}

describe('the signing identity', () => {
  it('is created on first use with the organisation (O) and the security official (CN), and reused after', async () => {
    const ws = await createTestWorkspace()
    expect(await ws.call('signing.identity', {})).toBeNull()
    const now = new Date('2026-12-07T09:00:00Z')
    const signer = ensureSigningIdentity(dbOf(ws), { now })
    const summary = readSigningIdentity(dbOf(ws))!
    expect(summary).toMatchObject({
      commonName: TEST_ORGANIZATION.contactName,
      organization: TEST_ORGANIZATION.name,
      subject: `O=${TEST_ORGANIZATION.name}, CN=${TEST_ORGANIZATION.contactName}`,
      origin: 'created',
      keyAlgorithm: 'RSA 3072',
      selfSigned: true,
      chainLength: 0,
      keyEncryptedAtRest: false,
      validFrom: '2026-12-07T09:00:00.000Z',
      validTo: '2029-12-07T09:00:00.000Z',
      retired: []
    })
    expect(summary.fingerprintSha256).toBe(new crypto.X509Certificate(signer.certificate).fingerprint256)
    expect(ensureSigningIdentity(dbOf(ws), { now: new Date() }).certificate.equals(signer.certificate)).toBe(true)
    expect(await ws.call('signing.identity', {})).toEqual(summary)
    // Nothing the API returns holds the key.
    expect(JSON.stringify(summary)).not.toMatch(/PRIVATE|BEGIN/)

    const report = verifyPdfSignature(signPdf(pdf, loadPdfSigner(dbOf(ws))!, { signedAt: now, reason: 'Test', signerName: summary.commonName }))
    expect(report.problems).toEqual([])
    expect(report.certificateFingerprintSha256).toBe(summary.fingerprintSha256)
  })

  it('names the security official generically when the profile names no contact', async () => {
    const ws = await createTestWorkspace({ organization: { contactName: '' } })
    expect(identityNames(dbOf(ws))).toEqual({ organization: TEST_ORGANIZATION.name, commonName: `Security Official, ${TEST_ORGANIZATION.name}` })
  })

  it('refuses a second create, exports the certificate as PEM, and replaces keeping the old fingerprint', async () => {
    const ws = await createTestWorkspace()
    const first = await ws.call('signing.create', {})
    await expect(ws.call('signing.create', {})).rejects.toMatchObject({ code: 'conflict' })

    const target = path.join(ws.dir, 'harbor-signing.crt')
    expect(await ws.call('signing.exportCertificate', { path: target })).toEqual({ path: target })
    const pem = fs.readFileSync(target, 'utf8')
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/)
    expect(pem).not.toContain('PRIVATE')
    expect(new crypto.X509Certificate(pem).fingerprint256).toBe(first.fingerprintSha256)

    const replaced = await ws.call('signing.replace', { confirmed: true, source: { kind: 'create' } })
    expect(replaced.previousFingerprintSha256).toBe(first.fingerprintSha256)
    expect(replaced.identity.fingerprintSha256).not.toBe(first.fingerprintSha256)
    expect(replaced.note).toMatch(/keep the old certificate/)
    expect(replaced.identity.retired.map(r => r.fingerprintSha256)).toEqual([first.fingerprintSha256])
  })

  it.skipIf(!OPENSSL)(`imports a PKCS #12 file made by openssl and signs with it${OPENSSL ? '' : ` (${NO_OPENSSL})`}`, async () => {
    const ws = await createTestWorkspace()
    const { file, fingerprint } = opensslPkcs12(ws.dir, 'correct horse')
    const summary = await ws.call('signing.importPkcs12', { path: file, password: 'correct horse' })
    expect(summary).toMatchObject({
      origin: 'imported',
      commonName: 'Imported Signer',
      organization: 'Harbor Family Practice',
      fingerprintSha256: fingerprint
    })
    const report = verifyPdfSignature(signPdf(pdf, loadPdfSigner(dbOf(ws))!, { signedAt: new Date(), reason: 'Test', signerName: 'Imported Signer' }))
    expect(report.problems).toEqual([])
    expect(report.certificateFingerprintSha256).toBe(fingerprint)
  })

  it.skipIf(!OPENSSL)(`imports older (-legacy, 3DES) and ECDSA PKCS #12 files${OPENSSL ? '' : ` (${NO_OPENSSL})`}`, async () => {
    const legacy = await createTestWorkspace()
    const old = opensslPkcs12(tempDir(), 'pw', { legacy: true })
    expect((await legacy.call('signing.importPkcs12', { path: old.file, password: 'pw' })).fingerprintSha256).toBe(old.fingerprint)
    const ec = await createTestWorkspace()
    const made = opensslPkcs12(tempDir(), 'pw', { ec: true })
    expect(await ec.call('signing.importPkcs12', { path: made.file, password: 'pw' })).toMatchObject({
      fingerprintSha256: made.fingerprint,
      keyAlgorithm: 'ECDSA P-256'
    })
    expect(verifyPdfSignature(signPdf(pdf, loadPdfSigner(dbOf(ec))!, { signedAt: new Date(), reason: 'Test', signerName: 'x' })).intact).toBe(true)
  })

  it.skipIf(!OPENSSL)(`keeps an imported chain, signs with it whole, and exports it${OPENSSL ? '' : ` (${NO_OPENSSL})`}`, async () => {
    const ws = await createTestWorkspace()
    const dir = ws.dir
    const run = (args: string[]) => {
      const result = spawnSync(OPENSSL!, args, { encoding: 'utf8' })
      if (result.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${result.stderr}`)
    }
    const at = (name: string) => path.join(dir, name)
    // Options as words, then the subject (which has spaces) where one is given.
    const openssl = (words: string, subject?: string) =>
      run([...words.split(' ').map(w => (w.startsWith('@') ? at(w.slice(1)) : w)), ...(subject ? ['-subj', subject] : [])])
    openssl('req -x509 -newkey rsa:2048 -nodes -keyout @ca.key -out @ca.pem -days 30', '/O=Example CA/CN=Example Issuing CA')
    openssl('req -newkey rsa:2048 -nodes -keyout @leaf.key -out @leaf.csr', '/O=Harbor Family Practice/CN=Dana Reyes')
    openssl('x509 -req -in @leaf.csr -CA @ca.pem -CAkey @ca.key -CAcreateserial -out @leaf.pem -days 30')
    openssl('pkcs12 -export -inkey @leaf.key -in @leaf.pem -certfile @ca.pem -out @chain.p12 -passout pass:pw')
    const summary = await ws.call('signing.importPkcs12', { path: at('chain.p12'), password: 'pw' })
    expect(summary).toMatchObject({ commonName: 'Dana Reyes', selfSigned: false, chainLength: 1 })
    const signer = loadPdfSigner(dbOf(ws))!
    expect(signer.chain.map(der => new crypto.X509Certificate(der).subject)).toEqual(['O=Example CA\nCN=Example Issuing CA'])
    const signed = signPdf(pdf, signer, { signedAt: new Date(), reason: 'Test', signerName: 'Dana Reyes' })
    expect(signed.includes(signer.chain[0]!)).toBe(false) // hex-encoded inside Contents, never raw
    expect(signed.toString('latin1').includes(signer.chain[0]!.toString('hex'))).toBe(true)
    expect(verifyPdfSignature(signed).problems).toEqual([])
    await ws.call('signing.exportCertificate', { path: at('out.crt') })
    expect(fs.readFileSync(at('out.crt'), 'utf8').match(/BEGIN CERTIFICATE/g)).toHaveLength(2)
  })

  it.skipIf(!OPENSSL)(`refuses a wrong password clearly and leaves the workspace as it was${OPENSSL ? '' : ` (${NO_OPENSSL})`}`, async () => {
    const ws = await createTestWorkspace()
    const { file } = opensslPkcs12(ws.dir, 'correct horse')
    await expect(ws.call('signing.importPkcs12', { path: file, password: 'wrong' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: `The password does not open this PKCS #12 file: "${file}".`,
      details: { reason: 'wrong-password', file }
    })
    expect(await ws.call('signing.identity', {})).toBeNull()
    const junk = path.join(ws.dir, 'junk.p12')
    fs.writeFileSync(junk, 'not a pkcs12 file')
    await expect(ws.call('signing.importPkcs12', { path: junk, password: 'x' })).rejects.toMatchObject({
      code: 'import-rejected',
      details: { reason: 'unreadable' }
    })
    expect(await ws.call('signing.identity', {})).toBeNull()

    // A replacement refused for its password leaves the identity in use as it was.
    const inUse = await ws.call('signing.importPkcs12', { path: file, password: 'correct horse' })
    await expect(ws.call('signing.replace', { confirmed: true, source: { kind: 'pkcs12', path: file, password: 'wrong' } })).rejects.toMatchObject({
      details: { reason: 'wrong-password' }
    })
    expect(await ws.call('signing.identity', {})).toEqual(inUse)
  })

  it('keeps the private key only inside an encrypted workspace: never in clear in its files', async () => {
    const test = createTestSession()
    const file = path.join(test.dir, 'clinic.safeguard')
    await test.call('workspace.create', {
      path: file,
      organization: TEST_ORGANIZATION,
      protection: { kind: 'passphrase', passphrase: 'harbor practice 2026' }
    })
    expect(await test.call('signing.create', {})).toMatchObject({ keyEncryptedAtRest: true })
    const db = test.session.current!.db as Db
    const row = db.prepare('SELECT private_key FROM signing_identity WHERE in_use = 1').get() as { private_key: Buffer }
    const key = crypto.createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' })
    const modulus = Buffer.from(key.export({ format: 'jwk' }).n!, 'base64url')
    db.pragma('wal_checkpoint(TRUNCATE)')
    const onDisk = fs
      .readdirSync(test.dir)
      .filter(name => name.startsWith('clinic.safeguard'))
      .map(name => fs.readFileSync(path.join(test.dir, name)))
    expect(onDisk.length).toBeGreaterThan(0)
    for (const bytes of onDisk) {
      expect(bytes.includes(row.private_key.subarray(0, 64))).toBe(false)
      expect(bytes.includes(modulus.subarray(0, 32))).toBe(false)
      expect(bytes.includes(Buffer.from(TEST_ORGANIZATION.name))).toBe(false)
    }
  })
})
