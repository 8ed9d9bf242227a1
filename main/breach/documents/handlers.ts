import type { HandlersFor } from '../../api/handler-types'
import { ApiError } from '../../shared/errors'
import { localDateOf } from '../../shared/today'
import { incidentDetail } from '../incident-log'
import type { breachDocumentCalls } from './contract'
import { factSources, noticeContentOf, portalFieldsText } from './notice-content'

export const breachDocumentHandlers: HandlersFor<typeof breachDocumentCalls> = {
  'incidents.noticeContent': (input, ctx) => {
    const { db } = ctx.workspace()
    const asOf = input.asOf ?? localDateOf(ctx.session.now())
    return noticeContentOf(factSources(db, incidentDetail(db, input.id, asOf)), asOf)
  },

  'incidents.copyPortalFields': (input, ctx) => {
    const { db } = ctx.workspace()
    const asOf = input.asOf ?? localDateOf(ctx.session.now())
    const detail = incidentDetail(db, input.id, asOf)
    const portal = noticeContentOf(factSources(db, detail), asOf).notices.find(notice => notice.id === 'hhs-portal')
    if (!portal) throw new ApiError('conflict', `"${detail.incident.title}" requires no notice to HHS, so there are no portal fields to copy.`)
    if (input.field !== undefined && !portal.elements.some(element => element.id === input.field)) {
      throw new ApiError('invalid-input', `field: the portal has no field "${input.field}" (${portal.elements.map(e => e.id).join(', ')}).`)
    }
    const text = portalFieldsText(portal, input.field)
    ctx.host.copyText(text)
    return { text }
  }
}
