// A workbook is a zip: its central directory says how large each part is once
// unpacked, so a zip bomb (a few kilobytes that unpack to gigabytes) is refused
// from those numbers before any part is inflated.
import { ApiError } from '../errors'

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
/** The end record is 22 bytes plus a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff

export interface ZipLimits {
  /** The most bytes all parts may unpack to together. */
  maxUnpackedBytes: number
  /** The most parts (files) the zip may hold. */
  maxEntries: number
}

/** Throws import-rejected naming the file unless the bytes are a zip within the limits. */
export function checkZipLimits(bytes: Buffer, fileName: string, what: string, limits: ZipLimits): void {
  const notZip = () => new ApiError('import-rejected', `"${fileName}" is not ${what} (an .xlsx file is a zip archive, and this is not one).`)
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== 0x04034b50) throw notZip()
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - END_SEARCH_BYTES); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) throw notZip()
  const entries = bytes.readUInt16LE(end + 10)
  const directoryOffset = bytes.readUInt32LE(end + 16)
  // 0xffff / 0xffffffff mean a ZIP64 archive: far beyond anything a workbook of ours needs.
  if (entries === 0xffff || directoryOffset === 0xffffffff || entries > limits.maxEntries) {
    throw new ApiError('import-rejected', `"${fileName}" holds more parts than ${what} has; it is not one Safeguard can read. Nothing was imported.`)
  }
  let offset = directoryOffset
  let unpacked = 0
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== DIRECTORY_ENTRY) throw notZip()
    const size = bytes.readUInt32LE(offset + 24)
    unpacked += size
    if (size === 0xffffffff || unpacked > limits.maxUnpackedBytes) {
      throw new ApiError(
        'import-rejected',
        `"${fileName}" would unpack to more than ${Math.round(limits.maxUnpackedBytes / 1_048_576)} MB, far more than ${what} needs. ` +
          'It was not opened. Nothing was imported.'
      )
    }
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32)
  }
}
