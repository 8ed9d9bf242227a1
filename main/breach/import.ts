import path from 'node:path'
import type { Db } from '../db/driver'
import { checkRegisterFile, type RegisterCheckProgress } from '../shared/register-import-thread'
import type { IncidentImportReport } from './contract'
import { insertIncident } from './db/incidents'
import { checkIncidentFile } from './import-rows'

/**
 * `safeguard incidents import`: incidents in the JSON format, or CSV
 * from a spreadsheet, all rows or none. Counts and categories only. The file
 * is read and checked on a worker thread (import-rows.ts), then stored here
 * in one transaction.
 */

/** The bundled worker's file name (an entry of electron.vite.config.ts). */
export const INCIDENT_IMPORT_WORKER_BUNDLE = 'incident-import-worker.js'

export interface ImportIncidentsOptions {
  now: string
  signal?: AbortSignal | undefined
  onProgress?: ((progress: RegisterCheckProgress) => void) | undefined
}

export async function importIncidents(db: Db, file: string, options: ImportIncidentsOptions): Promise<IncidentImportReport> {
  const { report, valid } = await checkRegisterFile(file, {
    check: checkIncidentFile,
    bundle: INCIDENT_IMPORT_WORKER_BUNDLE,
    source: path.join(__dirname, 'import-worker.ts'),
    signal: options.signal,
    onProgress: options.onProgress
  })
  db.transaction(() => {
    for (const incident of valid) insertIncident(db, { ...incident, businessAssociateId: null }, options.now)
  })()
  return { ...report, imported: valid.length }
}
