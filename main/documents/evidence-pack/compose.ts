import type { EvidencePackData } from './pack-data'
import { PdfWriter, type PdfAttachment } from '../pdf/pdf-writer'
import type { ManifestRedaction } from '../pack-manifest/build-manifest'
import { signatureNote, type SignatureNote } from '../pdf/signature-note'
import { DRAFT_MARK } from '../readiness'
import { redactPackData } from '../redact-pack'
import { PACK_SECTION_IDS, PACK_SECTIONS, type EvidencePackOptions, type PackSectionId } from './sections'

import { appendix } from './sections/appendix'
import { renderAttachedEvidence } from '../attached-evidence/render-attached-evidence'
import { businessAssociates } from './sections/associates'
import { attestation } from './sections/attestation'
import { cloudServices } from './sections/cloud'
import { controlMatrix } from './sections/controls'
import { dataFlowMap } from './sections/data-flow-map'
import { cover } from './sections/cover'
import { incidents } from './sections/incidents'
import { procurement } from './sections/procurement'
import { remediation } from './sections/remediation'
import { renderRiskAnalysis } from '../risk-analysis/render-risk-analysis'
import { scannerResults } from './sections/scans'
import { scorecard } from './sections/scorecard'
import { executiveSummary } from './sections/summary'
import { technicalControls } from './sections/technical'

/**
 * Composes the evidence pack a procurement team or an auditor receives, from plain data.
 * Pure apart from time: (data, options) → PDF bytes and page count.
 */
export type ComposePackOptions = EvidencePackOptions & {
  /** The generation date: the PDF's creation date (midnight UTC of it). Default: the day the data was prepared on. */
  createdAt?: Date
  /** Files to embed as associated files (the manifest), made once the redaction is known, so their names read the same placeholders. */
  attachments?: (redaction: ManifestRedaction) => PdfAttachment[]
  /** The certificate the pack will be signed with, printed on the attestation page with how to check it. */
  signature?: SignatureNote | null
}

export async function composeEvidencePack(
  input: EvidencePackData,
  options: ComposePackOptions = {}
): Promise<{ buffer: Buffer; pages: number; sections: PackSectionId[]; outline: { title: string; page: number }[] }> {
  const redaction = options.redact ? redactPackData(input) : null
  const data = redaction?.data ?? input
  const sections = PACK_SECTION_IDS.filter(id => !options.sections || options.sections.includes(id))
  const w = new PdfWriter({
    title: `${data.organization.name}: HIPAA Security Evidence Pack, ${data.period.label}`,
    subject: 'HIPAA Security Rule evidence pack for procurement review',
    author: data.preparedBy.name,
    keywords: 'HIPAA, Security Rule, 45 CFR 164.308-316, evidence pack',
    header: { left: data.organization.name, right: `Security Evidence Pack · ${data.period.label}` },
    footer: { left: options.redact ? 'Confidential · Redacted edition' : 'Confidential' },
    ...(options.draftReasons?.length ? { draftMark: DRAFT_MARK } : {}),
    createdAt: options.createdAt ?? new Date(`${data.preparedOn}T00:00:00Z`),
    archive: 'PDF/A-3a',
    signal: options.signal,
    onProgress: options.onProgress
  })

  cover(w, data, redaction && { counts: redaction.counts }, options.draftReasons ?? [])
  const total = sections.length
  let firstBodySection = true
  sections.forEach((id, index) => {
    w.checkpoint(PACK_SECTIONS.find(s => s.id === id)!.title, index, total)
    if (id === 'contents') {
      w.reserveContents()
      return
    }
    // Each major section starts on a new page; the attestation and appendix always do.
    const title = PACK_SECTIONS.find(s => s.id === id)!.title
    w.heading(title, 1, { newPage: firstBodySection || startsPage(id) || w.remaining() < 260 })
    firstBodySection = false
    SECTION_RENDERERS[id](w, data)
    if (id === 'attestation' && options.signature) signatureNote(w, options.signature)
  })
  for (const file of options.attachments?.(redaction && { counts: redaction.redactor.counts, redact: redaction.redactor.redact }) ?? [])
    w.attachFile(file)
  w.checkpoint('Finishing', total, total)
  // Read before finishing: finishing flushes the pages, after which their indexes no longer count from the cover.
  const outline = w.outline
  const { buffer, pages } = await w.finish()
  return { buffer, pages, sections, outline }
}

function startsPage(id: PackSectionId): boolean {
  return ['summary', 'procurement', 'scorecard', 'controls', 'scans', 'risk-analysis', 'attestation', 'appendix'].includes(id)
}

type Renderer = (w: PdfWriter, data: EvidencePackData) => void

/** The renderer of each section (the compiler insists on one per id in sections.ts). */
const SECTION_RENDERERS: Record<Exclude<PackSectionId, 'contents'>, Renderer> = {
  summary: executiveSummary,
  procurement,
  scorecard,
  controls: controlMatrix,
  'attached-evidence': (w, data) => renderAttachedEvidence(w, data.attachedEvidence, { preparedOn: data.preparedOn }),
  cloud: cloudServices,
  map: dataFlowMap,
  technical: technicalControls,
  scans: scannerResults,
  associates: businessAssociates,
  incidents,
  'risk-analysis': (w, data) => renderRiskAnalysis(w, data.riskAnalysis ?? null, { preparedOn: data.preparedOn }),
  remediation,
  attestation,
  appendix
}
