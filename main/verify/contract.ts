// Checking a signed pack: zod inputs and plain output types only (the renderer imports this).
import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { PackManifest } from '../documents/pack-manifest/schema'

/** What `safeguard verify` and Documents → Verify a pack… report; `problems` says in words every check that failed. */
export interface PackVerification {
  /** True only when every check passed. */
  ok: boolean
  file: string
  signature: {
    found: boolean
    intact: boolean
    coversWholeFile: boolean
    signer: { commonName: string; organization: string | null } | null
    /** Colon-separated upper-case hex, as `openssl x509 -fingerprint -sha256` prints it. */
    fingerprintSha256: string | null
    signedAt: string | null
    subFilter: string | null
  } | null
  manifest:
    | {
        found: true
        valid: true
        document: PackManifest['document']
        organization: string
        generatedOn: string
        safeguardVersion: string
        redaction: PackManifest['redaction']
        evidenceFiles: PackManifest['evidenceFiles']
        counts: { evidence: number; agreements: number; scanFiles: number }
      }
    | { found: boolean; valid: false }
    | null
  /** With an evidence folder: which files matched their manifest entry, which differ, are missing or are extra. */
  evidence: { dir: string; matched: string[]; changed: string[]; missing: string[]; extra: string[] } | null
  problems: string[]
}

const existingPath = z.string().trim().min(1).max(4096)

export const verifyCalls = {
  /** Checks a pack (and optionally the evidence folder exported beside it); asks which PDF when no path is given (null if cancelled). */
  'verify.pack': defineCall<PackVerification | null>()(z.strictObject({ path: existingPath.optional(), evidenceDir: existingPath.optional() })),
  /** Asks for the evidence folder exported beside a pack (null if cancelled). */
  'verify.chooseEvidenceFolder': defineCall<string | null>()(z.strictObject({}))
}
