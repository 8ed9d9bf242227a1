import fs from 'node:fs'
import path from 'node:path'
import { createCallContext } from '../api/call-context'
import type { CallName, InputOf, OutputOf } from '../api/contract'
import { callHandler } from '../api/dispatch'
import { ApiError, isApiError } from '../shared/errors'
import { headlessHost } from '../api/host'
import { Session, type SessionOptions } from '../workspace/session'
import { writeAgreementRecord } from './demo-agreement'
import { addDemoDataFlowMap } from './demo-infrastructure'
import { addDemoEvidence } from './demo-evidence'
import { writeProwlerOcsfScan } from './demo-scan'
import { addDemoRiskAnalysis } from '../risks/demo-risks'

/**
 * A demo workspace for a fictitious clinic on AWS, built through the features' own calls as a
 * user would: two assessment periods (last year and this year), risks, decisions, sign-offs, the
 * cloud inventory, two imported scans, business associates and an incident. Everything is
 * synthetic: no real organisation, person, account or patient. Deterministic apart from today's date.
 */

export const DEMO_ORGANIZATION = 'Juniper Ridge Family Practice'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

function caller(session: Session): Call {
  return async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
}

/** Calls of features that may not be part of this build: skipped (with a note) when unknown. */
async function optional(call: Call, skipped: string[], what: string, run: (call: Call) => Promise<unknown>): Promise<void> {
  try {
    await run(call)
  } catch (error) {
    if (isApiError(error) && error.code === 'unknown-call') skipped.push(what)
    else throw error
  }
}

/** A stable number in [0, 1) from a text, so the demo answers the same way every time. */
function score(text: string): number {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return ((h >>> 0) % 1000) / 1000
}

function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const day = m === 2 && d === 29 ? 28 : d
  return `${y + years}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function addDays(date: string, days: number): string {
  const t = new Date(`${date}T12:00:00Z`)
  t.setUTCDate(t.getUTCDate() + days)
  return t.toISOString().slice(0, 10)
}

const PROFILE: Record<string, boolean> = {
  isCoveredEntity: true,
  isBusinessAssociate: false,
  isClearinghouse: false,
  isGroupHealthPlanSponsor: false,
  isGovernmentEntity: false,
  hasPhysicalOffice: true,
  hasOnPremServers: false,
  usesCloudHosting: true,
  usesPortableDevices: true,
  hasRemoteWorkforce: true,
  usesVendorsWithPhi: true
}

const SERVICES_IN_USE = [/EC2/, /RDS/, /S3/, /Secrets Manager/, /CloudWatch/, /VPC/, /IAM/, /KMS/, /Load Balanc|ELB|ALB/, /Lambda/]
const PHI_SERVICES = [/EC2/, /RDS/, /S3/]

const OWNERS = ['Dana Whitfield', 'Marcus Oyelaran', 'IT contractor (Cobalt Systems)']

async function answerAll(call: Call, year: 'previous' | 'current'): Promise<void> {
  const view = await call('assessment.questionnaire', {})
  for (const item of view.items) {
    if (!item.applies) continue
    const s = score(item.id)
    // Last year more gaps; this year most of them closed.
    const value =
      year === 'previous'
        ? s < 0.66
          ? 'yes'
          : s < 0.8
            ? 'partly'
            : s < 0.9
              ? 'no'
              : s < 0.95
                ? 'na'
                : 'yes'
        : s < 0.82
          ? 'yes'
          : s < 0.9
            ? 'partly'
            : s < 0.94
              ? 'no'
              : s < 0.97
                ? 'na'
                : 'yes'
    const field = item.valueField
    const fieldValue = field ? (field.recommended ?? (field.type === 'number' ? (field.min ?? 1) : (field.choices?.[0] ?? ''))) : undefined
    await call('assessment.setAnswer', {
      questionId: item.id,
      value: item.group === 'cloud' && item.citations.length === 0 ? 'yes' : value,
      ...(fieldValue !== undefined ? { fieldValue } : {}),
      notes: value === 'partly' ? 'In progress; see the remediation plan.' : ''
    })
  }
  // The answers the procurement questions rest on, given plainly.
  for (const [id, notes] of [
    ['q-308-b3-2', 'Accepted in AWS Artifact for the production account'],
    ['q-308-a4-i-1', ''],
    ['q-312-a1-2', ''],
    ['q-cloud-iam-1', '']
  ] as const) {
    if (view.items.find(i => i.id === id)?.applies) await call('assessment.setAnswer', { questionId: id, value: 'yes', notes })
  }
}

async function recordDecisionsAndRisks(call: Call, today: string, year: 'previous' | 'current'): Promise<void> {
  // Decisions carried over from last year are withdrawn; the ones still needed are recorded again.
  for (const decision of (await call('assessment.questionnaire', {})).decisions) {
    await call('assessment.setDecision', { citation: decision.citation, decision: null })
  }
  const view = await call('assessment.questionnaire', { filter: 'decision-needed' })
  const all = await call('assessment.questionnaire', {})
  const seen = new Set<string>()
  for (const item of view.items) {
    for (const citation of item.citations) {
      if (seen.has(citation) || item.requirement !== 'addressable') continue
      seen.add(citation)
      // Coherent with the answers: a specification partly in place (any of its questions Yes or Partly) is completed
      // by a lasting alternative, never 'not reasonable'; one not in place is either not reasonable or met by an alternative.
      const partlyInPlace = all.items.some(i => i.citations.includes(citation) && (i.answer?.value === 'yes' || i.answer?.value === 'partly'))
      const alternative = partlyInPlace || score(citation) < 0.5
      await call('assessment.setDecision', {
        citation,
        decision: alternative ? 'equivalent-alternative' : 'not-reasonable',
        explanation: alternative
          ? 'The purpose of the specification is met by an equivalent measure: the cloud provider’s managed service enforces it, and the practice reviews its settings every quarter.'
          : 'Assessed against the practice’s size and cloud-only setup; the provider’s audited controls cover this, and the residual risk is recorded in the risk analysis.',
        decidedBy: 'Dana Whitfield',
        decidedOn: today
      })
    }
  }
  const risks = await call('assessment.risks', {})
  for (const [i, risk] of risks.entries()) {
    const s = score(risk.questionId)
    const likelihood = 1 + Math.floor(s * 5)
    const impact = 2 + Math.floor(score(`${risk.questionId}:impact`) * 4)
    const dueOffset = year === 'previous' ? 120 + i * 7 : i % 4 === 0 ? -20 : 30 + i * 5
    await call('assessment.rateRisk', {
      questionId: risk.questionId,
      likelihood,
      impact,
      owner: OWNERS[i % OWNERS.length]!,
      remediation: `${risk.topic}: finish the remaining actions and record the evidence.`,
      dueOn: addDays(today, dueOffset),
      status: year === 'current' && i % 5 === 1 ? 'in-progress' : 'open'
    })
  }
}

async function signOff(call: Call, today: string, families: string[]): Promise<void> {
  const reviewers = ['Dana Whitfield', 'Marcus Oyelaran', 'Dr. Lena Park']
  for (const [i, group] of families.entries()) {
    await call('assessment.signOff', { group: group as 'administrative', reviewer: reviewers[i % reviewers.length]!, signedOn: today })
  }
}

async function setInventory(call: Call): Promise<void> {
  const inventory = await call('assessment.inventory', {})
  for (const service of inventory.items) {
    const inUse = SERVICES_IN_USE.some(re => re.test(service.name))
    if (!inUse) continue
    await call('assessment.setService', {
      serviceId: service.serviceId,
      inUse: true,
      holdsPhi: PHI_SERVICES.some(re => re.test(service.name))
    })
  }
}

export type DemoResult = {
  workspacePath: string
  scanFiles: string[]
  previousPeriod: string
  currentPeriod: string
  /** Features not in this build, whose demo data was left out. */
  skipped: string[]
}

/** `keyProvider`: the program's, so the demo is created (and reopened) as any new workspace of that program would be. */
export async function createDemoWorkspace(
  dir: string,
  options: Pick<SessionOptions, 'keyProvider'> & { today: string; appVersion: string }
): Promise<DemoResult> {
  fs.mkdirSync(dir, { recursive: true })
  const workspacePath = path.join(dir, `${DEMO_ORGANIZATION}.safeguard`)
  if (fs.existsSync(workspacePath)) {
    throw new ApiError('already-exists', `${workspacePath} already exists; choose an empty folder for the demo.`)
  }
  const today = options.today
  const lastYear = shiftYears(today, -1)
  const skipped: string[] = []
  const scanDir = path.join(dir, 'scanner output')
  fs.mkdirSync(scanDir, { recursive: true })
  const scanFiles = [
    writeProwlerOcsfScan(path.join(scanDir, `prowler-output-210987654321-${lastYear.replaceAll('-', '')}.ocsf.json`), {
      date: lastYear,
      seed: 1,
      failShare: 0.42
    }),
    writeProwlerOcsfScan(path.join(scanDir, `prowler-output-210987654321-${addDays(today, -14).replaceAll('-', '')}.ocsf.json`), {
      date: addDays(today, -14),
      seed: 2,
      failShare: 0.24
    })
  ]

  // Last year's assessment, made with last year's clock.
  const choices = { keyProvider: options.keyProvider }
  const before = new Session({ dataDir: null, appVersion: options.appVersion, ...choices, now: () => new Date(`${lastYear}T15:00:00Z`) })
  try {
    const call = caller(before)
    await call('workspace.create', {
      path: workspacePath,
      organization: {
        name: DEMO_ORGANIZATION,
        role: 'covered-entity',
        contactName: 'Dana Whitfield',
        contactEmail: 'security@juniper-ridge.example',
        contactPhone: '555-0142',
        cloudProvider: 'aws'
      }
    })
    for (const [key, value] of Object.entries(PROFILE)) await call('assessment.setProfile', { key, value })
    await setInventory(call)
    await answerAll(call, 'previous')
    await recordDecisionsAndRisks(call, lastYear, 'previous')
    await signOff(call, lastYear, ['administrative', 'physical', 'technical', 'organizational', 'documentation'])
    await optional(call, skipped, 'scans', c => c('scans.import' as CallName, { paths: [scanFiles[0]!] } as never))
  } finally {
    before.close()
  }

  // This year's: the next period, confirmed and improved, with the register and the incident log.
  const now = new Session({ dataDir: null, appVersion: options.appVersion, ...choices, now: () => new Date(`${today}T15:00:00Z`) })
  try {
    const call = caller(now)
    await call('workspace.open', { path: workspacePath })
    const period = await call('assessment.startNextPeriod', {})
    await answerAll(call, 'current')
    await recordDecisionsAndRisks(call, today, 'current')
    await signOff(call, addDays(today, -3), ['administrative', 'physical', 'technical', 'documentation'])
    await optional(call, skipped, 'scans', c => c('scans.import' as CallName, { paths: [scanFiles[1]!] } as never))
    await optional(call, skipped, 'business associates', async c => {
      const associates = [
        {
          name: 'Amazon Web Services',
          services: 'Cloud hosting of the practice-management system',
          phiCategories: ['All ePHI at rest'],
          assets: ['AWS account 210987654321'],
          baaStatus: 'signed',
          effectiveOn: shiftYears(today, -2),
          reviewEveryMonths: 12,
          lastReviewOn: addDays(today, -60)
        },
        {
          name: 'Northwind Billing Services',
          services: 'Claims submission and payment posting',
          phiCategories: ['Demographics', 'Claims'],
          baaStatus: 'signed',
          effectiveOn: addDays(today, -150),
          expiresOn: addDays(today, 580),
          reviewEveryMonths: 12,
          breachReportingDays: 10
        },
        {
          name: 'Clearwater Shredding Co.',
          services: 'Paper and media destruction',
          phiCategories: ['Paper records', 'Retired drives'],
          baaStatus: 'expired',
          effectiveOn: shiftYears(today, -3),
          expiresOn: addDays(today, -40)
        },
        { name: 'Bluepine Transcription', services: 'Dictation transcription', phiCategories: ['Clinical notes'], baaStatus: 'requested' }
      ]
      for (const associate of associates) {
        const created = (await c('baas.create' as CallName, { associate } as never)) as unknown as { id: number }
        if (associate.name === 'Amazon Web Services') {
          const file = await writeAgreementRecord(path.join(dir, 'aws-baa-acceptance-record.pdf'), associate.effectiveOn!)
          await c('baas.attachAgreement' as CallName, { id: created.id, path: file } as never)
        }
      }
    })
    await optional(call, skipped, 'incidents', async c => {
      await c(
        'incidents.create' as CallName,
        {
          incident: {
            title: 'Lost laptop (full-disk encrypted)',
            discoveredOn: addDays(today, -200),
            role: 'covered-entity',
            assessment: {
              outcome: 'secured',
              reason: 'Full-disk encryption (BitLocker, AES-256); the recovery key was held in the IT vault, not with the laptop'
            },
            affectedByState: { OR: 0 }
          }
        } as never
      )
      await c(
        'incidents.create' as CallName,
        {
          incident: {
            title: 'Appointment list e-mailed to the wrong clinic',
            discoveredOn: addDays(today, -45),
            breachOn: addDays(today, -46),
            role: 'covered-entity',
            unsecuredPhi: true,
            affectedByState: { OR: 31, WA: 6 }
          }
        } as never
      )
    })
    await optional(call, skipped, 'evidence', c => {
      const agreementRecord = path.join(dir, 'aws-baa-acceptance-record.pdf')
      return addDemoEvidence(c, dir, today, fs.existsSync(agreementRecord) ? agreementRecord : null)
    })
    await optional(call, skipped, 'data-flow map', c => addDemoDataFlowMap(c, dir, addDays(today, -30)))
    await optional(call, skipped, 'risk analysis', c => addDemoRiskAnalysis(c, today))
    // A practice that keeps its cycle: most recurring duties recorded as done; the penetration test never was.
    await optional(call, skipped, 'calendar', async c => {
      const doneDaysAgo: Record<string, number> = {
        'risk-analysis': 20,
        'security-evaluation': 20,
        'asset-inventory-review': 30,
        'policy-review': 90,
        'workforce-training': 120,
        'contingency-plan-test': 200,
        'vulnerability-scan': 14,
        'compliance-audit': 300
      }
      for (const [definitionId, days] of Object.entries(doneDaysAgo)) {
        await c('calendar.recordCompletion' as CallName, { definitionId, doneOn: addDays(today, -days), note: '' } as never)
      }
    })
    return { workspacePath, scanFiles, previousPeriod: lastYear.slice(0, 4), currentPeriod: period.id, skipped: [...new Set(skipped)] }
  } finally {
    now.close()
  }
}
