import type { CallContext, HandlersFor } from '../api/handler-types'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { writeExportFile } from '../shared/export-file'
import { readImportFileSync } from '../shared/regular-file'
import type { signingCalls, SigningIdentitySummary } from './contract'
import { createSigningIdentity, exportCertificate, importSigningIdentity, readSigningIdentity } from './identity'
import { Pkcs12Error } from './pkcs12'
import { SigningKeyError } from './pdf-signer'

/** A PKCS #12 file holds a key and a few certificates: a megabyte is ample. */
const MAX_PKCS12_BYTES = 1024 * 1024
const PKCS12_FILTERS = [{ name: 'PKCS #12 (.p12, .pfx)', extensions: ['p12', 'pfx'] }]

export const REPLACE_NOTE =
  'Packs and reviews signed before now keep the old certificate and its fingerprint: a recipient who pinned the old fingerprint ' +
  'needs the new certificate to check anything signed from now on.'

function refuseIfPresent(db: Db): void {
  const existing = readSigningIdentity(db)
  if (existing) {
    throw new ApiError('conflict', `The workspace already has a signing identity (${existing.fingerprintSha256}); replace it instead.`, {
      fingerprintSha256: existing.fingerprintSha256
    })
  }
}

function importFrom(ctx: CallContext, file: string, password: string): SigningIdentitySummary {
  const bytes = readImportFileSync(
    file,
    MAX_PKCS12_BYTES,
    size => new ApiError('import-rejected', `"${file}" is ${size} bytes: too large for a PKCS #12 file.`),
    'a PKCS #12 file'
  )
  try {
    return importSigningIdentity(ctx.workspace().db, { bytes, password, now: new Date(ctx.session.now()) })
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      const code = error.reason === 'wrong-password' ? 'invalid-input' : 'import-rejected'
      throw new ApiError(code, `${error.message}: "${file}".`, { reason: error.reason, file })
    }
    if (error instanceof SigningKeyError) throw new ApiError('import-rejected', `${error.message}: "${file}".`, { reason: 'unusable-key', file })
    throw error
  }
}

export const signingHandlers: HandlersFor<typeof signingCalls> = {
  'signing.identity': (_input, ctx) => readSigningIdentity(ctx.workspace().db),

  'signing.create': (_input, ctx) => {
    const { db } = ctx.workspace()
    refuseIfPresent(db)
    return createSigningIdentity(db, { now: new Date(ctx.session.now()) })
  },

  'signing.choosePkcs12File': async (_input, ctx) =>
    ctx.host.pickOpenPath({ title: 'Import a signing identity (PKCS #12)', filters: PKCS12_FILTERS }),

  'signing.importPkcs12': (input, ctx) => {
    refuseIfPresent(ctx.workspace().db)
    return importFrom(ctx, input.path, input.password)
  },

  'signing.exportCertificate': async (input, ctx) => {
    const { db } = ctx.workspace()
    // The place first: a path the window names is refused before anything else is looked at.
    const target = await ctx.savePath(input.path, {
      title: 'Export the signing certificate',
      defaultName: 'signing-certificate.crt',
      filters: [{ name: 'Certificate (PEM)', extensions: ['crt', 'pem'] }]
    })
    if (target === null) return null
    if (!readSigningIdentity(db)) throw new ApiError('not-found', 'The workspace has no signing identity yet: create or import one first.')
    return { path: writeExportFile(target, exportCertificate(db)) }
  },

  'signing.replace': (input, ctx) => {
    const { db } = ctx.workspace()
    const previous = readSigningIdentity(db)
    const identity =
      input.source.kind === 'create'
        ? createSigningIdentity(db, { now: new Date(ctx.session.now()) })
        : importFrom(ctx, input.source.path, input.source.password)
    return { identity, previousFingerprintSha256: previous?.fingerprintSha256 ?? null, note: REPLACE_NOTE }
  }
}
