import { ApiError } from '../../shared/errors'
import type { InfrastructureReader } from './import-map-file'

/**
 * The readers of infrastructure files (Terraform, CloudFormation, AWS Config)
 * live in main/map/formats/ and are being written alongside this store; until
 * they are wired in here an import is refused with a clear message.
 */
export const readInfrastructure: InfrastructureReader = async file => {
  throw new ApiError('unsupported', `${file}: infrastructure files cannot be read yet (the readers are not installed in this build)`)
}
