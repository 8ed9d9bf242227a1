import { z } from 'zod'

/**
 * The manifest a signed pack carries as a PDF/A-3 associated file (`safeguard-manifest.json`): what the pack was made
 * from, with the SHA-256 of every file behind it, so a recipient can check files against it (`safeguard verify`).
 * Version 1; a reader refuses any other version rather than guessing.
 */

export const MANIFEST_FILE_NAME = 'safeguard-manifest.json'
export const MANIFEST_FORMAT = 'safeguard-pack-manifest/1'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lower-case hexadecimal digits')
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is written YYYY-MM-DD')
const IsoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'a time is written as ISO 8601 with its zone')

export const PACK_DOCUMENT_KINDS = ['evidence-pack', 'annual-review'] as const

export const ManifestEvidenceItem = z.strictObject({
  id: z.number().int(),
  title: z.string(),
  /** The file's name as attached; null for a link. */
  fileName: z.string().nullable(),
  url: z.string().nullable(),
  sha256: Sha256.nullable(),
  size: z.number().int().nonnegative().nullable(),
  effectiveAsOf: IsoDate.nullable(),
  expiresOn: IsoDate.nullable(),
  addedAt: z.string(),
  target: z.strictObject({ kind: z.string(), id: z.string() }),
  specificationIds: z.array(z.string()),
  /** Its name in the evidence folder exported beside the pack (SHA-256 prefix and name); null for a link. */
  exportName: z.string().nullable()
})
export type ManifestEvidenceItem = z.infer<typeof ManifestEvidenceItem>

export const PackManifest = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  safeguardVersion: z.string().min(1),
  /** The generation date the person chose, and the same as a time (midnight UTC): the pack's only date of making. */
  generatedOn: IsoDate,
  generatedAt: IsoDateTime,
  document: z.strictObject({ kind: z.enum(PACK_DOCUMENT_KINDS), title: z.string(), period: z.string() }),
  organization: z.strictObject({ name: z.string() }),
  redaction: z.strictObject({
    redacted: z.boolean(),
    /** What kinds of value the redacted edition replaced, and how many distinct values of each. */
    kinds: z.array(z.strictObject({ kind: z.string(), label: z.string(), count: z.number().int().nonnegative() }))
  }),
  /** Where the evidence files themselves are: listed here only, embedded in the PDF, or exported beside it. */
  evidenceFiles: z.enum(['listed', 'embedded', 'folder']),
  evidence: z.array(ManifestEvidenceItem),
  agreements: z.array(
    z.strictObject({
      businessAssociate: z.string(),
      fileName: z.string(),
      sha256: Sha256,
      size: z.number().int().nonnegative(),
      attachedAt: z.string()
    })
  ),
  scanFiles: z.array(
    z.strictObject({ fileName: z.string(), sha256: Sha256, size: z.number().int().nonnegative(), format: z.string(), importedAt: z.string() })
  )
})
export type PackManifest = z.infer<typeof PackManifest>

/** The manifest as bytes: two-space JSON with a final newline; the builder fixes key and list order, so equal manifests give equal bytes. */
export function serializeManifest(manifest: PackManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')
}
