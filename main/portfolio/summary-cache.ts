import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { daysBetween } from '../shared/dates'
import { fsyncFile, renameDurably } from '../shared/fsync'
import type { WorkspaceKeyStore } from '../security/contract'
import type { CachedSummary, StaleReason, WorkspaceSummaryEntry } from './summary'

/** The file in the app's data folder that keeps the summaries of passphrase workspaces, encrypted. */
export const SUMMARY_CACHE_NAME = 'portfolio-summaries.bin'

/** A summary read longer ago than this is marked old: deadlines, overdue counts and agreements move with the days. */
export const CACHE_OLD_AFTER_DAYS = 30

// "SGSC" then format 1: bound into the cipher as associated data, so a file of another format or version is refused.
const MAGIC = Buffer.from('SGSC1')
const IV_BYTES = 12
const TAG_BYTES = 16

const Stored = z.strictObject({
  version: z.literal(1),
  summaries: z.record(
    z.string(),
    z.strictObject({
      // The summary as the portfolio produced it; its shape is checked by the type that wrote it, and the cipher's tag.
      summary: z.custom<WorkspaceSummaryEntry>(value => typeof value === 'object' && value !== null && 'organization' in value),
      readAt: z.string(),
      asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      fileSize: z.number(),
      fileMtimeMs: z.number()
    })
  )
})
type Stored = z.infer<typeof Stored>
type StoredSummary = Stored['summaries'][string]

export interface CacheContents {
  summaries: Map<string, StoredSummary>
  /** Why the cache on disk was ignored (no key, tampered, another format); null when it was read or there is none. */
  problem: string | null
}

/**
 * Summaries of passphrase workspaces, so a locked client still shows its figures. Only summaries are kept (never
 * answers, risks or incidents), and only encrypted: AES-256-GCM under a random key kept in this computer's key store
 * (wrapped by the operating system's secret store, like the workspaces' own keys). No passphrase is ever kept. A cache
 * that does not decrypt (the key store was reset, the file was altered) is ignored with the reason and replaced on the
 * next unlock.
 */
export class SummaryCache {
  readonly file: string

  constructor(
    dataDir: string,
    private readonly keyStore: WorkspaceKeyStore | null
  ) {
    this.file = path.join(dataDir, SUMMARY_CACHE_NAME)
  }

  /** Null when summaries can be cached here; else why not. */
  unavailableReason(): string | null {
    if (!this.keyStore) return 'this program keeps no keys on this computer'
    return this.keyStore.unavailableReason()
  }

  read(): CacheContents {
    if (!fs.existsSync(this.file)) return { summaries: new Map(), problem: null }
    const key = this.unavailableReason() ? null : this.keyStore!.keyFor(this.file)
    if (!key || key.kind !== 'raw') {
      return {
        summaries: new Map(),
        problem: "The saved summaries of locked clients cannot be decrypted with this computer's key store; they were ignored."
      }
    }
    const bytes = fs.readFileSync(this.file)
    let plain: Buffer
    try {
      if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('format')
      const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES)
      const tag = bytes.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES)
      const decipher = createDecipheriv('aes-256-gcm', key.key, iv)
      decipher.setAAD(MAGIC)
      decipher.setAuthTag(tag)
      plain = Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()])
    } catch {
      return {
        summaries: new Map(),
        problem: 'The saved summaries of locked clients were altered or damaged (they do not decrypt); they were ignored.'
      }
    }
    const parsed = Stored.safeParse(JSON.parse(plain.toString('utf8')))
    if (!parsed.success)
      return { summaries: new Map(), problem: 'The saved summaries of locked clients are in a form this version does not read; they were ignored.' }
    return { summaries: new Map(Object.entries(parsed.data.summaries)), problem: null }
  }

  /** The cached summary of `workspacePath`, marked stale when the file changed since or the reading is old. */
  lookup(contents: CacheContents, workspacePath: string, asOf: string): CachedSummary | undefined {
    const stored = contents.summaries.get(path.resolve(workspacePath))
    if (!stored) return undefined
    const stat = fs.statSync(workspacePath, { throwIfNoEntry: false })
    return { summary: stored.summary, readAt: stored.readAt, asOf: stored.asOf, stale: staleness(stored, stat ?? null, asOf) }
  }

  /** Keeps `summary` (read from the file as it is now); an unreadable cache on disk is replaced. */
  remember(summary: WorkspaceSummaryEntry, readAt: string, asOf: string): void {
    const reason = this.unavailableReason()
    if (reason) throw new Error(reason)
    const stat = fs.statSync(summary.path)
    const current = this.read()
    const summaries = Object.fromEntries(current.summaries)
    summaries[path.resolve(summary.path)] = { summary, readAt, asOf, fileSize: stat.size, fileMtimeMs: stat.mtimeMs }
    this.write({ version: 1, summaries })
  }

  /** Drops the summaries of the workspaces `keep` refuses (a folder no longer listed): nothing is kept of clients no longer shown. */
  forgetUnless(keep: (workspacePath: string) => boolean): void {
    if (!fs.existsSync(this.file) || this.unavailableReason()) return
    const current = this.read()
    const kept = [...current.summaries].filter(([file]) => keep(file))
    if (current.problem || kept.length === current.summaries.size) return
    this.write({ version: 1, summaries: Object.fromEntries(kept) })
  }

  private cacheKey(): Buffer {
    const kept = this.keyStore!.keyFor(this.file)
    if (kept?.kind === 'raw') return kept.key
    const fresh = randomBytes(32)
    this.keyStore!.remember(this.file, { kind: 'raw', key: fresh })
    return fresh
  }

  private write(stored: Stored): void {
    const key = this.cacheKey()
    const iv = randomBytes(IV_BYTES)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    cipher.setAAD(MAGIC)
    const sealed = Buffer.concat([cipher.update(JSON.stringify(stored), 'utf8'), cipher.final()])
    fs.mkdirSync(path.dirname(this.file), { recursive: true })
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(temp, Buffer.concat([MAGIC, iv, cipher.getAuthTag(), sealed]), { mode: 0o600 })
    fsyncFile(temp)
    renameDurably(temp, this.file)
  }
}

/** Whether a cached summary may no longer hold: its file changed since it was read, or it was read long ago. */
export function staleness(
  stored: { fileSize: number; fileMtimeMs: number; asOf: string },
  stat: { size: number; mtimeMs: number } | null,
  asOf: string
): StaleReason | null {
  if (!stat || stat.size !== stored.fileSize || stat.mtimeMs !== stored.fileMtimeMs) return 'changed'
  return daysBetween(stored.asOf, asOf) > CACHE_OLD_AFTER_DAYS ? 'old' : null
}
