import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkspace, openWorkspace, summarize } from '../../main/workspace/workspace-files'
import { tempDir } from '../helpers/workspace'

const BIN = path.resolve(__dirname, '../../bin/safeguard.js')
const TIME_LIMIT_MS = 40_000

/** Runs the real CLI in a child with a time limit, so a hang is a failed assertion instead of a stuck test run. */
function run(args: string[], limitMs: number): Promise<{ code: number | null; timedOut: boolean; stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { timeout: limitMs, killSignal: 'SIGKILL', env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        const failure = error as (Error & { code?: number; killed?: boolean; signal?: string }) | null
        resolve({ code: failure ? (typeof failure.code === 'number' ? failure.code : null) : 0, timedOut: !!failure?.killed, stdout, stderr })
      }
    )
  })
}

/** Special files handed to importers where a regular file is expected. */
function specialPaths(dir: string, extension: string) {
  const fifo = path.join(dir, `fifo${extension}`)
  execFileSync('mkfifo', [fifo])
  const zero = path.join(dir, `zero${extension}`)
  fs.symlinkSync('/dev/zero', zero)
  const folder = path.join(dir, `folder${extension}`)
  fs.mkdirSync(folder)
  return { fifo, zero, folder }
}

// Named pipes and /dev/zero are POSIX; the app's Windows build gets no such paths from its file dialogs.
describe.skipIf(process.platform === 'win32')('importers given special files instead of regular ones', () => {
  const importers: { name: string; command: (workspace: string, file: string) => string[]; extension: string }[] = [
    { name: 'scanner import', command: (workspace, file) => ['import', workspace, file, '--json'], extension: '.json' },
    { name: 'BAA import', command: (workspace, file) => ['baas', 'import', workspace, file, '--json'], extension: '.json' },
    { name: 'incident import', command: (workspace, file) => ['incidents', 'import', workspace, file, '--json'], extension: '.json' },
    { name: 'questionnaire import', command: (workspace, file) => ['answers', 'import', workspace, file, '--json'], extension: '.csv' }
  ]

  async function refusesSpecialFiles(importer: (typeof importers)[number], kinds: ('fifo' | 'zero' | 'folder')[], limitMs: number) {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    createWorkspace(
      workspace,
      { name: 'Harbor Clinic', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
      { now: '2026-11-22T00:00:00.000Z' }
    ).close()
    const paths = specialPaths(dir, importer.extension)
    const results = await Promise.all(kinds.map(async kind => ({ kind, ...(await run(importer.command(workspace, paths[kind]), limitMs)) })))
    for (const result of results) {
      expect(result.timedOut, `${importer.name} on ${result.kind} was still running after ${limitMs / 1000} s`).toBe(false)
      expect(result.code, `${importer.name} on ${result.kind}: ${result.stderr}`).not.toBe(0)
      expect(result.stderr, `${importer.name} on ${result.kind}`).toMatch(/safeguard: .{10,}/)
    }
    // The workspace still opens and holds what it held.
    const db = openWorkspace(workspace)
    expect(summarize(workspace, db).organization.name).toBe('Harbor Clinic')
    db.close()
  }

  // A named pipe must not block an import forever, nor /dev/zero feed it forever.
  for (const importer of importers) {
    it(`${importer.name} refuses a named pipe, /dev/zero and a folder promptly and clearly`, { timeout: 3 * TIME_LIMIT_MS }, () =>
      refusesSpecialFiles(importer, ['fifo', 'zero', 'folder'], TIME_LIMIT_MS)
    )
  }
})
