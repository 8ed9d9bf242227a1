import { execFileSync, spawnSync } from 'node:child_process'

/** Thin wrappers over poppler-utils and qpdf, which the tests use to open what was written. */

export function qpdfCheck(file: string): { status: number | null; output: string } {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}

export function pdfInfo(file: string, ...flags: string[]): string {
  return execFileSync('pdfinfo', [...flags, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
}

/** Rows of `pdffonts`: name and whether the font is embedded. */
export function pdfFonts(file: string): Array<{ name: string; embedded: boolean }> {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)
  return lines.map(line => {
    const cols = line.trim().split(/\s+/)
    // Columns from the right: object id (2), uni, sub, emb.
    return { name: cols[0] as string, embedded: cols[cols.length - 5] === 'yes' }
  })
}

/** The text of the PDF with runs of whitespace collapsed, so wrapped sentences can be matched. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).replace(/\s+/g, ' ')
}
