import type { z } from 'zod'
import type { Db } from '../../db/driver'

/** The open workspace as an item kind reads it: its connection, file, the current assessment period and the clock. */
export interface WorkspaceForLibrary {
  db: Db
  path: string
  periodId: string
  now: string
  today: string
}

/** Applying: the workspace plus where a kind stages a file (written only once the database transaction has committed). */
export interface ApplyTarget extends WorkspaceForLibrary {
  stageFile(target: string, data: Buffer): void
  /** Who a record made by the library names as its author ("Practice library “Name”"). */
  appliedBy: string
}

/** Something in the workspace that could go to the library: only the fields the kind copies. */
export interface KindCandidate<C> {
  key: string
  title: string
  content: C
}

/** What applying an item would do to the workspace, or did. */
export type ApplyEffect = 'added' | 'replaced' | 'unchanged'

/**
 * One kind of library item. `content` is a strict schema of exactly the fields copied, so a field that is not
 * listed can never be stored (push and apply both parse through it); `neverCopied` says which fields of the
 * workspace's record stay behind and why (PHI, people, contacts, a client's dates).
 */
export interface LibraryItemKindDefinition<C = unknown> {
  label: string
  /** What one item is, for the screen. */
  description: string
  content: z.ZodType<C>
  neverCopied: readonly { field: string; why: string }[]
  /** The free-text fields of an item, checked for the client's name and contact details before pushing. */
  freeText(content: C): string[]
  /** A line or two to show in a preview. */
  preview(content: C): string
  candidates(workspace: WorkspaceForLibrary): KindCandidate<C>[]
  /** What applying would do here, changing nothing. Throws with a clear message when the item cannot apply here. */
  effect(workspace: WorkspaceForLibrary, key: string, content: C): ApplyEffect
  /** Applies the item inside the caller's transaction, recording it in the feature's own history where it keeps one. */
  apply(target: ApplyTarget, key: string, content: C): ApplyEffect
}

export function defineKind<C>(definition: LibraryItemKindDefinition<C>): LibraryItemKindDefinition<C> {
  return definition
}

export const shorten = (text: string, max = 160): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text)
