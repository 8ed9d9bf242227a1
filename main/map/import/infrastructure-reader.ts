import { readInfrastructureFile } from '../formats'
import type { InfrastructureReader } from './import-map-file'

/** The format readers (main/map/formats/), as the import calls them. */
export const readInfrastructure: InfrastructureReader = (file, options) =>
  readInfrastructureFile(file, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: p => options.onProgress?.({ bytesRead: p.bytesRead, bytesTotal: p.bytesTotal }) } : {})
  })
