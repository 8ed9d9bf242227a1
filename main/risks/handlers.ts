import type { CallContext, HandlersFor } from '../api/handler-types'
import { ApiError } from '../shared/errors'
import { localDateOf } from '../shared/today'
import { getMapAsset } from '../map/db/assets'
import { getRiskCatalog } from './catalog'
import type { risksCalls, VulnerabilityCandidate } from './contract'
import { deleteDismissal, upsertDismissal } from './db/suggestion-dismissals'
import { getTask } from './db/tasks'
import { createRisk, linkVulnerability, removeRisk, setTreatment, unlinkVulnerability, updateRisk, type WriteContext } from './edit-risk'
import { addTask, changeTask, completeTask, removeTask } from './edit-task'
import {
  loadSources,
  periodOf,
  readChanges,
  readRegisterDetails,
  readNotAssessed,
  readOverview,
  readRiskDetail,
  readRiskList,
  readSuggestions
} from './reads'
import { taskView } from './register'
import { REGISTER_FILE_FILTERS, writeRegisterFile } from './spreadsheet/export-register'
import { importRegisterFile } from './spreadsheet/import-register'
import { findCandidate } from './vulnerability-sources'

function open(ctx: CallContext) {
  const { db } = ctx.workspace()
  const now = ctx.session.now()
  return { db, clock: { now, today: localDateOf(now) } }
}

/** Writes go to the current period, inside one transaction. */
function write<T>(ctx: CallContext, work: (w: WriteContext) => T): T {
  const { db, clock } = open(ctx)
  const period = periodOf(db, clock)
  return db.transaction(() => work({ db, periodId: period.id, ...clock }))()
}

export const risksHandlers: HandlersFor<typeof risksCalls> = {
  'risks.catalog': () => getRiskCatalog().view,

  'risks.list': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readRiskList(db, clock, input)
  },

  'risks.get': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readRiskDetail(db, clock, input.id)
  },

  'risks.register': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readRegisterDetails(db, clock, input.periodId)
  },

  'risks.create': (input, ctx) => {
    const { db, clock } = open(ctx)
    const period = periodOf(db, clock)
    let links: VulnerabilityCandidate[] = []
    if (input.vulnerabilities.length > 0) {
      const sources = loadSources(db, clock, period.id)
      links = input.vulnerabilities.map(ref => {
        const candidate = findCandidate(sources, ref.kind, ref.ref)
        if (!candidate) throw new ApiError('not-found', `There is no current ${ref.kind} "${ref.ref}" to link as a vulnerability.`)
        return candidate
      })
    }
    const id = db.transaction(() => createRisk({ db, periodId: period.id, ...clock }, { ...input, links }))()
    return readRiskDetail(db, clock, id)
  },

  'risks.update': (input, ctx) => {
    write(ctx, w => updateRisk(w, input))
    const { db, clock } = open(ctx)
    return readRiskDetail(db, clock, input.id)
  },

  'risks.setTreatment': (input, ctx) => {
    write(ctx, w => setTreatment(w, input.id, input.treatment))
    const { db, clock } = open(ctx)
    return readRiskDetail(db, clock, input.id)
  },

  'risks.delete': (input, ctx) => write(ctx, w => removeRisk(w, input.id)),

  'risks.linkVulnerability': (input, ctx) => {
    const { db, clock } = open(ctx)
    const candidate = findCandidate(loadSources(db, clock, periodOf(db, clock).id), input.vulnerability.kind, input.vulnerability.ref)
    if (!candidate)
      throw new ApiError('not-found', `There is no current ${input.vulnerability.kind} "${input.vulnerability.ref}" to link as a vulnerability.`)
    write(ctx, w => linkVulnerability(w, input.riskId, candidate))
    return readRiskDetail(db, clock, input.riskId)
  },

  'risks.unlinkVulnerability': (input, ctx) => {
    write(ctx, w => unlinkVulnerability(w, input.riskId, input.vulnerabilityId))
    const { db, clock } = open(ctx)
    return readRiskDetail(db, clock, input.riskId)
  },

  'risks.addTask': (input, ctx) => {
    const id = write(ctx, w => addTask(w, input.riskId, input))
    const { db, clock } = open(ctx)
    return taskView(getTask(db, id)!, clock.today)
  },

  'risks.updateTask': (input, ctx) => {
    const { id, ...changes } = input
    write(ctx, w => changeTask(w, id, changes))
    const { db, clock } = open(ctx)
    return taskView(getTask(db, id)!, clock.today)
  },

  'risks.completeTask': (input, ctx) => {
    write(ctx, w => completeTask(w, input.id, { text: input.evidence, attachment: input.evidenceAttachment, doneOn: input.doneOn ?? w.today }))
    const { db, clock } = open(ctx)
    return taskView(getTask(db, input.id)!, clock.today)
  },

  'risks.deleteTask': (input, ctx) => write(ctx, w => removeTask(w, input.id)),

  'risks.suggestions': (_input, ctx) => {
    const { db, clock } = open(ctx)
    const { suggestions, dismissed } = readSuggestions(db, clock)
    return { suggestions, dismissed }
  },

  'risks.confirmSuggestion': (input, ctx) => {
    const { db, clock } = open(ctx)
    const suggestion = readSuggestions(db, clock).suggestions.find(s => s.key === input.key)
    if (!suggestion)
      throw new ApiError('not-found', `"${input.key}" is not a current suggestion: it was confirmed, dismissed, or nothing points to it any more.`)
    const id = write(ctx, w =>
      createRisk(w, {
        assetIds: [suggestion.asset.id],
        threatId: suggestion.threat.id,
        title: '',
        description: '',
        likelihood: null,
        likelihoodRationale: '',
        impact: null,
        impactRationale: '',
        existingControls: '',
        residualLikelihood: null,
        residualImpact: null,
        treatmentPlan: '',
        owner: input.owner || (getMapAsset(db, suggestion.asset.id)?.owner ?? ''),
        dueOn: null,
        vulnerabilities: [],
        links: suggestion.vulnerabilities
      })
    )
    return readRiskDetail(db, clock, id)
  },

  'risks.dismissSuggestion': (input, ctx) => {
    const { db, clock } = open(ctx)
    if (!readSuggestions(db, clock).suggestions.some(s => s.key === input.key))
      throw new ApiError('not-found', `"${input.key}" is not a current suggestion.`)
    db.transaction(() => upsertDismissal(db, input.key, input.reason, clock.now))()
  },

  'risks.restoreSuggestion': (input, ctx) => {
    const { db } = open(ctx)
    if (!db.transaction(() => deleteDismissal(db, input.key))()) throw new ApiError('not-found', `No dismissed suggestion "${input.key}".`)
  },

  'risks.notAssessed': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readNotAssessed(db, periodOf(db, clock, input.periodId).id)
  },

  'risks.overview': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readOverview(db, clock, input.periodId)
  },

  'risks.changes': (input, ctx) => {
    const { db, clock } = open(ctx)
    return readChanges(db, clock, input.periodId)
  },

  'risks.export': async (input, ctx) => {
    const file = await ctx.savePath(input.path, {
      title: 'Export the risk register',
      defaultName: 'risk-register.xlsx',
      filters: REGISTER_FILE_FILTERS
    })
    if (!file) return null
    const { db, clock } = open(ctx)
    return writeRegisterFile(db, clock, file)
  },

  'risks.import': async (input, ctx) => {
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Import a risk register', filters: REGISTER_FILE_FILTERS }))
    if (!file) return null
    const { db, clock } = open(ctx)
    return importRegisterFile(db, clock, file, { dryRun: input.dryRun, signal: ctx.signal, progress: update => ctx.progress(update) })
  }
}
