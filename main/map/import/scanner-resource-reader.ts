import { ApiError } from '../../shared/errors'
import type { ParsedInfrastructure } from '../model'
import type { ScannerResource } from './scanner-resources'

/**
 * Turns scanner-named resources into map assets through the readers'
 * `assetsFromScannerResources` (main/map/formats/), written alongside this
 * store; until it is wired in here the call is refused with a clear message.
 */
export function parsedFromScannerResources(resources: readonly ScannerResource[]): ParsedInfrastructure {
  throw new ApiError('unsupported', `${resources.length} scanner resource(s) cannot be turned into map assets yet (the readers are not installed in this build)`)
}
