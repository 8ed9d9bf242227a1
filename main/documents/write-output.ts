import path from 'node:path'
import { writeExportFile } from '../shared/export-file'

/** Writes a document for the owner only, whole or not at all (see writeExportFile). */
export function writeFileAtomic(target: string, data: Buffer): void {
  writeExportFile(target, data)
}

/** Where a workspace's edited policy templates live: a folder beside the workspace file. */
export function policyOverrideDir(workspacePath: string): string {
  const base = path.basename(workspacePath, path.extname(workspacePath))
  return path.join(path.dirname(workspacePath), `${base} policies`)
}
