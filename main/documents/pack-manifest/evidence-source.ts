import { listEvidenceForManifest, readEvidenceChunks, type ManifestEvidenceEntry } from '../../evidence/reads'

/** The evidence items a manifest lists, as the evidence feature reads them. */
export type EvidenceForManifest = ManifestEvidenceEntry

/** Where the manifest reads evidence from: the evidence feature's reads (listed, and each file streamed out in chunks). */
export const evidenceSource = {
  list: listEvidenceForManifest,
  chunks: readEvidenceChunks
}
