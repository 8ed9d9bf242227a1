/** The sections of the evidence pack, in order. Every one can be left out except the cover. */
export const PACK_SECTIONS = [
  { id: 'contents', title: 'Contents' },
  { id: 'summary', title: 'Executive summary' },
  { id: 'procurement', title: 'Procurement answers' },
  { id: 'scorecard', title: 'Safeguard scorecard' },
  { id: 'controls', title: 'Control matrix' },
  { id: 'attached-evidence', title: 'Evidence by specification' },
  { id: 'cloud', title: 'Cloud services and HIPAA eligibility' },
  { id: 'map', title: 'Where PHI lives and flows' },
  { id: 'technical', title: 'Technical controls' },
  { id: 'scans', title: 'Scanner results' },
  { id: 'associates', title: 'Business associate register' },
  { id: 'incidents', title: 'Incident log summary' },
  { id: 'risk-analysis', title: 'Risk analysis' },
  { id: 'remediation', title: 'Remediation plan' },
  { id: 'attestation', title: 'Attestation' },
  { id: 'appendix', title: 'Appendix: evidence files' }
] as const

export type PackSectionId = (typeof PACK_SECTIONS)[number]['id']

export const PACK_SECTION_IDS = PACK_SECTIONS.map(s => s.id) as PackSectionId[]

export type EvidencePackOptions = {
  /** Sections to include; default all. */
  sections?: PackSectionId[]
  /** Replace cloud account ids, ARNs, resource names, IP and e-mail addresses with placeholders, for sharing outside the organisation. */
  redact?: boolean
  /** Why the pack is not ready to send (documents/readiness.ts): when any, every page is marked DRAFT and the cover says why. */
  draftReasons?: readonly string[]
  signal?: AbortSignal
  onProgress?: (update: { phase: string; done: number; total: number }) => void
}
