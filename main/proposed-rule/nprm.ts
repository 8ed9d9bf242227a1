import nprmJson from '../../templates/proposed-rule/nprm-2025.json'
import { parseNprmFile, type NprmFile } from './nprm-schema'

let cached: NprmFile | undefined

/** templates/proposed-rule/nprm-2025.json, validated once (the content never changes while running). */
export function loadNprm(): NprmFile {
  cached ??= parseNprmFile(nprmJson)
  return cached
}
