import type { Db } from '../../db/driver'
import { listAgreementFileMeta } from '../../baas/db/agreement-files'
import { listBusinessAssociates, listArchivedBusinessAssociates } from '../../baas/db/business-associates'
import { listScans } from '../../scanners/db/scans'
import type { RedactionCount } from '../redact'
import { REDACTION_KINDS } from '../redaction-kinds'
import { evidenceSource, type EvidenceForManifest } from './evidence-source'
import { exportNameOf } from './export-name'
import { MANIFEST_FORMAT, type ManifestEvidenceItem, type PackManifest } from './schema'

export type ManifestInputs = {
  safeguardVersion: string
  /** The generation date (YYYY-MM-DD); the pack's time of making is midnight UTC of it. */
  generatedOn: string
  document: PackManifest['document']
  organization: string
  evidenceFiles: PackManifest['evidenceFiles']
}

/** What a redacted edition replaced, and the text redactor its names pass through; null for an unredacted pack. */
export type ManifestRedaction = { counts: () => RedactionCount[]; redact: (text: string) => string } | null

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The manifest of a pack from the workspace's records, in a fixed order (so the same state gives the same bytes). */
export function buildPackManifest(db: Db, inputs: ManifestInputs, redaction: ManifestRedaction): PackManifest {
  const text = (value: string) => (redaction ? redaction.redact(value) : value)
  const evidence = evidenceSource
    .list(db)
    .map(item => evidenceEntry(item, text))
    .sort((a, b) => a.id - b.id)
  const names = new Map([...listBusinessAssociates(db), ...listArchivedBusinessAssociates(db)].map(ba => [ba.id, ba.name]))
  const agreements = [...listAgreementFileMeta(db)]
    .map(([id, file]) => ({
      businessAssociate: text(names.get(id) ?? `Business associate ${id}`),
      fileName: text(file.originalName),
      sha256: file.sha256,
      size: file.size,
      attachedAt: file.attachedAt
    }))
    .sort((a, b) => byText(a.businessAssociate, b.businessAssociate) || byText(a.sha256, b.sha256))
  const scanFiles = listScans(db)
    .map(scan => ({ fileName: text(scan.fileName), sha256: scan.sha256, size: scan.bytes, format: scan.format, importedAt: scan.importedAt }))
    .sort((a, b) => byText(a.importedAt, b.importedAt) || byText(a.sha256, b.sha256))
  // Counted after the names above went through the redactor, so the kinds include what the manifest itself replaced.
  const kinds = (redaction?.counts() ?? []).map(c => ({
    kind: c.kind,
    label: c.count === 1 ? REDACTION_KINDS[c.kind].one : REDACTION_KINDS[c.kind].many,
    count: c.count
  }))
  return {
    format: MANIFEST_FORMAT,
    safeguardVersion: inputs.safeguardVersion,
    generatedOn: inputs.generatedOn,
    generatedAt: `${inputs.generatedOn}T00:00:00Z`,
    document: inputs.document,
    organization: { name: inputs.organization },
    redaction: { redacted: redaction !== null, kinds },
    evidenceFiles: inputs.evidenceFiles,
    evidence,
    agreements,
    scanFiles
  }
}

function evidenceEntry(item: EvidenceForManifest, text: (value: string) => string): ManifestEvidenceItem {
  const fileName = item.fileName === null ? null : text(item.fileName)
  return {
    id: item.id,
    title: text(item.title),
    fileName,
    url: item.url === null ? null : text(item.url),
    sha256: item.sha256,
    size: item.size,
    effectiveAsOf: item.effectiveAsOf,
    expiresOn: item.expiresOn,
    addedAt: item.addedAt,
    target: { kind: item.targetKind, id: item.targetId },
    specificationIds: [...item.specificationIds].sort(byText),
    exportName: item.sha256 && fileName !== null ? exportNameOf(item.sha256, fileName) : null
  }
}
