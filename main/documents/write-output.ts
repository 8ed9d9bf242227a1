import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'

/** Writes beside the target and renames, so a cancelled or failed run never leaves half a file. */
export function writeFileAtomic(target: string, data: Buffer): void {
  const dir = path.dirname(target)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new ApiError('not-found', `The folder ${dir} does not exist.`)
  }
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
    throw new ApiError('not-a-file', `${target} is a folder; give a file name.`)
  }
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.partial`)
  try {
    fs.writeFileSync(temp, data)
    fs.renameSync(temp, target)
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}

/** Where a workspace's edited policy templates live: a folder beside the workspace file. */
export function policyOverrideDir(workspacePath: string): string {
  const base = path.basename(workspacePath, path.extname(workspacePath))
  return path.join(path.dirname(workspacePath), `${base} policies`)
}
