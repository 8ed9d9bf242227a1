import fs from 'node:fs'

const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** The first 16 bytes of a file, or fewer if it is shorter. */
function readHeader(file: string): Buffer {
  const handle = fs.openSync(file, 'r')
  try {
    const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length)
    const read = fs.readSync(handle, header, 0, header.length, 0)
    return header.subarray(0, read)
  } finally {
    fs.closeSync(handle)
  }
}

/**
 * 'plain': an unencrypted SQLite file; 'empty': nothing written yet;
 * 'opaque': anything else, which for a workspace means encrypted (an
 * encrypted file's first bytes are a random salt).
 */
export function sqliteFileKind(file: string): 'plain' | 'empty' | 'opaque' {
  const header = readHeader(file)
  if (header.length === 0) return 'empty'
  return header.equals(PLAIN_SQLITE_HEADER) ? 'plain' : 'opaque'
}
