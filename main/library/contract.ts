import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { NewWorkspaceProtection } from '../security/contract'
import { filePathSchema } from '../shared/schemas'

/** The kinds of practice-library items; each has its definition in item-kinds.ts (the compiler insists). */
export const LIBRARY_ITEM_KINDS = [
  'policy-customisation',
  'answer-note',
  'decision-explanation',
  'risk-scenario',
  'business-associate-template',
  'check-mapping'
] as const
export type LibraryItemKind = (typeof LIBRARY_ITEM_KINDS)[number]

/** What an item would do, or did, in a workspace: added, replaced what was there, or nothing (the same already). */
export type LibraryEffect = 'added' | 'replaced' | 'unchanged'

export interface LibraryKindInfo {
  kind: LibraryItemKind
  label: string
  description: string
  /** The fields an item carries into the library and out again. */
  copies: string[]
  /** The fields of the workspace's record that never go to the library, and why. */
  neverCopied: { field: string; why: string }[]
}

export interface LibraryItemView {
  id: number
  kind: LibraryItemKind
  key: string
  title: string
  preview: string
  version: number
  updatedAt: string
  /** How many earlier texts of this item the library keeps. */
  earlierVersions: number
}

export interface LibrarySummary {
  path: string
  name: string
  libraryUid: string
  encrypted: boolean
  schemaVersion: number
  kinds: (LibraryKindInfo & { items: LibraryItemView[] })[]
}

/** The library this program has open (or last had, from the app's settings), without opening it. */
export interface LibraryLocation {
  path: string
  /** Null when it is remembered but not open (locked by a passphrase, moved, damaged): `reason` says why. */
  name: string | null
  reason: string | null
}

/** An item's earlier texts, newest first, as the library kept them when a newer one replaced each. */
export interface LibraryItemHistoryView {
  item: LibraryItemView
  earlier: { version: number; title: string; preview: string; replacedAt: string }[]
}

export interface LibraryCandidateView {
  kind: LibraryItemKind
  key: string
  title: string
  preview: string
  /** Compared with the open library: not there yet, a newer text of an item there, or the same. */
  inLibrary: 'new' | 'changed' | 'same'
  /** Why the person should look before pushing: the text names the client or its contacts. */
  warnings: string[]
}

export interface LibraryCandidates {
  libraryName: string | null
  kinds: (LibraryKindInfo & { candidates: LibraryCandidateView[] })[]
}

export interface LibraryPushResult {
  items: { kind: LibraryItemKind; key: string; title: string; version: number; outcome: LibraryEffect }[]
}

export interface LibraryApplyPreview {
  libraryName: string
  kinds: (LibraryKindInfo & {
    items: (LibraryItemView & { effect: LibraryEffect | null; problem: string | null })[]
  })[]
}

export interface LibraryApplyResult {
  libraryName: string
  items: { id: number; kind: LibraryItemKind; key: string; title: string; version: number; effect: LibraryEffect }[]
}

export interface LibraryApplicationView {
  id: number
  direction: 'applied' | 'pushed'
  libraryName: string
  kind: string
  kindLabel: string
  key: string
  title: string
  version: number
  outcome: LibraryEffect
  at: string
}

const LibraryPath = filePathSchema('A practice library path is required')
const ItemRef = z.strictObject({ kind: z.enum(LIBRARY_ITEM_KINDS), key: z.string().min(1).max(300) })

export const libraryCalls = {
  /** The library this program has open, else the one the app's settings remember; null when there is none. */
  'library.current': defineCall<LibraryLocation | null>()(z.strictObject({})),
  /** Creates a library file (asks where with the save dialog when no path is given; null if cancelled) and opens it. */
  'library.create': defineCall<LibrarySummary | null>()(
    z.strictObject({
      path: LibraryPath.optional(),
      name: z.string().trim().min(1, 'Name the library').max(200),
      protection: NewWorkspaceProtection.optional()
    })
  ),
  /** Opens a library file; an encrypted one with its passphrase or the program's keys (device key store, SAFEGUARD_PASSPHRASE). */
  'library.open': defineCall<LibrarySummary>()(z.strictObject({ path: LibraryPath, passphrase: z.string().min(1).max(1024).optional() })),
  /** Asks for a library file with the open dialog, then opens it. Null when cancelled. */
  'library.openFromDisk': defineCall<LibrarySummary | null>()(z.strictObject({ passphrase: z.string().min(1).max(1024).optional() })),
  'library.close': defineCall<null>()(z.strictObject({})),
  'library.summary': defineCall<LibrarySummary>()(z.strictObject({})),
  /** One item's earlier texts, kept each time a newer one replaced it. */
  'library.itemHistory': defineCall<LibraryItemHistoryView>()(z.strictObject({ id: z.int().positive() })),
  /** What the open workspace could push: a preview the person picks from (nothing is written). */
  'library.candidates': defineCall<LibraryCandidates>()(z.strictObject({})),
  /** Pushes the picked items of the open workspace to the library; a newer text replaces the older, which the library keeps. */
  'library.push': defineCall<LibraryPushResult>()(z.strictObject({ items: z.array(ItemRef).min(1, 'Pick at least one item').max(5000) })),
  /** What applying each library item would do in the open workspace (nothing is written). */
  'library.applyPreview': defineCall<LibraryApplyPreview>()(z.strictObject({})),
  /** Applies the picked library items to the open workspace in one transaction, recording each application there. */
  'library.apply': defineCall<LibraryApplyResult>()(
    z.strictObject({ itemIds: z.array(z.int().positive()).min(1, 'Pick at least one item').max(5000) })
  ),
  /** The open workspace's record of what libraries applied here and what it pushed, newest first. */
  'library.applications': defineCall<LibraryApplicationView[]>()(z.strictObject({}))
}
