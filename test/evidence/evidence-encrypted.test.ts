// An evidence file attached to an encrypted workspace is stored only encrypted: no file in the folder (the workspace,
// its WAL, a backup) holds a distinctive marker from the attached file, while the workspace gives the bytes back.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import { passphraseKey } from '../../main/db/workspace-key'
import { readEvidenceChunks } from '../../main/evidence/reads'
import { createTestWorkspace } from '../helpers/workspace'

const MARKER = 'EVIDENCE-MARKER-7d1c44b2-firewall-rules'
const key = passphraseKey('correct horse battery staple')
const keysAlways: WorkspaceKeyProvider = { keyFor: () => key, keyForNewWorkspace: () => key }

function holdsMarker(file: string): boolean {
  const bytes = fs.readFileSync(file)
  return bytes.includes(Buffer.from(MARKER, 'utf8')) || bytes.includes(Buffer.from(MARKER, 'utf16le'))
}

describe('evidence in an encrypted workspace', () => {
  it('is never written in clear', async () => {
    const ws = await createTestWorkspace({ keyProvider: keysAlways, now: () => new Date('2026-12-07T12:00:00Z') })
    const outside = fs.mkdtempSync(path.join(path.dirname(ws.dir), 'evidence-source-'))
    const source = path.join(outside, 'firewall.txt')
    // Over two chunks, with the marker in each, so a chunk boundary cannot hide it.
    fs.writeFileSync(source, `${MARKER}\n`.repeat(60_000))
    try {
      const item = await ws.call('evidence.addFile', {
        target: { kind: 'answer', id: readCatalog().questions[0]!.id },
        path: source,
        effectiveAsOf: '2026-12-01'
      })
      const files = fs
        .readdirSync(ws.dir, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => path.join(entry.parentPath, entry.name))
      expect(files).toContain(`${ws.workspacePath}-wal`)
      for (const file of files) expect(holdsMarker(file), file).toBe(false)
      const stored = Buffer.concat([...readEvidenceChunks(ws.session.requireWorkspace().db, item!.sha256!)])
      expect(stored.toString().startsWith(MARKER)).toBe(true)
      await ws.call('workspace.close', {})
      for (const file of files.filter(f => fs.existsSync(f))) expect(holdsMarker(file), file).toBe(false)
    } finally {
      fs.rmSync(outside, { recursive: true, force: true })
    }
  })
})
