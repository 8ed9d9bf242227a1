import { backupBeforeImport } from '../backup/backup'
import { ApiError } from '../shared/errors'
import type { HandlersFor } from '../api/handler-types'
import type { Db } from '../db/driver'
import type { FileImportResult, scannerCalls } from './contract'
import { compareScans, queryFindings } from './db/findings'
import { releaseFlagsOfScan } from './db/review-flags'
import { deleteScan, getScan, latestScanIds, listScans, previousScan } from './db/scans'
import { ImportError } from './import-error'
import { localDateOf } from '../shared/today'
import { evaluateTriage, triagedFailures } from './triage/effective-triage'
import { readCoverage, readReviewFlag, readReviewFlags, withTriage } from './triage/triaged-evidence'
import { importScanFiles } from './import-scan-file'
import { readFindingDetail } from './db/finding-detail'
import { viewCheckGroups, viewFindings } from './db/findings-view'
import { specificationSummaries } from './db/specification-summary'
import { exportFindings, FINDINGS_EXPORT_FILTERS } from './export/findings-export'

const SCANNER_FILE_FILTERS = [
  { name: 'Scanner output', extensions: ['json', 'ocsf', 'js', 'csv', 'ndjson', 'jsonl', 'txt'] },
  { name: 'All files', extensions: ['*'] }
]

// An import holds a transaction across file reads: a second one on the same workspace must wait its turn.
const importing = new WeakSet<Db>()

export const scannerHandlers: HandlersFor<typeof scannerCalls> = {
  'scans.import': async (input, ctx) => {
    const { db, path: workspacePath } = ctx.workspace()
    if (importing.has(db)) throw new ApiError('conflict', 'Another import into this workspace is still running')
    // A checked copy of the workspace as it was, in <workspace>.backups/, before anything is imported.
    backupBeforeImport(db, workspacePath)
    importing.add(db)
    const results: FileImportResult[] = []
    // Each group is imported as one scan: every file alone, or all files together.
    const groups = input.asOneScan ? [input.paths] : input.paths.map(p => [p])
    try {
      for (const [index, files] of groups.entries()) {
        try {
          const outcome = await importScanFiles(db, files, {
            now: ctx.session.now(),
            signal: ctx.signal,
            onProgress: p =>
              ctx.progress({
                phase: 'import',
                done: p.bytesRead,
                total: p.bytesTotal,
                unit: 'bytes',
                message: files.join(', '),
                counts: { findings: p.findings, file: index + 1, files: groups.length }
              })
          })
          for (const file of files) results.push({ file, ok: true, ...outcome })
        } catch (err) {
          if (err instanceof ImportError && err.code === 'cancelled') {
            throw new ApiError('cancelled', `Import cancelled: ${files.join(', ')} not imported`, { imported: results })
          }
          const failure =
            err instanceof ImportError
              ? { code: err.code, message: err.message, ...err.position }
              : { code: 'internal', message: `${files.join(', ')}: ${err instanceof Error ? err.message : String(err)}` }
          for (const file of files) {
            const own = err instanceof ImportError && err.file === file
            results.push({
              file,
              ok: false,
              error:
                own || files.length === 1
                  ? failure
                  : { code: 'not-imported', message: `${file}: not imported, because another page of the scan was rejected: ${failure.message}` }
            })
          }
        }
      }
    } finally {
      importing.delete(db)
    }
    return results
  },

  'scans.chooseFiles': async (_input, ctx) => ctx.host.pickOpenPaths({ title: 'Choose scanner output files', filters: SCANNER_FILE_FILTERS }),

  'scans.list': (_input, ctx) => listScans(ctx.workspace().db),

  'scans.delete': (input, ctx) => {
    const { db } = ctx.workspace()
    db.transaction(() => {
      releaseFlagsOfScan(db, input.scanId, latestScanIds(db, { without: input.scanId }), ctx.session.now())
      if (!deleteScan(db, input.scanId)) throw new ApiError('not-found', `There is no scan ${input.scanId}`)
    })()
    return null
  },

  'scans.compare': (input, ctx) => {
    const { db } = ctx.workspace()
    const scan = getScan(db, input.scanId)
    if (!scan) throw new ApiError('not-found', `There is no scan ${input.scanId}`)
    const previous = input.previousScanId !== undefined ? getScan(db, input.previousScanId) : previousScan(db, scan)
    if (input.previousScanId !== undefined && !previous) throw new ApiError('not-found', `There is no scan ${input.previousScanId}`)
    if (!previous) {
      // A first scan: every failure is new.
      const page = queryFindings(db, { scanIds: [scan.id], status: 'failed', limit: input.limit, offset: 0 })
      return {
        scan,
        previous: null,
        newFailures: page.findings,
        resolved: [],
        persisting: [],
        counts: { newFailures: page.total, resolved: 0, persisting: 0 }
      }
    }
    return { scan, previous, ...compareScans(db, scan.id, previous.id, input.limit) }
  },

  'findings.query': (input, ctx) => {
    const { db } = ctx.workspace()
    const scanIds = input.scanId !== undefined ? [input.scanId] : input.scope === 'latest' ? latestScanIds(db) : undefined
    const page = queryFindings(db, {
      ...(scanIds ? { scanIds } : {}),
      ...(input.citation ? { citation: input.citation } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.severity ? { severity: input.severity } : {}),
      limit: input.limit,
      offset: input.offset
    })
    return { ...page, findings: withTriage(page.findings, evaluateTriage(db, localDateOf(ctx.session.now()))) }
  },

  'findings.bySpecification': (_input, ctx) => readCoverage(ctx.workspace().db, localDateOf(ctx.session.now())),

  'findings.evidence': (input, ctx) => {
    const { db } = ctx.workspace()
    const asOf = localDateOf(ctx.session.now())
    const scans = latestScanIds(db)
    const evaluation = evaluateTriage(db, asOf)
    const triagedIds = triagedFailures(db, scans, evaluation).map(f => f.id)
    const filter = { scanIds: scans, citation: input.citation, limit: input.limit, offset: 0 }
    const failing = queryFindings(db, { ...filter, status: 'failed', withoutIds: triagedIds })
    const passing = queryFindings(db, { ...filter, status: 'passed' })
    const triaged = queryFindings(db, { ...filter, status: 'failed', onlyIds: triagedIds })
    return {
      citation: input.citation,
      scans,
      failing: withTriage(failing.findings, evaluation),
      passing: withTriage(passing.findings, evaluation),
      failingTotal: failing.total,
      passingTotal: passing.total,
      triaged: withTriage(triaged.findings, evaluation),
      triagedTotal: triaged.total,
      flag: readReviewFlag(db, input.citation, asOf)
    }
  },

  'findings.reviewFlags': (input, ctx) => readReviewFlags(ctx.workspace().db, localDateOf(ctx.session.now()), input.status),

  'findings.view': (input, ctx) => {
    const { limit, offset, groupBy, ...options } = input
    const db = ctx.workspace().db
    const evaluation = evaluateTriage(db, localDateOf(ctx.session.now()))
    if (groupBy === 'check') return { groupBy, ...viewCheckGroups(db, options, { limit, offset }, evaluation) }
    const page = viewFindings(db, options, { limit, offset })
    return { groupBy, ...page, findings: withTriage(page.findings, evaluation) }
  },

  'findings.detail': (input, ctx) => {
    const { db } = ctx.workspace()
    const detail = readFindingDetail(db, input.id)
    if (!detail) throw new ApiError('not-found', `There is no finding ${input.id}`)
    return withTriage([detail], evaluateTriage(db, localDateOf(ctx.session.now())))[0] as typeof detail
  },

  'findings.specificationSummaries': (input, ctx) => {
    const { db } = ctx.workspace()
    const scans = latestScanIds(db)
    const triaged = triagedFailures(db, scans, evaluateTriage(db, localDateOf(ctx.session.now()))).map(f => f.id)
    return specificationSummaries(db, scans, input.items, input.top, triaged)
  },

  'findings.export': async (input, ctx) => {
    const { path: given, format, ...options } = input
    const filters = format === 'csv' ? [...FINDINGS_EXPORT_FILTERS].reverse() : FINDINGS_EXPORT_FILTERS
    const file = await ctx.savePath(given, { title: 'Export findings', defaultName: `findings.${format}`, filters })
    if (!file) return null
    return exportFindings(ctx.workspace().db, options, file, {
      signal: ctx.signal,
      progress: (done, total) => ctx.progress({ phase: 'export', done, total, unit: 'findings', message: file })
    })
  }
}
