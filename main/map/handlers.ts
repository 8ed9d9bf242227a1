import { ApiError } from '../shared/errors'
import type { HandlersFor } from '../api/handler-types'
import type { CallContext } from '../api/handler-types'
import { backupBeforeImport } from '../backup/backup'
import { localDateOf } from '../shared/today'
import { readAssetEvidence } from './asset-evidence'
import type { mapCalls } from './contract'
import { insertDismissal, restoreDismissal } from './db/flag-dismissals'
import { latestMapReview, insertMapReview } from './db/reviews'
import { addManualAsset, addManualFlow, removeManualFlow, removeMapAsset, setMarking, updateMapAsset } from './edit-map'
import { mapFlags } from './flags'
import { importMapFile } from './import/import-map-file'
import { readInfrastructure } from './import/infrastructure-reader'
import { importScannerResources } from './import/import-scanner-resources'
import { readDataFlowMap } from './read-data-flow-map'
import { readMapGraph } from './read-map'
import { MAP_RULE_IDS } from './rules'

const today = (ctx: CallContext) => localDateOf(ctx.session.now())

function progressOf(ctx: CallContext, file: string) {
  return (p: { phase: string; done: number; total: number; unit: string }) =>
    ctx.progress({ phase: p.phase, done: p.done, total: p.total, unit: p.unit, message: file })
}

export const mapHandlers: HandlersFor<typeof mapCalls> = {
  'map.import': async (input, ctx) => {
    const { db, path: workspacePath } = ctx.workspace()
    return importMapFile(db, input.path, {
      now: ctx.session.now(),
      read: readInfrastructure,
      signal: ctx.signal,
      onProgress: progressOf(ctx, input.path),
      // A checked copy of the workspace as it was, in <workspace>.backups/, before anything is written.
      beforeWrite: () => backupBeforeImport(db, workspacePath).file
    })
  },

  'map.importScannerResources': async (_input, ctx) => {
    const { db, path: workspacePath } = ctx.workspace()
    return importScannerResources(db, {
      now: ctx.session.now(),
      signal: ctx.signal,
      onProgress: progressOf(ctx, 'scanner findings'),
      beforeWrite: () => backupBeforeImport(db, workspacePath).file
    })
  },

  'map.view': (_input, ctx) => readDataFlowMap(ctx.workspace().db, { today: today(ctx) }),

  'map.assetEvidence': (input, ctx) => readAssetEvidence(ctx.workspace().db, input.id, today(ctx)),

  'map.flags': (input, ctx) => {
    const { db } = ctx.workspace()
    return mapFlags(db, readMapGraph(db), latestMapReview(db), { today: today(ctx), includeDismissed: input.includeDismissed })
  },

  'map.setPhi': (input, ctx) => {
    setMarking(ctx.workspace().db, input, ctx.session.now())
    return null
  },

  'map.addAsset': (input, ctx) => addManualAsset(ctx.workspace().db, input, ctx.session.now()),

  'map.updateAsset': (input, ctx) => updateMapAsset(ctx.workspace().db, input, ctx.session.now()),

  'map.removeAsset': (input, ctx) => {
    removeMapAsset(ctx.workspace().db, input.id, input.confirm)
    return null
  },

  'map.addFlow': (input, ctx) => {
    const { db } = ctx.workspace()
    const id = addManualFlow(db, input, ctx.session.now())
    const flow = readMapGraph(db).flows.find(f => f.id === id)
    if (!flow) throw new ApiError('internal', `Flow ${id} was added but cannot be read back`)
    return flow
  },

  'map.removeFlow': (input, ctx) => {
    removeManualFlow(ctx.workspace().db, input.id)
    return null
  },

  'map.review': (input, ctx) =>
    insertMapReview(ctx.workspace().db, { reviewedOn: input.reviewedOn ?? today(ctx), reviewedBy: input.by, note: input.note }, ctx.session.now()),

  'map.dismissFlag': (input, ctx) => {
    const { db } = ctx.workspace()
    if (!MAP_RULE_IDS.includes(input.rule)) throw new ApiError('not-found', `There is no map rule ${input.rule}`)
    const flags = mapFlags(db, readMapGraph(db), latestMapReview(db), { today: today(ctx), includeDismissed: true })
    const flag = flags.find(f => f.rule === input.rule && f.subjectKey === input.subjectKey)
    if (!flag) throw new ApiError('not-found', `The map has no flag ${input.rule} on ${input.subjectKey}`)
    if (flag.dismissal || !insertDismissal(db, input, ctx.session.now())) {
      throw new ApiError('conflict', `The flag ${input.rule} on ${input.subjectKey} is already dismissed`)
    }
    return null
  },

  'map.restoreFlag': (input, ctx) => {
    if (!restoreDismissal(ctx.workspace().db, input.rule, input.subjectKey, input.by, ctx.session.now())) {
      throw new ApiError('not-found', `The flag ${input.rule} on ${input.subjectKey} is not dismissed`)
    }
    return null
  }
}
