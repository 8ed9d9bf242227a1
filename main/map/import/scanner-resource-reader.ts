import { assetsFromScannerResources } from '../formats/scanner-resources'
import type { ParsedInfrastructure } from '../model'
import type { ScannerResource } from './scanner-resources'

/** Scanner-named resources as map assets, through the readers' own mapping of resource types and ARNs. */
export function parsedFromScannerResources(resources: readonly ScannerResource[]): ParsedInfrastructure {
  return assetsFromScannerResources(resources)
}
