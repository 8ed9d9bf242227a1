import type { HandlersFor } from '../../api/handler-types'
import type { CallContext } from '../../api/handler-types'
import { ApiError } from '../../shared/errors'
import { localDateOf } from '../../shared/today'
import { dismissReviewFlag, restoreReviewFlag } from '../db/review-flags'
import { getTriageRow, withdrawTriage } from '../db/finding-triage'
import type { triageCalls, TriageView } from './contract'
import { evaluateTriage } from './effective-triage'
import { recordTriage } from './record-triage'
import { readReviewFlag } from './triaged-evidence'

const today = (ctx: CallContext) => localDateOf(ctx.session.now())

/** The triage as of today, with its state and why. */
function triageView(ctx: CallContext, id: number): TriageView {
  const view = evaluateTriage(ctx.workspace().db, today(ctx), { all: true }).triages.find(t => t.id === id)
  if (!view) throw new ApiError('not-found', `There is no triage ${id}`)
  return view
}

export const triageHandlers: HandlersFor<typeof triageCalls> = {
  'findings.triage': (input, ctx) => {
    const { db } = ctx.workspace()
    return triageView(ctx, recordTriage(db, input, ctx.session.now(), today(ctx)))
  },

  'findings.untriage': (input, ctx) => {
    const { db } = ctx.workspace()
    const row = getTriageRow(db, input.id)
    if (!row) throw new ApiError('not-found', `There is no triage ${input.id}`)
    if (!withdrawTriage(db, input.id, input.by, ctx.session.now())) {
      throw new ApiError('conflict', `Triage ${input.id} was already withdrawn on ${row.withdrawn_at?.slice(0, 10)}`)
    }
    return triageView(ctx, input.id)
  },

  'findings.listTriage': (input, ctx) => evaluateTriage(ctx.workspace().db, input.asOf ?? today(ctx), { all: input.all }).triages.reverse(),

  'findings.dismissFlag': (input, ctx) => {
    const { db } = ctx.workspace()
    if (!dismissReviewFlag(db, input.citation, { reason: input.reason, by: input.by }, ctx.session.now())) {
      throw new ApiError('not-found', `${input.citation} has no open review flag to dismiss`)
    }
    return readReviewFlag(db, input.citation, today(ctx)) as NonNullable<ReturnType<typeof readReviewFlag>>
  },

  'findings.restoreFlag': (input, ctx) => {
    const { db } = ctx.workspace()
    if (!restoreReviewFlag(db, input.citation, input.by, ctx.session.now())) {
      throw new ApiError('not-found', `${input.citation} has no dismissed review flag to restore`)
    }
    return readReviewFlag(db, input.citation, today(ctx)) as NonNullable<ReturnType<typeof readReviewFlag>>
  }
}
