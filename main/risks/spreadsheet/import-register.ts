// Reads a register back from CSV or Excel: every row is checked with the same
// schemas as the app, each problem is reported with its row, and the rows are
// stored all together in one transaction or not at all.
import path from 'node:path'
import type { ProgressUpdate } from '../../api/define-call'
import { findBusinessAssociateByName } from '../../baas/db/business-associates'
import type { Db } from '../../db/driver'
import { listMapAssets } from '../../map/db/assets'
import { ApiError } from '../../shared/errors'
import { getRiskCatalog } from '../catalog'
import {
  CreateRiskInput,
  SCALE_STEPS,
  SCENARIO_STATUSES,
  TreatmentInput,
  VULNERABILITY_KINDS,
  type RiskImportReport,
  type RiskImportRow,
  type ScaleStep,
  type ScenarioStatus,
  type Treatment,
  type VulnerabilityCandidate,
  type VulnerabilityKind
} from '../contract'
import { listScenarios } from '../db/scenarios'
import { listVulnerabilities } from '../db/vulnerabilities'
import { createRisk, linkVulnerability, setTreatment, unlinkVulnerability, updateRisk, type NewRisk, type WriteContext } from '../edit-risk'
import { loadSources, periodOf, type Clock } from '../reads'
import { findCandidate, type VulnerabilitySources } from '../vulnerability-sources'
import { REGISTER_COLUMNS, registerRows } from './columns'
import { readRegisterFile, type Cells } from './read-register-file'
import { formatCount, plural } from '../../shared/count-text'

/** A register of thousands of risks is a few MB; anything far larger is the wrong file. */
const MAX_REGISTER_ROWS = 100_000

interface PlannedRow {
  row: number
  existingId: number | null
  create: NewRisk
  treatment: Treatment | null
  status: ScenarioStatus | null
  links: VulnerabilityCandidate[]
  /** The columns the file has: an update changes only those. */
  present: ReadonlySet<string>
  untitled: boolean
  shownTitle: string | undefined
}

const HEADER_OF_FIELD: Record<string, string> = {
  assetIds: 'Assets',
  threatId: 'Threat',
  title: 'Title',
  description: 'Description',
  likelihood: 'Likelihood',
  likelihoodRationale: 'Likelihood rationale',
  impact: 'Impact',
  impactRationale: 'Impact rationale',
  existingControls: 'Existing controls',
  residualLikelihood: 'Residual likelihood',
  residualImpact: 'Residual impact',
  treatmentPlan: 'Treatment plan',
  owner: 'Owner',
  foundOn: 'Found on',
  dueOn: 'Due on',
  approver: 'Accepted by',
  approvedOn: 'Accepted on',
  reason: 'Acceptance reason',
  expiresOn: 'Acceptance expires',
  to: 'Transferred to',
  party: 'Transfer party',
  businessAssociateId: 'Transfer party',
  how: 'Avoided by'
}

const issues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string[] =>
  error.issues.map(issue => `${HEADER_OF_FIELD[String(issue.path[0])] ?? (String(issue.path[0] ?? '') || 'row')}: ${issue.message}`)

function stepOf(value: string | undefined, header: string, errors: string[]): ScaleStep | null {
  if (!value) return null
  const step = value.toLowerCase()
  if ((SCALE_STEPS as readonly string[]).includes(step)) return step as ScaleStep
  errors.push(
    `${header}: unknown level "${value}" (use ${getRiskCatalog()
      .view.scale.likelihood.map(s => s.label)
      .join(', ')})`
  )
  return null
}

interface PlanContext {
  db: Db
  clock: Clock
  periodId: string
  sources: () => VulnerabilitySources
}

function planRow(
  context: PlanContext,
  row: { row: number; cells: Cells },
  lookups: ReturnType<typeof buildLookups>
): { plan?: PlannedRow; errors: string[] } {
  const errors: string[] = []
  const key = row.cells.Key || null
  const existing = key ? lookups.scenarioByKey.get(key) : undefined
  const existingId = existing?.id ?? null
  // A risk already in the workspace keeps what the file has no column for.
  const stored = existing ? lookups.storedCells(existing.key) : undefined
  const cells: Cells = stored ? { ...stored, ...row.cells } : row.cells

  const assetIds = (cells.Assets ?? '')
    .split(';')
    .map(name => name.trim())
    .filter(name => name !== '')
    .flatMap(name => {
      const ids = lookups.assetIdsByName.get(name.toLowerCase()) ?? []
      if (ids.length === 0) errors.push(`Assets: unknown asset "${name}" (not in the map)`)
      else if (ids.length > 1) errors.push(`Assets: more than one asset is named "${name}"; use its key`)
      return ids.length === 1 ? ids : []
    })
  const threatText = cells.Threat ?? ''
  const threat = lookups.threatByText.get(threatText.toLowerCase())
  if (threatText && !threat) errors.push(`Threat: unknown threat "${threatText}"`)

  const likelihood = stepOf(cells.Likelihood, 'Likelihood', errors)
  const impact = stepOf(cells.Impact, 'Impact', errors)
  const residualLikelihood = stepOf(cells['Residual likelihood'], 'Residual likelihood', errors)
  const residualImpact = stepOf(cells['Residual impact'], 'Residual impact', errors)
  let status: ScenarioStatus | null = null
  if (cells.Status) {
    if ((SCENARIO_STATUSES as readonly string[]).includes(cells.Status.toLowerCase())) status = cells.Status.toLowerCase() as ScenarioStatus
    else errors.push(`Status: unknown status "${cells.Status}" (use ${SCENARIO_STATUSES.join(', ')})`)
  }

  const created = CreateRiskInput.safeParse({
    assetIds,
    threatId: threat ?? threatText,
    title: cells.Title ?? '',
    description: cells.Description ?? '',
    likelihood,
    likelihoodRationale: cells['Likelihood rationale'] ?? '',
    impact,
    impactRationale: cells['Impact rationale'] ?? '',
    existingControls: cells['Existing controls'] ?? '',
    residualLikelihood,
    residualImpact,
    treatmentPlan: cells['Treatment plan'] ?? '',
    owner: cells.Owner ?? '',
    foundOn: cells['Found on'] || existing?.foundOn || context.clock.today,
    dueOn: cells['Due on'] || null
  })
  if (!created.success)
    errors.push(
      ...issues(created.error).filter(message => !(message.startsWith('Assets') && assetIds.length === 0 && errors.some(e => e.startsWith('Assets'))))
    )

  let treatment: Treatment | null = null
  const kind = (cells.Treatment ?? '').toLowerCase()
  if (kind) {
    const candidate =
      kind === 'accept'
        ? {
            kind,
            approver: cells['Accepted by'] ?? '',
            approvedOn: cells['Accepted on'] ?? '',
            reason: cells['Acceptance reason'] ?? '',
            expiresOn: cells['Acceptance expires'] ?? ''
          }
        : kind === 'transfer'
          ? transferCandidate(context.db, cells, errors)
          : kind === 'avoid'
            ? { kind, how: cells['Avoided by'] ?? '' }
            : { kind }
    const parsed = TreatmentInput.safeParse(candidate)
    if (parsed.success) treatment = parsed.data
    else if (!['mitigate', 'accept', 'transfer', 'avoid'].includes(kind))
      errors.push(`Treatment: unknown treatment "${cells.Treatment}" (use mitigate, accept, transfer or avoid)`)
    else errors.push(...issues(parsed.error))
  }

  const links: VulnerabilityCandidate[] = []
  const linked = existingId !== null ? new Map(listVulnerabilities(context.db, existingId).map(v => [`${v.kind}:${v.ref}`, v])) : new Map()
  for (const text of (cells.Vulnerabilities ?? '')
    .split(';')
    .map(v => v.trim())
    .filter(v => v !== '')) {
    const separator = text.indexOf(':')
    const vulnerabilityKind = text.slice(0, separator) as VulnerabilityKind
    const ref = text.slice(separator + 1)
    if (separator < 1 || !VULNERABILITY_KINDS.includes(vulnerabilityKind)) {
      errors.push(`Vulnerabilities: "${text}" is not kind:reference (kinds: ${VULNERABILITY_KINDS.join(', ')})`)
      continue
    }
    const kept = linked.get(text)
    const candidate = kept
      ? { kind: kept.kind, ref: kept.ref, label: kept.label, citations: kept.citations }
      : findCandidate(context.sources(), vulnerabilityKind, ref)
    if (candidate) links.push(candidate)
    else errors.push(`Vulnerabilities: unknown vulnerability "${text}" (no current ${vulnerabilityKind} has that reference)`)
  }

  if (errors.length > 0 || !created.success) return { errors }
  return {
    errors,
    plan: {
      row: row.row,
      existingId,
      create: { ...created.data, ...(key ? { key } : {}) },
      treatment,
      status,
      links,
      present: new Set(Object.keys(row.cells)),
      untitled: existing?.title === '',
      shownTitle: stored?.Title
    }
  }
}

function transferCandidate(db: Db, cells: Cells, errors: string[]) {
  const to = (cells['Transferred to'] ?? '').toLowerCase()
  const party = cells['Transfer party'] ?? ''
  if (to !== 'business-associate') return { kind: 'transfer', to, party }
  const associates = party ? findBusinessAssociateByName(db, party) : []
  if (party && associates.length === 0) errors.push(`Transfer party: no business associate named "${party}" in the register`)
  return { kind: 'transfer', to, party, businessAssociateId: associates[0]?.id ?? null }
}

function buildLookups(db: Db, periodId: string, today: string) {
  const assetIdsByName = new Map<string, number[]>()
  for (const asset of listMapAssets(db)) {
    for (const name of new Set([asset.name.toLowerCase(), asset.key.toLowerCase()]))
      assetIdsByName.set(name, [...(assetIdsByName.get(name) ?? []), asset.id])
  }
  const threatByText = new Map<string, string>()
  for (const threat of getRiskCatalog().view.threats) {
    threatByText.set(threat.id, threat.id)
    threatByText.set(threat.name.toLowerCase(), threat.id)
  }
  const scenarioByKey = new Map(listScenarios(db, periodId).map(s => [s.key, s]))
  // The stored risks as a file's cells, read once when a row first refers to one.
  let stored: Map<string, Cells> | undefined
  const storedCells = (key: string): Cells | undefined => {
    stored ??= new Map(
      registerRows(db, periodId, today).map(row => [
        row.scenario.key,
        Object.fromEntries(REGISTER_COLUMNS.filter(c => c.importable).map(c => [c.header, c.value(row)]))
      ])
    )
    return stored.get(key)
  }
  return { assetIdsByName, threatByText, scenarioByKey, storedCells }
}

function applyRow(w: WriteContext, plan: PlannedRow): void {
  const { create } = plan
  let id = plan.existingId
  if (id === null) {
    id = createRisk(w, { ...create, treatment: plan.treatment, links: plan.links })
  } else {
    const { vulnerabilities: _v, key: _k, links: _l, treatment: _t, ...fields } = create
    const given: Record<string, unknown> = Object.fromEntries(
      Object.entries(fields).filter(([field]) => plan.present.has(HEADER_OF_FIELD[field] ?? ''))
    )
    // An untitled risk exported with its made-up title stays untitled, so the title follows its threat and assets.
    if (plan.untitled && given.title === plan.shownTitle) delete given.title
    updateRisk(w, { id, ...given })
    if (plan.present.has('Treatment')) setTreatment(w, id, plan.treatment)
    if (plan.present.has('Vulnerabilities')) {
      const wanted = new Set(plan.links.map(l => `${l.kind}:${l.ref}`))
      for (const link of listVulnerabilities(w.db, id)) if (!wanted.has(`${link.kind}:${link.ref}`)) unlinkVulnerability(w, id, link.id)
      for (const link of plan.links) linkVulnerability(w, id, link)
    }
  }
  if (plan.status !== null) updateRisk(w, { id, status: plan.status })
}

export async function importRegisterFile(
  db: Db,
  clock: Clock,
  file: string,
  options: { dryRun: boolean; signal?: AbortSignal; progress?: (update: ProgressUpdate) => void }
): Promise<RiskImportReport> {
  const target = path.resolve(file)
  const name = path.basename(target)
  const table = await readRegisterFile(target)
  if (table.rows.length > MAX_REGISTER_ROWS)
    throw new ApiError(
      'import-rejected',
      `"${name}" holds ${plural(table.rows.length, 'row')}; a risk register of more than ${plural(MAX_REGISTER_ROWS, 'risk')} is not accepted.`
    )
  const period = periodOf(db, clock)
  let sources: VulnerabilitySources | undefined
  const context: PlanContext = { db, clock, periodId: period.id, sources: () => (sources ??= loadSources(db, clock, period.id)) }
  const lookups = buildLookups(db, period.id, clock.today)
  const reports: RiskImportRow[] = []
  const plans: PlannedRow[] = []
  const keys = new Map<string, number>()
  for (const row of table.rows) {
    const { plan, errors } = planRow(context, row, lookups)
    const key = row.cells.Key
    if (key) {
      if (keys.has(key)) errors.push(`Key: the same key is on row ${keys.get(key)}`)
      else keys.set(key, row.row)
    }
    reports.push({ row: row.row, title: row.cells.Title ?? '', ok: errors.length === 0, errors })
    if (plan && errors.length === 0) plans.push(plan)
  }
  const report: RiskImportReport = { file: name, format: table.format, imported: 0, dryRun: options.dryRun, rows: reports }
  if (table.rows.length === 0) throw new ApiError('import-rejected', `"${name}" holds no risks.`, report)
  const failed = reports.filter(r => !r.ok)
  if (failed.length > 0) {
    throw new ApiError(
      'import-rejected',
      `Nothing was imported: ${formatCount(failed.length)} of ${plural(reports.length, 'row')} in "${name}" have problems (first: row ${failed[0]!.row}, ${failed[0]!.errors[0]}).`,
      report
    )
  }
  if (options.dryRun) return report
  db.transaction(() => {
    const w: WriteContext = { db, periodId: period.id, ...clock }
    plans.forEach((plan, index) => {
      if (options.signal?.aborted) throw new ApiError('cancelled', `The import of "${name}" was cancelled; nothing was stored.`)
      applyRow(w, plan)
      if (index % 100 === 99 || index === plans.length - 1)
        options.progress?.({ phase: 'storing', done: index + 1, total: plans.length, unit: 'risks' })
    })
  })()
  return { ...report, imported: plans.length }
}
