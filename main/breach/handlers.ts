import path from 'node:path'
import { ApiError } from '../shared/errors'
import type { CallContext, HandlersFor } from '../api/handler-types'
import type { Db } from '../db/driver'
import { getBusinessAssociate } from '../baas/db/business-associates'
import { REGISTER_FILTERS } from '../shared/tabular-file'
import { writeExportFile } from '../shared/export-file'
import { localDateOf } from '../shared/today'
import type { breachCalls } from './contract'
import { archiveIncident, deleteArchivedIncident, insertIncident, restoreIncident, updateIncident } from './db/incidents'
import { deleteNotice, hasNotice, insertNotice } from './db/notices'
import { getNoticeFileContent, putNoticeFile } from './db/notice-files'
import { checkedNoticeEvidence, NOTICE_EVIDENCE_FILTERS, readNoticeEvidenceFile } from './notice-evidence-file'
import { importIncidents } from './import'
import { checkNotice } from './notice-rules'
import { NOTICE_METHODS, SUBSTITUTE_NOTICE_DAYS, SUBSTITUTE_WIDE_MIN_MISSING } from './notice-methods'
import { incidentDetail, requireIncident, requireLiveIncident } from './incident-log'
import { readArchivedIncidents, readIncident, readIncidents } from './reads'
import { JURISDICTION_CODES, JURISDICTION_NAMES } from './jurisdictions'
import { loadStateLawTable } from './state-laws'

const today = (ctx: CallContext, asOf: string | undefined) => asOf ?? localDateOf(ctx.session.now())

function checkLinkedAssociate(db: Db, values: { businessAssociateId: number | null }): void {
  if (values.businessAssociateId === null) return
  const associate = getBusinessAssociate(db, values.businessAssociateId)
  if (!associate) throw new ApiError('invalid-input', `businessAssociateId: there is no business associate with id ${values.businessAssociateId}.`)
  if (associate.archivedAt !== null) {
    throw new ApiError('invalid-input', `businessAssociateId: "${associate.name}" is archived; restore it before linking an incident to it.`)
  }
}

export const breachHandlers: HandlersFor<typeof breachCalls> = {
  'incidents.list': (input, ctx) => readIncidents(ctx.workspace().db, today(ctx, input.asOf)),

  'incidents.get': (input, ctx) => readIncident(ctx.workspace().db, input.id, today(ctx, input.asOf)),

  'incidents.create': (input, ctx) => {
    const { db } = ctx.workspace()
    const values = input.incident
    checkLinkedAssociate(db, values)
    const id = db.transaction(() => insertIncident(db, values, ctx.session.now()))()
    return incidentDetail(db, id, today(ctx, undefined))
  },

  'incidents.update': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveIncident(db, input.id)
    checkLinkedAssociate(db, input.incident)
    db.transaction(() => updateIncident(db, input.id, input.incident, ctx.session.now()))()
    return incidentDetail(db, input.id, today(ctx, undefined))
  },

  'incidents.archive': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveIncident(db, input.id)
    archiveIncident(db, input.id, ctx.session.now(), input.reason || null)
    return null
  },

  'incidents.restore': (input, ctx) => {
    const { db } = ctx.workspace()
    const record = requireIncident(db, input.id)
    if (!restoreIncident(db, input.id)) throw new ApiError('conflict', `Incident ${input.id} ("${record.title}") is not archived.`)
    return incidentDetail(db, input.id, today(ctx, undefined))
  },

  'incidents.listArchived': (_input, ctx) => readArchivedIncidents(ctx.workspace().db, today(ctx, undefined)),

  'incidents.deletePermanently': (input, ctx) => {
    const { db } = ctx.workspace()
    const record = requireIncident(db, input.id)
    const archived = readArchivedIncidents(db, today(ctx, undefined)).find(entry => entry.id === input.id)
    if (!archived) throw new ApiError('conflict', `Incident ${input.id} ("${record.title}") is not archived; archive it first.`)
    if (!archived.retention.over) {
      throw new ApiError(
        'conflict',
        `"${record.title}" must be kept until ${archived.retention.keptUntil} (six years from its last document date, ${archived.retention.citation}); it cannot be deleted before then.`
      )
    }
    if (input.confirmTitle.trim() !== record.title)
      throw new ApiError('invalid-input', `confirmTitle: type the incident's title, "${record.title}", to delete it.`)
    deleteArchivedIncident(db, input.id)
    return null
  },

  'incidents.recordNotice': (input, ctx) => {
    const { db } = ctx.workspace()
    const asOf = today(ctx, undefined)
    requireLiveIncident(db, input.id)
    const before = incidentDetail(db, input.id, asOf)
    const { notice } = input
    // The notice must answer one of the incident's obligations, so a typo cannot record a notice that marks nothing.
    const matches = before.assessment.obligations.filter(obligation =>
      notice.obligationId !== undefined
        ? obligation.id === notice.obligationId
        : obligation.kind === notice.kind && obligation.jurisdiction === notice.jurisdiction
    )
    if (matches.length === 0) {
      throw new ApiError(
        'invalid-input',
        `notice: this incident has no ${notice.kind} obligation${notice.jurisdiction ? ` for ${notice.jurisdiction}` : ''}${notice.obligationId ? ` with id ${notice.obligationId}` : ''}.`
      )
    }
    if (notice.doneOn < before.incident.discoveredOn) {
      throw new ApiError('invalid-input', `notice.doneOn: ${notice.doneOn} is before the discovery on ${before.incident.discoveredOn}.`)
    }
    insertNotice(db, input.id, checkNotice(notice), ctx.session.now())
    return incidentDetail(db, input.id, asOf)
  },

  'incidents.removeNotice': (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveIncident(db, input.id)
    if (!deleteNotice(db, input.id, input.noticeId)) throw new ApiError('not-found', `Incident ${input.id} has no notice with id ${input.noticeId}.`)
    return incidentDetail(db, input.id, today(ctx, undefined))
  },

  'incidents.attachNoticeFile': async (input, ctx) => {
    const { db } = ctx.workspace()
    requireLiveIncident(db, input.id)
    if (!hasNotice(db, input.id, input.noticeId)) throw new ApiError('not-found', `Incident ${input.id} has no notice with id ${input.noticeId}.`)
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Evidence that the notice was delivered', filters: NOTICE_EVIDENCE_FILTERS }))
    if (!file) return null
    putNoticeFile(db, input.noticeId, readNoticeEvidenceFile(path.resolve(file), ctx.session.now()))
    return incidentDetail(db, input.id, today(ctx, undefined))
  },

  'incidents.saveNoticeFileCopy': async (input, ctx) => {
    const { db } = ctx.workspace()
    const title = 'Save a copy of the delivery evidence'
    // A path the window names is refused before anything is looked up (main/api/output-paths.ts).
    const named = input.path !== undefined ? await ctx.savePath(input.path, { title, defaultName: '' }) : null
    requireIncident(db, input.id)
    const stored = hasNotice(db, input.id, input.noticeId) ? getNoticeFileContent(db, input.noticeId) : null
    if (!stored) throw new ApiError('not-found', `Notice ${input.noticeId} of incident ${input.id} has no evidence file.`)
    const { name, content } = checkedNoticeEvidence(stored)
    const target = named ?? (await ctx.savePath(undefined, { title, defaultName: name }))
    if (!target) return null
    return { path: writeExportFile(target, content) }
  },

  'incidents.importFile': async (input, ctx) => {
    const { db } = ctx.workspace()
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Import incidents', filters: REGISTER_FILTERS }))
    return file
      ? importIncidents(db, path.resolve(file), { now: ctx.session.now(), signal: ctx.signal, onProgress: update => ctx.progress(update) })
      : null
  },

  'incidents.noticeMethods': () => ({
    methods: NOTICE_METHODS.map(method => ({ ...method, kinds: [...method.kinds] })),
    substituteNoticeDays: SUBSTITUTE_NOTICE_DAYS,
    substituteWideMinMissing: SUBSTITUTE_WIDE_MIN_MISSING
  }),

  'incidents.stateLaws': () => {
    const table = loadStateLawTable()
    return {
      jurisdictions: JURISDICTION_CODES.map(code => ({ code, name: JURISDICTION_NAMES[code] })),
      disclaimer: table.disclaimer,
      countingNote: table.countingNote,
      sourcesCurrentTo: table.sourcesCurrentTo,
      rows: table.rows.map(row => ({
        id: row.id,
        jurisdiction: row.jurisdiction,
        statute: row.statute,
        scope: row.scope,
        individual: row.individual.text,
        regulator: row.regulator ? `${row.regulator.body} (${row.regulator.thresholdText}): ${row.regulator.text}` : null,
        hipaa: row.hipaa
          ? `${row.hipaa.effect === 'exempt' ? 'Exempt for HIPAA-regulated entities' : 'HIPAA compliance deemed sufficient for PHI'} (${row.hipaa.citation}): ${row.hipaa.text}`
          : (row.hipaaNote ?? null),
        harmTest: row.harmTest,
        certainty: row.certainty
      }))
    }
  }
}
