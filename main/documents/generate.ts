import fs from 'node:fs'
import path from 'node:path'
import type { CallContext } from '../api/handler-types'
import { ApiError } from '../shared/errors'
import { composeAnnualReview, REVIEW_SECTIONS, type ReviewSectionId } from './annual-review/compose'
import type { AnnualReviewData } from './annual-review/review-data'
import type { DocumentsPreview, PackOutline, PdfResult, PoliciesResult, SectionPreview } from './contract'
import { renderPolicyDocx } from './docx/render-policy'
import { composeEvidencePack } from './evidence-pack/compose'
import type { EvidencePackOptions } from './evidence-pack/sections'
import { PACK_SECTIONS } from './evidence-pack/sections'
import type { EvidencePackData } from './evidence-pack/pack-data'
import { formatCount, plural } from './format'
import { defaultedValues } from './policies/fill'
import { loadPolicySet, PolicyTemplateError, type LoadedPolicy } from './policies/load'
import { AbortedError } from './pdf/pdf-writer'
import { annualReviewData } from './annual-review/read-review-data'
import { evidencePackData } from './evidence-pack/read-pack-data'
import { policyFillData } from './policies/read-fill-data'
import { readWorkspaceFacts } from './workspace-data/workspace-facts'
import { readDataFlowMapSection } from './workspace-data/data-flow-map'
import { readIdentifyingValues } from './workspace-data/identifying-values'
import { localDateOf } from '../shared/today'
import { policyOverrideDir, writeFileAtomic } from './write-output'
import { buildReadiness } from './readiness'
import { rememberWritten } from './written-files'
import type { WorkspaceFacts } from './workspace-data/workspace-facts'
import { buildPackManifest, type ManifestInputs, type ManifestRedaction } from './pack-manifest/build-manifest'
import { evidenceFolderFor, exportEvidenceFolder, packAttachments } from './pack-manifest/pack-files'
import type { PackManifest } from './pack-manifest/schema'
import { packSigning, previewSignatureNote, signPack, type PackSigning } from './sign-pack'
import { colonFingerprint } from './pdf/signature-note'

/** The glue between the handlers and the pure renderers: read the workspace, render, write. */

function policySet(workspacePath: string): LoadedPolicy[] {
  try {
    return loadPolicySet({ overrideDir: policyOverrideDir(workspacePath) })
  } catch (error) {
    if (error instanceof PolicyTemplateError) throw new ApiError('invalid-input', error.message)
    throw error
  }
}

function checkCancelled(ctx: CallContext): void {
  if (ctx.signal.aborted) throw new ApiError('cancelled', 'Document generation was cancelled; nothing was written.')
}

function asApiError(error: unknown): unknown {
  return error instanceof AbortedError ? new ApiError('cancelled', 'Document generation was cancelled; nothing was written.') : error
}

export async function generatePolicies(
  ctx: CallContext,
  input: { dir: string; periodId?: string; version: string; approver?: string; only?: string[] }
): Promise<PoliciesResult> {
  const workspace = ctx.workspace()
  if (!fs.existsSync(input.dir) || !fs.statSync(input.dir).isDirectory()) {
    throw new ApiError('not-found', `The folder ${input.dir} does not exist.`)
  }
  const facts = await readWorkspaceFacts(ctx, input.periodId)
  const set = policySet(workspace.path)
  const chosen = input.only ? set.filter(p => input.only!.includes(p.template.id)) : set
  if (input.only) {
    const unknown = input.only.filter(id => !set.some(p => p.template.id === id))
    if (unknown.length) throw new ApiError('not-found', `No policy with id ${unknown.join(', ')}.`)
  }
  const fill = policyFillData(facts, { version: input.version, ...(input.approver ? { approver: input.approver } : {}) })
  const related = set.map(p => ({ id: p.template.id, number: p.template.number, title: p.template.title }))
  const written: PoliciesResult['files'] = []
  try {
    for (const [index, { template }] of chosen.entries()) {
      checkCancelled(ctx)
      ctx.progress({ phase: `Writing ${template.number} ${template.title}`, done: index, total: chosen.length, unit: 'documents' })
      const buffer = await renderPolicyDocx(template, fill, { relatedDocuments: related })
      const file = path.join(input.dir, `${template.number} ${template.title.replace(/\s*:\s*/g, ' - ').replace(/[\\/*?"<>|]/g, '-')}.docx`)
      writeFileAtomic(file, buffer)
      written.push({ path: file, bytes: buffer.length, number: template.number, title: template.title })
    }
  } catch (error) {
    // All or nothing: a cancelled or failed run removes what it wrote.
    for (const file of written) fs.rmSync(file.path, { force: true })
    throw error
  }
  ctx.progress({ phase: 'Done', done: chosen.length, total: chosen.length, unit: 'documents' })
  return { dir: input.dir, files: written, openId: rememberWritten(input.dir) }
}

/** What is missing before the documents of a period can be sent; empty when they are ready. */
function draftReasons(facts: WorkspaceFacts): string[] {
  return buildReadiness(facts.db, facts.progress, facts.today).reasons
}

export function readDocumentReadiness(ctx: CallContext, periodId?: string) {
  const facts = readWorkspaceFacts(ctx, periodId)
  return buildReadiness(facts.db, facts.progress, facts.today)
}

export async function packData(ctx: CallContext, periodId?: string): Promise<EvidencePackData> {
  return (await packDataAndDraft(ctx, periodId)).data
}

async function packDataAndDraft(ctx: CallContext, periodId?: string): Promise<{ data: EvidencePackData; draftReasons: string[] }> {
  const workspace = ctx.workspace()
  const facts = await readWorkspaceFacts(ctx, periodId)
  const pack = evidencePackData(facts, policySet(workspace.path))
  const data = { ...pack, dataFlowMap: await readDataFlowMapSection(workspace.db, localDateOf(ctx.session.now())) }
  return { data, draftReasons: draftReasons(facts) }
}

/** The generation date: the day the documents describe, as the PDF's time of making (midnight UTC), never the clock's time of day. */
function generationTime(preparedOn: string): Date {
  return new Date(`${preparedOn}T00:00:00Z`)
}

type PackOutput = { unsigned: boolean; documentTitle: string }

const PACK_TITLE = 'HIPAA Security Evidence Pack'
const REVIEW_TITLE = 'HIPAA Security Annual Review'

/** What a signed document's manifest says of where it came from: this Safeguard, the day it describes, the document. */
function manifestInputs(
  ctx: CallContext,
  document: ManifestInputs['document'],
  data: { preparedOn: string; organization: { name: string } },
  evidenceFiles: ManifestInputs['evidenceFiles']
): ManifestInputs {
  return { safeguardVersion: ctx.session.appVersion, generatedOn: data.preparedOn, document, organization: data.organization.name, evidenceFiles }
}

/** Signs the composed bytes unless the unsigned copy was asked for (reproducibility is defined on those). */
function signedOrNot(ctx: CallContext, buffer: Buffer, signing: PackSigning | null, output: PackOutput): Buffer {
  if (!signing || output.unsigned) return buffer
  ctx.progress({ phase: 'Signing' })
  return signPack(buffer, signing, { signedAt: new Date(ctx.session.now()), reason: `Issued by the organisation: ${output.documentTitle}` })
}

export async function generatePack(
  ctx: CallContext,
  input: {
    path: string
    periodId?: string
    redact: boolean
    sections?: EvidencePackOptions['sections']
    unsigned?: boolean
    evidenceFiles?: PackManifest['evidenceFiles']
  }
): Promise<PdfResult> {
  ctx.progress({ phase: 'Reading the workspace' })
  const { data: read, draftReasons } = await packDataAndDraft(ctx, input.periodId)
  if (input.redact) ctx.progress({ phase: 'Finding the values to redact' })
  const db = ctx.workspace().db
  const data = input.redact ? { ...read, identifyingValues: readIdentifyingValues(db, ctx.signal) } : read
  checkCancelled(ctx)
  const signing = packSigning(db, new Date(ctx.session.now()))
  const evidenceFiles = input.evidenceFiles ?? 'listed'
  let manifest: PackManifest | null = null
  const attachments = (redaction: ManifestRedaction) => {
    manifest = buildPackManifest(
      db,
      manifestInputs(ctx, { kind: 'evidence-pack', title: PACK_TITLE, period: data.period.label }, data, evidenceFiles),
      redaction
    )
    return packAttachments(db, manifest, ctx.signal)
  }
  try {
    const { buffer, pages } = await composeEvidencePack(data, {
      redact: input.redact,
      draftReasons,
      ...(input.sections ? { sections: input.sections } : {}),
      createdAt: generationTime(data.preparedOn),
      attachments,
      signature: signing.note,
      signal: ctx.signal,
      onProgress: p => ctx.progress({ phase: p.phase, done: p.done, total: p.total, unit: 'sections' })
    })
    checkCancelled(ctx)
    const output = signedOrNot(ctx, buffer, signing, { unsigned: input.unsigned === true, documentTitle: PACK_TITLE })
    const evidenceDir = evidenceFiles === 'folder' ? evidenceFolderFor(input.path) : null
    if (evidenceDir) {
      exportEvidenceFolder(db, manifest!, evidenceDir, {
        signal: ctx.signal,
        onProgress: p => ctx.progress({ phase: p.phase, done: p.done, total: p.total, unit: 'files' })
      })
    }
    try {
      writeFileAtomic(input.path, output)
    } catch (error) {
      // All or nothing: no evidence folder beside a pack that was not written.
      if (evidenceDir) fs.rmSync(evidenceDir, { recursive: true, force: true })
      throw error
    }
    return {
      path: input.path,
      bytes: output.length,
      pages,
      draftReasons,
      openId: rememberWritten(input.path),
      signedWith: input.unsigned ? null : colonFingerprint(signing.note.fingerprintSha256),
      evidenceDir
    }
  } catch (error) {
    throw asApiError(error)
  }
}

/** The pack composed as generatePack would write it, kept in memory: its page count and outline. */
export async function packOutline(
  ctx: CallContext,
  input: { periodId?: string; redact: boolean; sections?: EvidencePackOptions['sections'] }
): Promise<PackOutline> {
  ctx.progress({ phase: 'Reading the workspace' })
  const { data: read, draftReasons } = await packDataAndDraft(ctx, input.periodId)
  const data = input.redact ? { ...read, identifyingValues: readIdentifyingValues(ctx.workspace().db, ctx.signal) } : read
  checkCancelled(ctx)
  try {
    const { pages, outline } = await composeEvidencePack(data, {
      redact: input.redact,
      draftReasons,
      ...(input.sections ? { sections: input.sections } : {}),
      // The same lines as the signed pack's note, so the pages count the same without creating an identity for a preview.
      signature: previewSignatureNote(ctx.workspace().db),
      signal: ctx.signal,
      onProgress: p => ctx.progress({ phase: p.phase, done: p.done, total: p.total, unit: 'sections' })
    })
    return { pages, sections: [{ title: 'Cover', page: 1 }, ...outline], draftReasons }
  } catch (error) {
    throw asApiError(error)
  }
}

export async function reviewData(ctx: CallContext, periodId?: string): Promise<AnnualReviewData> {
  const facts = await readWorkspaceFacts(ctx, periodId)
  return annualReviewData(ctx, facts)
}

export async function generateReview(ctx: CallContext, input: { path: string; periodId?: string; unsigned?: boolean }): Promise<PdfResult> {
  ctx.progress({ phase: 'Reading the workspace' })
  const facts = await readWorkspaceFacts(ctx, input.periodId)
  const data = await annualReviewData(ctx, facts)
  const reasons = draftReasons(facts)
  const db = ctx.workspace().db
  const signing = packSigning(db, new Date(ctx.session.now()))
  const manifest = buildPackManifest(
    db,
    manifestInputs(ctx, { kind: 'annual-review', title: REVIEW_TITLE, period: data.current.label }, data, 'listed'),
    null
  )
  try {
    const { buffer, pages } = await composeAnnualReview(data, {
      draftReasons: reasons,
      createdAt: generationTime(data.preparedOn),
      attachments: packAttachments(db, manifest, ctx.signal),
      signature: signing.note,
      signal: ctx.signal,
      onProgress: p => ctx.progress({ phase: p.phase, done: p.done, total: p.total, unit: 'sections' })
    })
    checkCancelled(ctx)
    const output = signedOrNot(ctx, buffer, signing, { unsigned: input.unsigned === true, documentTitle: REVIEW_TITLE })
    writeFileAtomic(input.path, output)
    return {
      path: input.path,
      bytes: output.length,
      pages,
      draftReasons: reasons,
      openId: rememberWritten(input.path),
      signedWith: input.unsigned ? null : colonFingerprint(signing.note.fingerprintSha256)
    }
  } catch (error) {
    throw asApiError(error)
  }
}

function packSectionPreview(data: EvidencePackData): SectionPreview[] {
  const count = (list: unknown[] | null, one: string, many?: string) => (list ? plural(list.length, one, many) : '')
  const details: Record<string, [boolean, string]> = {
    contents: [true, 'page numbers of every section'],
    summary: [true, 'key figures and points'],
    procurement: [true, 'the three procurement answers'],
    scorecard: [data.families !== null, data.families ? 'answers by safeguard family' : ''],
    controls: [data.controls !== null, count(data.controls, 'requirement')],
    'attached-evidence': [
      Boolean(data.attachedEvidence),
      data.attachedEvidence ? `${plural(data.attachedEvidence.total, 'piece')}, ${formatCount(data.attachedEvidence.stale)} stale` : ''
    ],
    cloud: [data.cloudServices !== null, count(data.cloudServices, 'service')],
    map: [Boolean(data.dataFlowMap), data.dataFlowMap ? plural(data.dataFlowMap.counts.assets, 'asset') : ''],
    technical: [data.technicalControls !== null, count(data.technicalControls, 'control')],
    scans: [data.scans !== null && data.scans.length > 0, data.findings ? `${plural(data.findings.total, 'finding')} summarised` : ''],
    associates: [data.businessAssociates !== null, count(data.businessAssociates, 'business associate')],
    incidents: [data.incidents !== null, count(data.incidents, 'incident')],
    'risk-analysis': [
      Boolean(data.riskAnalysis?.total),
      data.riskAnalysis ? `${plural(data.riskAnalysis.total, 'risk')}, heat map, ${plural(data.riskAnalysis.accepted.length, 'accepted risk')}` : ''
    ],
    remediation: [data.remediation !== null, count(data.remediation, 'item')],
    attestation: [true, 'signature page'],
    appendix: [data.evidenceFiles !== null, count(data.evidenceFiles, 'file')]
  }
  return PACK_SECTIONS.map(s => {
    const [hasData, detail] = details[s.id] ?? [false, '']
    return { id: s.id, title: s.title, hasData, detail: hasData ? detail : 'Not recorded in this workspace' }
  })
}

function reviewSectionPreview(data: AnnualReviewData): SectionPreview[] {
  const details: Record<ReviewSectionId, [boolean, string]> = {
    summary: [true, data.previous ? `${data.current.label} against ${data.previous.label}` : `${data.current.label}, first period recorded`],
    'answer-changes': [data.answerChanges !== null, data.answerChanges ? plural(data.answerChanges.length, 'change') : ''],
    gaps: [data.gaps !== null, data.gaps ? `${formatCount(data.gaps.openNow)} open, ${formatCount(data.gaps.closed.length)} closed` : ''],
    risks: [data.risks !== null, data.risks ? `${formatCount(data.risks.changed.length)} moved` : ''],
    'risk-analysis': [Boolean(data.riskAnalysis?.total), data.riskAnalysis ? `${plural(data.riskAnalysis.total, 'risk')}, heat map` : ''],
    remediation: [
      data.remediation !== null,
      data.remediation ? `${formatCount(data.remediation.done.length)} done, ${formatCount(data.remediation.overdue.length)} overdue` : ''
    ],
    'findings-trend': [
      data.findingsTrend !== null && data.findingsTrend.length > 0,
      data.findingsTrend ? plural(data.findingsTrend.length, 'scan') : ''
    ],
    agreements: [
      data.businessAssociates !== null,
      data.businessAssociates
        ? `${formatCount(data.businessAssociates.signed.length)} signed, ${formatCount(data.businessAssociates.expired.length)} expired`
        : ''
    ],
    'map-changes': [
      Boolean(data.mapChanges),
      data.mapChanges
        ? `${plural(data.mapChanges.assetsAdded.total, 'asset')} added, ${formatCount(data.mapChanges.assetsRemoved.total)} removed, ${plural(data.mapChanges.markings.total, 'marking')} set`
        : ''
    ],
    incidents: [data.incidents !== null, data.incidents ? plural(data.incidents.length, 'incident') : ''],
    'attached-evidence': [
      Boolean(data.attachedEvidence),
      data.attachedEvidence ? `${plural(data.attachedEvidence.total, 'piece')}, ${formatCount(data.attachedEvidence.stale)} stale` : ''
    ],
    'sign-offs': [true, `${data.signOffs.filter(s => s.reviewer).length} of ${data.signOffs.length} families signed off`]
  }
  return REVIEW_SECTIONS.map(({ id, title }) => {
    const [hasData, detail] = details[id]
    return { id, title, hasData, detail: hasData ? detail : 'Not recorded in this workspace' }
  })
}

export async function previewDocuments(ctx: CallContext, periodId?: string): Promise<DocumentsPreview> {
  const workspace = ctx.workspace()
  const facts = await readWorkspaceFacts(ctx, periodId)
  const set = policySet(workspace.path)
  const pack = await evidencePackData(facts, set)
  const review = await annualReviewData(ctx, facts)
  return {
    organization: facts.workspace.organization.name,
    period: pack.period,
    previousPeriod: review.previous?.label ?? null,
    policies: set.map(({ template, source }) => ({
      id: template.id,
      number: template.number,
      title: template.title,
      kind: template.kind,
      source,
      citations: template.implements.length
    })),
    policyOverrideDir: policyOverrideDir(workspace.path),
    defaultedValues: defaultedValues(policyFillData(facts)),
    pack: packSectionPreview(pack),
    review: reviewSectionPreview(review)
  }
}

export function customizePolicy(ctx: CallContext, id: string): { path: string } {
  const workspace = ctx.workspace()
  const set = policySet(workspace.path)
  const found = set.find(p => p.template.id === id)
  if (!found) throw new ApiError('not-found', `No policy with id ${id}.`)
  const dir = policyOverrideDir(workspace.path)
  const file = path.join(dir, `${found.template.number} ${id}.json`)
  if (found.source === 'override') {
    const existing = fs.readdirSync(dir).find(name => name.endsWith('.json') && name.includes(id))
    return { path: existing ? path.join(dir, existing) : file }
  }
  fs.mkdirSync(dir, { recursive: true })
  writeFileAtomic(file, Buffer.from(`${JSON.stringify(found.template, null, 2)}\n`))
  return { path: file }
}
