import { createRequire } from 'node:module'
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs'
import { MANIFEST_FILE_NAME, PackManifest } from '../documents/pack-manifest/schema'

/** What reading the manifest out of a PDF found. */
export type ManifestReading =
  { found: true; manifest: PackManifest; bytes: Buffer } | { found: boolean; manifest: null; problem: string; bytes: Buffer | null }

const PDFJS_MODULE: string = 'pdfjs-dist/legacy/build/pdf.mjs'
let pdfjs: Promise<typeof PdfJs> | null = null

/**
 * pdf.js ships only ES modules. They are loaded with require() (Node 20.19 and later, and Electron's Node, load ES
 * modules that way), not import(): the `safeguard` command runs its bundle from V8's code cache, and Node 20 loses a
 * cached script's import() loader ("A dynamic import callback was not specified"), so `safeguard verify` failed on every
 * run after the first. The name goes through a constant so bundlers leave it to Node.
 */
function loadPdfJs(): Promise<typeof PdfJs> {
  try {
    return Promise.resolve(createRequire(__filename)(PDFJS_MODULE) as typeof PdfJs)
  } catch {
    return import(PDFJS_MODULE) as Promise<typeof PdfJs>
  }
}

/**
 * Reads the embedded manifest with pdf.js (its legacy build runs in Node): a PDF reader kept by a large project and fed
 * hostile files every day, rather than a parser of our own. It reads the catalog's embedded files as any viewer's
 * attachments panel does; scripts, fonts and rendering stay off.
 */
export async function readEmbeddedManifest(pdf: Buffer): Promise<ManifestReading> {
  pdfjs ??= loadPdfJs()
  const { getDocument } = await pdfjs
  let attachments: Record<string, { filename: string; content: Uint8Array }> | null
  const task = getDocument({
    data: new Uint8Array(pdf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0
  })
  try {
    const document = await task.promise
    attachments = (await document.getAttachments()) as typeof attachments
  } catch (error) {
    return { found: false, manifest: null, bytes: null, problem: `The PDF could not be read: ${(error as Error).message}` }
  } finally {
    void task.destroy()
  }
  const entry = Object.values(attachments ?? {}).find(a => a.filename === MANIFEST_FILE_NAME)
  if (!entry)
    return {
      found: false,
      manifest: null,
      bytes: null,
      problem: `The PDF carries no ${MANIFEST_FILE_NAME}: it is not a Safeguard pack, or its manifest was removed.`
    }
  return parseManifest(Buffer.from(entry.content))
}

/** Parses manifest bytes (embedded or from the evidence folder) against the schema, naming the first fields that do not fit. */
export function parseManifest(bytes: Buffer): ManifestReading {
  let json: unknown
  try {
    json = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    return { found: true, manifest: null, bytes, problem: `The manifest is not valid JSON: ${(error as Error).message}` }
  }
  const parsed = PackManifest.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(i => `${i.path.join('.') || 'the manifest'}: ${i.message}`)
    return { found: true, manifest: null, bytes, problem: `The manifest does not match its schema (${issues.join('; ')}).` }
  }
  return { found: true, manifest: parsed.data, bytes }
}
