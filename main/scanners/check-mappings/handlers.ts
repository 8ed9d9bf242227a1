import type { HandlersFor } from '../../api/handler-types'
import { readCatalog } from '../../assessment/reads'
import { listUserCheckMappings } from '../db/user-check-mappings'
import type { checkMappingCalls } from './contract'
import { mapCheck } from './map-check'

export const checkMappingHandlers: HandlersFor<typeof checkMappingCalls> = {
  'scans.mapCheck': (input, ctx) => {
    const known = new Set(readCatalog().entries.map(e => e.citation))
    return mapCheck(ctx.workspace().db, input, known, ctx.session.now())
  },
  'scans.checkMappings': (_input, ctx) => listUserCheckMappings(ctx.workspace().db)
}
