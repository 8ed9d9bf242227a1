import path from 'node:path'
import { ApiError } from '../shared/errors'
import { readImportFileSync } from '../shared/regular-file'
import type { CallContext, HandlersFor } from '../api/handler-types'
import { applyAnswerChange } from './answer-change'
import { getCatalog } from './catalog'
import type { assessmentCalls, RiskView } from './contract'
import { questionnaireCsv } from './csv-export'
import { applyCsvImport, planCsvImport } from './csv-import'
import { questionnaireWorkbook } from './xlsx-export'
import { planWorkbookImport, readQuestionnaireWorkbook } from './xlsx-import'
import { listAudit } from './db/audit'
import { calendarDateOf, periodToRead, periodToWrite, startNextPeriod } from './periods'
import { signOffsOf } from './progress'
import { isGap, loadAssessmentState } from './questionnaire'
import { addCustomService, applyDecisionChange, applyProfileValue, applyRiskRating, applyServiceChange, applySignOff } from './record-changes'
import { buildRiskRegister } from './risk-register'
import { inventoryItems, readCatalog, readInventory, readPeriods, readProcurement, readProgress, readQuestionnaire, readRiskRegister } from './reads'
import { writeExportFile } from '../shared/export-file'

const QUESTIONNAIRE_FILTERS = [
  { name: 'Excel workbook', extensions: ['xlsx'] },
  { name: 'CSV spreadsheet', extensions: ['csv'] }
]
const IMPORT_FILTERS = [{ name: 'Questionnaire (Excel or CSV)', extensions: ['xlsx', 'csv'] }]

/** The questionnaire's file format, chosen by the name's extension (CSV when it has neither). */
const isWorkbook = (file: string) => path.extname(file).toLowerCase() === '.xlsx'

/** The open workspace plus 'now' and today's calendar date, read once per call. */
function open(ctx: CallContext) {
  const { db } = ctx.workspace()
  const now = ctx.session.now()
  return { db, now, today: calendarDateOf(now) }
}

/** A filled-in questionnaire is well under 1 MB; anything this large is the wrong file. */
const MAX_QUESTIONNAIRE_CSV_BYTES = 10 * 1_048_576
/** Thrown inside the import transaction to roll it back on purpose. */
const LEAVE_UNCHANGED = Symbol('leave the workspace unchanged')

export const assessmentHandlers: HandlersFor<typeof assessmentCalls> = {
  'assessment.catalog': () => readCatalog(),

  'assessment.periods': (_input, ctx) => {
    const { db, now } = open(ctx)
    return readPeriods(db, now)
  },

  'assessment.startNextPeriod': (input, ctx) => {
    const { db, now } = open(ctx)
    return startNextPeriod(db, now, input.id)
  },

  'assessment.setProfile': (input, ctx) => {
    const { db, now } = open(ctx)
    const catalog = getCatalog()
    const period = periodToWrite(db, now)
    db.transaction(() => applyProfileValue(catalog, db, period.id, input.key, input.value, now))()
    const state = loadAssessmentState(catalog, db, period)
    return { questions: catalog.data.profile, values: state.profile, defaults: state.profileDefaults }
  },

  'assessment.questionnaire': (input, ctx) => {
    const { db, now } = open(ctx)
    return readQuestionnaire(db, now, input)
  },

  'assessment.setAnswer': (input, ctx) => {
    const { db, now } = open(ctx)
    const catalog = getCatalog()
    const period = periodToWrite(db, now)
    const appliedBefore = new Set(
      loadAssessmentState(catalog, db, period)
        .items.filter(i => i.applies)
        .map(i => i.id)
    )
    const { after } = db.transaction(() => applyAnswerChange(catalog, db, period.id, input, now))()
    const state = loadAssessmentState(catalog, db, period)
    const item = state.items.find(i => i.id === input.questionId)!
    return {
      answer: after,
      decisionNeeded: item.decisionNeeded,
      applicabilityChanged: state.items.filter(i => i.applies !== appliedBefore.has(i.id)).map(i => i.id)
    }
  },

  'assessment.setDecision': (input, ctx) => {
    const { db, now, today } = open(ctx)
    const period = periodToWrite(db, now)
    return db.transaction(() => applyDecisionChange(getCatalog(), db, period.id, input, today, now))()
  },

  'assessment.risks': (input, ctx) => {
    const { db, now } = open(ctx)
    return readRiskRegister(db, now, input)
  },

  'assessment.rateRisk': (input, ctx) => {
    const { db, now, today } = open(ctx)
    const catalog = getCatalog()
    const period = periodToWrite(db, now)
    const item = loadAssessmentState(catalog, db, period).items.find(i => i.id === input.questionId)
    if (!item) throw new ApiError('not-found', `There is no question "${input.questionId}" in the assessment.`)
    if (!isGap(item)) {
      throw new ApiError('invalid-input', `Only gaps are rated: question ${item.id} must apply and be answered No or Partly first.`)
    }
    db.transaction(() => applyRiskRating(db, period.id, input, now))()
    const register = buildRiskRegister(loadAssessmentState(catalog, db, period), today, 'level')
    return register.find(r => r.questionId === input.questionId) as RiskView
  },

  'assessment.progress': (input, ctx) => {
    const { db, now } = open(ctx)
    return readProgress(db, now, input.periodId)
  },

  'assessment.signOff': (input, ctx) => {
    const { db, now } = open(ctx)
    const catalog = getCatalog()
    const period = periodToWrite(db, now)
    const signOff = input.reviewer === null ? null : { reviewer: input.reviewer, signedOn: input.signedOn }
    db.transaction(() => applySignOff(db, period.id, input.group, signOff, now))()
    return signOffsOf(db, loadAssessmentState(catalog, db, period)).get(input.group) ?? null
  },

  'assessment.inventory': (input, ctx) => {
    const { db, now } = open(ctx)
    return readInventory(db, now, input.periodId)
  },

  'assessment.setService': (input, ctx) => {
    const { db, now } = open(ctx)
    const period = periodToWrite(db, now)
    db.transaction(() => applyServiceChange(getCatalog(), db, period.id, input, now))()
    return inventoryItems(db, period.id).find(i => i.serviceId === input.serviceId)!
  },

  'assessment.addCustomService': (input, ctx) => {
    const { db, now } = open(ctx)
    const period = periodToWrite(db, now)
    const serviceId = db.transaction(() => addCustomService(getCatalog(), db, period.id, input, now))()
    return inventoryItems(db, period.id).find(i => i.serviceId === serviceId)!
  },

  'assessment.procurement': (input, ctx) => {
    const { db, now } = open(ctx)
    return readProcurement(db, now, input.periodId)
  },

  'assessment.audit': (input, ctx) => {
    const { db, now } = open(ctx)
    const period = periodToRead(db, now, input.periodId)
    return listAudit(db, period.id, { subject: input.subject, limit: input.limit })
  },

  'assessment.exportCsv': async (input, ctx) => {
    const file = await ctx.savePath(input.path, {
      title: 'Export the questionnaire',
      defaultName: 'questionnaire.xlsx',
      filters: QUESTIONNAIRE_FILTERS
    })
    if (!file) return null
    const { db, now } = open(ctx)
    const catalog = getCatalog()
    const state = loadAssessmentState(catalog, db, periodToRead(db, now, undefined))
    if (isWorkbook(file)) {
      const { bytes, rows } = await questionnaireWorkbook(catalog, state)
      return { path: writeExportFile(file, bytes), rows }
    }
    const { text, rows } = questionnaireCsv(catalog, state)
    return { path: writeExportFile(file, text), rows }
  },

  'assessment.importCsv': async (input, ctx) => {
    const file = input.path ?? (await ctx.host.pickOpenPath({ title: 'Import a filled-in questionnaire', filters: IMPORT_FILTERS }))
    if (!file) return null
    const target = path.resolve(file)
    const tooLarge = (size: number) =>
      new ApiError(
        'import-rejected',
        `"${target}" is ${Math.round(size / 1_048_576)} MB; a filled-in questionnaire is far smaller ` +
          `(the limit is ${MAX_QUESTIONNAIRE_CSV_BYTES / 1_048_576} MB). Check that this is the right file. Nothing was changed.`
      )
    const bytes = readImportFileSync(target, MAX_QUESTIONNAIRE_CSV_BYTES, tooLarge, 'a questionnaire file')
    // A workbook is unpacked before the transaction (exceljs reads asynchronously); its rows are checked inside it.
    const sheets = isWorkbook(target) ? await readQuestionnaireWorkbook(bytes, target) : undefined
    const { db, now, today } = open(ctx)
    const catalog = getCatalog()
    // All or nothing, including the period the import would start: a rejected or dry-run file changes nothing.
    let result: ({ path: string; applied: boolean; dryRun: boolean } & ReturnType<typeof planCsvImport>['report']) | undefined
    try {
      db.transaction(() => {
        const period = periodToWrite(db, now)
        const state = loadAssessmentState(catalog, db, period)
        const plan = sheets ? planWorkbookImport(catalog, state, sheets, target) : planCsvImport(catalog, state, bytes.toString('utf8'))
        const applied = !input.dryRun && plan.report.rejected === 0
        result = { ...plan.report, path: target, applied, dryRun: input.dryRun }
        if (!applied) throw LEAVE_UNCHANGED
        applyCsvImport(catalog, db, period.id, plan.changes, today, now)
      })()
    } catch (error) {
      if (error !== LEAVE_UNCHANGED) throw error
    }
    if (!result) throw new ApiError('internal', 'The questionnaire import produced no report.')
    return result
  }
}
