import { ApiError } from '../shared/errors'
import type { HandlersFor } from '../api/handler-types'
import type { proposedRuleCalls } from './contract'
import { readProposedRuleStatus, readReadiness } from './reads'
import { readReadinessViewShown, writeReadinessViewShown } from './view-setting'

export const proposedRuleHandlers: HandlersFor<typeof proposedRuleCalls> = {
  'proposedRule.status': () => readProposedRuleStatus(),

  'proposedRule.readiness': (input, ctx) => readReadiness(ctx.workspace().db, ctx.session.now(), input.periodId),

  'proposedRule.viewSetting': (_input, ctx) => ({ shown: readReadinessViewShown(ctx.session.dataDir), persisted: ctx.session.dataDir !== null }),

  'proposedRule.setViewSetting': (input, ctx) => {
    const { dataDir } = ctx.session
    if (!dataDir) throw new ApiError('unsupported', 'There is no app data folder here to keep the setting in; it is a setting of the app.')
    writeReadinessViewShown(dataDir, input.shown)
    return { shown: readReadinessViewShown(dataDir), persisted: true }
  }
}
