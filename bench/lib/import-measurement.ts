// The full import (parse, map, store) of one file into a fresh workspace in a temp folder.

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importScanFile } from '../../main/scanners/import-scan-file'
import { createWorkspace } from '../../main/workspace/workspace-files'

export async function runImportMeasurement(file: string): Promise<{ seconds: number; findings: number; note: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-bench-'))
  try {
    const now = new Date().toISOString()
    const db = createWorkspace(
      path.join(dir, 'bench.safeguard'),
      { name: 'Bench', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
      { now }
    )
    try {
      const t0 = performance.now()
      const { scan } = await importScanFile(db, file, { now })
      const seconds = (performance.now() - t0) / 1000
      const stored = (db.prepare('SELECT count(*) AS n FROM finding').get() as { n: number }).n
      return { seconds, findings: scan.findings, note: `${stored} rows stored` }
    } finally {
      db.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
