import type { Db } from './driver'

/** One numbered schema step. `up` runs inside a transaction opened by the runner. */
export interface Migration {
  version: number
  name: string
  up(db: Db): void
}
