// What evidence can be attached to. One entry per kind: the contract's enum, the labels on screen, the CLI's
// `--to kind:id` help and the database check derive from it; how each kind is found and which specifications
// it supports is in target-lookup.ts, typed over these kinds so a new kind without a lookup does not compile.
// No imports on purpose: the renderer reads the labels.

export const EVIDENCE_TARGETS = [
  { kind: 'answer', label: 'Answer', idMeans: 'the question id (e.g. q-312-a1-1), in the current assessment period' },
  { kind: 'decision', label: 'Decision', idMeans: 'the specification citation (e.g. 164.312(a)(2)(iv)), in the current assessment period' },
  {
    kind: 'cloud-control',
    label: 'Cloud control',
    idMeans: 'the scanner and its check id as scanner:check-id (e.g. prowler:s3_bucket_default_encryption)'
  },
  { kind: 'risk', label: 'Risk', idMeans: 'the risk scenario number' },
  { kind: 'task', label: 'Remediation task', idMeans: 'the remediation task number' },
  { kind: 'asset', label: 'Map asset', idMeans: 'the map asset number' },
  { kind: 'incident', label: 'Incident', idMeans: 'the incident number' }
] as const

export type EvidenceTargetKind = (typeof EVIDENCE_TARGETS)[number]['kind']

export const EVIDENCE_TARGET_KINDS = EVIDENCE_TARGETS.map(target => target.kind) as [EvidenceTargetKind, ...EvidenceTargetKind[]]

export const EVIDENCE_TARGET_LABEL = Object.fromEntries(EVIDENCE_TARGETS.map(target => [target.kind, target.label])) as Record<
  EvidenceTargetKind,
  string
>

/** Kinds whose records belong to one assessment period: their evidence is listed in the period it was attached in. */
export const PERIOD_TARGET_KINDS: readonly EvidenceTargetKind[] = ['answer', 'decision']
