import fs from 'node:fs'
import path from 'node:path'
import { getCurrentPeriod } from '../assessment/db/periods'
import { readProgress } from '../assessment/reads'
import { readBusinessAssociates } from '../baas/reads'
import {
  AGREEMENT_WINDOW_DAYS,
  nextSteps,
  riskIdsByKey,
  toCalendarEntry,
  workspaceCalendar,
  type CalendarEntry,
  type CalendarItem
} from '../calendar/reads'
import type { Db, WorkspaceKey } from '../db/driver'
import { sqliteFileKind } from '../db/file-header'
import type { WorkspaceKeyProvider } from '../db/key-provider'
import { LATEST_SCHEMA_VERSION, schemaVersion } from '../db/open'
import { typedKey } from '../db/workspace-key'
import { listScans } from '../scanners/db/scans'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { isUnreadableDatabase, withReadOnlyWorkspace, WORKSPACE_APPLICATION_ID } from './open-read-only'
import type { PortfolioEntry, Protection, WorkspaceSummaryEntry } from './summary'

export interface SummaryOptions {
  /** Where keys kept by this computer come from (the app's device key store); the CLI's gives SAFEGUARD_PASSPHRASE. */
  keyProvider?: WorkspaceKeyProvider | null
  /** A passphrase (or recovery key) to try on encrypted workspaces. */
  passphrase?: string
  /** The calendar date deadlines are judged on. */
  today: string
  /** The instant, for reads that need one. */
  now: string
  nativeBinding?: string
  /** How a program holding a workspace names this one ("the safeguard command"). */
  program?: string
  /** Given, also receives each readable workspace's calendar (for the combined iCalendar file). */
  onCalendar?: (client: { organization: string; workspaceUid: string; path: string }, items: CalendarItem[]) => void
}

/** An encrypted file is written in whole pages (512 bytes at the least); anything else cannot be a workspace. */
function couldBeEncrypted(size: number): boolean {
  return size >= 512 && size % 512 === 0
}

/** `PRAGMA application_id` as the header of a plain SQLite file holds it (bytes 68-71, big-endian). */
function headerApplicationId(file: string): number | null {
  const handle = fs.openSync(file, 'r')
  try {
    const bytes = Buffer.alloc(4)
    return fs.readSync(handle, bytes, 0, 4, 68) === 4 ? bytes.readUInt32BE(0) : null
  } finally {
    fs.closeSync(handle)
  }
}

function protectionOf(key: WorkspaceKey | null, fromProvider: boolean): Protection {
  if (!key) return 'not-encrypted'
  return fromProvider && key.kind === 'raw' ? 'device-key' : 'passphrase'
}

/** The next deadline in the Dashboard's order (breach notices first, then overdue, then soonest) and how many are overdue. */
function deadlinesOf(db: Db, items: readonly CalendarItem[], today: string): Pick<WorkspaceSummaryEntry, 'nextDeadline' | 'overdue'> {
  const riskIds = riskIdsByKey(db)
  const entries: CalendarEntry[] = items.map(item => toCalendarEntry(item, today, riskIds))
  const open = nextSteps(entries, Number.POSITIVE_INFINITY).next
  const first = open[0]
  return {
    nextDeadline: first ? { dueOn: first.dueOn, title: first.title, breachNotice: first.source.type === 'incident', status: first.status } : null,
    overdue: open.filter(entry => entry.status === 'overdue').length
  }
}

function summaryOf(db: Db, file: string, protection: Protection, options: SummaryOptions): WorkspaceSummaryEntry | null {
  const profile = getWorkspaceProfile(db)
  if (!profile) return null
  // Reading never starts an assessment period (that would write): a workspace without one shows no progress yet.
  const period = getCurrentPeriod(db)
  const progress = period ? readProgress(db, options.now, period.id) : null
  const lastScan = listScans(db)[0]
  const calendar = workspaceCalendar(db, { asOf: options.today, dueSoonDays: 30, includeProposed: false })
  options.onCalendar?.({ organization: profile.organization.name, workspaceUid: profile.workspaceUid, path: file }, calendar)
  return {
    path: file,
    locked: false,
    organization: profile.organization.name,
    role: profile.organization.role,
    protection,
    progress: progress
      ? {
          periodId: progress.period.id,
          answered: progress.overall.answered,
          applicable: progress.overall.applicable,
          percent: progress.overall.percent
        }
      : null,
    gaps: progress ? progress.groups.reduce((sum, group) => sum + group.gaps, 0) : 0,
    highRisks: progress ? progress.risks.high + progress.risks.critical : 0,
    criticalRisks: progress ? progress.risks.critical : 0,
    ...deadlinesOf(db, calendar, options.today),
    lastScanOn: lastScan ? (lastScan.startedAt ?? lastScan.importedAt).slice(0, 10) : null,
    expiringAgreements: readBusinessAssociates(db, options.today, AGREEMENT_WINDOW_DAYS).filter(
      associate => associate.flags.expiringSoon && !associate.flags.expired
    ).length
  }
}

/** The organisation's name from a workspace of any version (the profile table has had it since the first). */
function organizationOf(db: Db): string | undefined {
  try {
    return (db.prepare('SELECT organization_name AS name FROM workspace WHERE id = 1').get() as { name: string } | undefined)?.name
  } catch {
    return undefined
  }
}

/**
 * One workspace at a glance, read without writing, migrating or locking it for longer than the read. Never throws for
 * what the file is: a locked, newer, older or damaged workspace is an entry saying so.
 */
export function readWorkspaceSummary(file: string, options: SummaryOptions): PortfolioEntry {
  const resolved = path.resolve(file)
  const stat = fs.statSync(resolved, { throwIfNoEntry: false })
  if (!stat?.isFile()) return { path: resolved, locked: false, error: 'unreadable', message: `"${resolved}" is not a file (moved or deleted?).` }
  const kind = sqliteFileKind(resolved)
  const plainButForeign = kind === 'plain' && headerApplicationId(resolved) !== WORKSPACE_APPLICATION_ID
  if (kind === 'empty' || plainButForeign || (kind === 'opaque' && !couldBeEncrypted(stat.size))) {
    // Told from the header alone: not even the workspace's lock file is made for a file that is no workspace.
    return {
      path: resolved,
      locked: false,
      error: 'not-a-workspace',
      message: `"${resolved}" is not a Safeguard workspace (${plainButForeign ? 'a SQLite database of another program' : 'neither a SQLite database nor an encrypted workspace'}).`
    }
  }
  const passphraseKey = options.passphrase ? typedKey(options.passphrase) : null
  const providerKey = options.keyProvider?.keyFor(resolved) ?? null
  const keys = [passphraseKey, providerKey].filter((key): key is WorkspaceKey => key !== null)
  try {
    const result = withReadOnlyWorkspace(
      resolved,
      keys,
      { program: options.program ?? 'another Safeguard program', ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) },
      ({ db, key, applicationId }): PortfolioEntry => {
        if (applicationId !== WORKSPACE_APPLICATION_ID) {
          return {
            path: resolved,
            locked: false,
            error: 'not-a-workspace',
            message: `"${resolved}" is a SQLite database but not a Safeguard workspace.`
          }
        }
        const version = schemaVersion(db)
        if (version > LATEST_SCHEMA_VERSION) {
          return {
            path: resolved,
            locked: false,
            error: 'too-new',
            message: `"${resolved}" was saved by a newer version of Safeguard (workspace format ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update Safeguard to read it.`
          }
        }
        if (version < LATEST_SCHEMA_VERSION) {
          const organization = organizationOf(db)
          return {
            path: resolved,
            locked: false,
            error: 'needs-upgrade',
            message: `"${resolved}" was saved by an earlier version of Safeguard (workspace format ${version}): it needs upgrading by opening it in Safeguard before it can be summarised. The summary leaves it unchanged.`,
            ...(organization !== undefined ? { organization } : {})
          }
        }
        const protection = protectionOf(key, key !== null && key === providerKey)
        return (
          summaryOf(db, resolved, protection, options) ?? {
            path: resolved,
            locked: false,
            error: 'damaged',
            message: `"${resolved}" has no organisation profile; it may be damaged.`
          }
        )
      }
    )
    if (result.opened) return result.value
    return {
      path: resolved,
      locked: true,
      protection: 'passphrase',
      reason:
        keys.length === 0
          ? 'Encrypted, and no key for it is kept on this computer: give its passphrase (the command line reads SAFEGUARD_PASSPHRASE).'
          : 'Encrypted, and neither the passphrase given nor a key kept on this computer opens it.'
    }
  } catch (error) {
    if (isUnreadableDatabase(error)) {
      return {
        path: resolved,
        locked: false,
        error: 'damaged',
        message: `"${resolved}" could not be read: it is damaged or not a Safeguard workspace.`
      }
    }
    return { path: resolved, locked: false, error: 'unreadable', message: `"${resolved}" could not be read: ${(error as Error).message}` }
  }
}
