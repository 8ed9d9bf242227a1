// Builds map assets from the resources imported scanner findings name, stored
// like an imported file: one source ('scanner findings') merged by key, so a
// later run after new scans keeps what a person said about each asset.

import { createHash } from 'node:crypto'
import { ApiError } from '../../shared/errors'
import type { Db } from '../../db/driver'
import type { MapImportResult } from '../contract'
import { findMapSourceBySha } from '../db/sources'
import { alreadyImported, cancelled, storeWholeOrNothing, type ImportMapOptions } from './import-map-file'
import { parsedFromScannerResources } from './scanner-resource-reader'
import { collectScannerResources } from './scanner-resources'

export const SCANNER_RESOURCES_SOURCE_NAME = 'scanner findings'

export async function importScannerResources(db: Db, options: Omit<ImportMapOptions, 'read'>): Promise<MapImportResult> {
  const resources = collectScannerResources(db, options.signal)
  if (options.signal?.aborted) throw cancelled(SCANNER_RESOURCES_SOURCE_NAME)
  if (resources.length === 0) throw new ApiError('not-found', 'No imported scan names any resource: import scanner results first')
  const text = JSON.stringify(resources)
  const sha256 = createHash('sha256').update(text).digest('hex')
  const existing = findMapSourceBySha(db, sha256)
  if (existing)
    return alreadyImported(
      existing,
      SCANNER_RESOURCES_SOURCE_NAME,
      `the resources of the current scans were already added on ${existing.importedAt}; nothing changed`
    )
  const parsed = parsedFromScannerResources(resources)
  const backupPath = options.beforeWrite?.() ?? null
  const outcome = await storeWholeOrNothing(
    db,
    parsed,
    { name: SCANNER_RESOURCES_SOURCE_NAME, sha256, bytes: Buffer.byteLength(text), shown: SCANNER_RESOURCES_SOURCE_NAME },
    options
  )
  return { file: SCANNER_RESOURCES_SOURCE_NAME, alreadyImported: false, format: parsed.format, ...outcome, backupPath }
}
