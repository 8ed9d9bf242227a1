/** Characters no file system takes in a name, and control characters. */
const UNSAFE = /[\u0000-\u001f\\/:*?"<>|]/g

/**
 * The name of an evidence file in the folder exported beside a pack: the first 12 hex digits of its SHA-256, a dash and
 * its own name made safe for any file system, so two files of the same name never collide and the name says which entry it is.
 */
export function exportNameOf(sha256: string, fileName: string): string {
  const safe =
    fileName
      .replace(UNSAFE, '-')
      .replace(/^[.\s]+|[.\s]+$/g, '')
      .slice(0, 120) || 'file'
  return `${sha256.slice(0, 12)}-${safe}`
}
