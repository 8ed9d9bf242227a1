import { randomUUID } from 'node:crypto'
import { ApiError } from '../shared/errors'

/**
 * Files and folders this run wrote, by a random id. The window asks to open or show a written file by
 * its id, never by a path it names: a page (or a script that got into it) could otherwise open any
 * program or file on the computer. Memory only; a restart forgets them.
 */

/** More than one sitting writes; the oldest are forgotten first. */
const MAX_REMEMBERED = 100

const written = new Map<string, string>()

/** Remembers a path this run wrote and returns the id that names it. */
export function rememberWritten(file: string): string {
  const id = randomUUID()
  written.set(id, file)
  if (written.size > MAX_REMEMBERED) written.delete(written.keys().next().value as string)
  return id
}

export function writtenPath(id: string): string {
  const file = written.get(id)
  if (!file) throw new ApiError('not-found', 'That file was not written in this session of Safeguard; create it again to open it.')
  return file
}
