import fs from 'node:fs'
import path from 'node:path'

/** Our own small fixtures, committed with the project. */
export function ownFixture(name: string): string {
  return path.resolve(__dirname, '../fixtures/scanners', name)
}

/** Real scanner outputs, read in place from the shared folder next to the repository (never copied). */
export const realSamplesDir = path.resolve(__dirname, '../../../shared/fixtures/scanners')
export const realSamplesPresent = fs.existsSync(realSamplesDir)

export function realSample(name: string): string {
  return path.join(realSamplesDir, name)
}
