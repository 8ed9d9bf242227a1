// Who may name the file a call writes. The CLI, the demo and the tests act for a person who typed the
// path. The app's window may not: a page (or a script that got into it) naming output paths could write
// over any file the user can write, so its exports take the save dialog's answer instead.

import path from 'node:path'
import { ApiError } from '../shared/errors'
import { printableExcerpt } from '../shared/excerpt'

export interface OutputPathPolicy {
  /** A path the caller named for a file or folder to write; throws when this caller may not name it. */
  check(file: string): string
  /** Notes a save-dialog answer handed back to the caller (workspace.chooseNewPath), which may then name it. */
  grant(file: string): string
}

/** For callers that stand for the person who named the path: the CLI, the demo, the tests. */
export const callerNamedOutputPaths: OutputPathPolicy = {
  check: file => file,
  grant: file => file
}

/** Enough for every dialog a person answers in one sitting; the oldest answers are forgotten first. */
const MAX_GRANTED = 50

/**
 * For the app's window (IPC, and the end-to-end bridge standing in for it): a path it names is accepted
 * only when the save dialog gave it that very path earlier in this run; anything else is refused before
 * a byte is written.
 */
export function saveDialogOutputPaths(): OutputPathPolicy {
  const granted = new Set<string>()
  return {
    check(file) {
      const resolved = path.resolve(file)
      if (!granted.has(resolved)) {
        throw new ApiError(
          'invalid-input',
          `The app's window cannot choose where a file is written (it named ${printableExcerpt(file, 80)}): the place comes from the save dialog.`,
          { reason: 'output-path-not-from-dialog' }
        )
      }
      return resolved
    },
    grant(file) {
      const resolved = path.resolve(file)
      granted.delete(resolved)
      granted.add(resolved)
      if (granted.size > MAX_GRANTED) granted.delete(granted.values().next().value as string)
      return file
    }
  }
}
