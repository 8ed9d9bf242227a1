// The three questions a health department's procurement team asks, answered
// from the assessment: BAAs, services holding PHI, minimum necessary access.
import type { BusinessAssociate } from '../baas/contract'
import type { AnswerValue } from './catalog.types'
import type { InventoryItem, ProcurementAnswer, ProcurementAnswerId, ProcurementStatus, ProcurementView } from './contract'
import type { AssessmentState } from './questionnaire'
import { plural } from '../shared/count-text'
import { compareCitations } from '../shared/citation'
import { procurementAnswerText, procurementViewText } from './procurement-text'

export const PROVIDER_NAMES: Record<string, string> = { aws: 'AWS', azure: 'Microsoft Azure', gcp: 'Google Cloud', other: 'the cloud provider' }
/** How a provider's entry is recognised in the business associate register. */
export const PROVIDER_PATTERNS: Record<string, RegExp> = {
  aws: /\b(aws|amazon web services)\b/i,
  azure: /\b(azure|microsoft)\b/i,
  gcp: /\b(google cloud|gcp|google)\b/i
}

/** What the business associate register (issue 5) knows, if it has entries. */
export interface RegisterFacts {
  associates: BusinessAssociate[]
  /** Today's date, to tell whether a signed agreement has expired. */
  asOf: string
}

function inForce(associate: BusinessAssociate, asOf: string): boolean {
  return associate.baaStatus === 'signed' && (associate.expiresOn === null || associate.expiresOn >= asOf)
}

/** The assessment questions each procurement answer is built from. */
export const PROCUREMENT_SOURCES = {
  cloudBaa: 'q-308-b3-2',
  clientBaa: 'q-308-b3-3',
  minimumNecessary: {
    'q-308-a4-i-1': 'a written access policy gives each role only the health data it needs',
    'q-308-a4-iiB-1': 'access is granted through a request and approval by someone responsible',
    'q-308-a4-iiC-1': 'accounts and permissions are reviewed regularly and unneeded access is removed',
    'q-312-a1-1': 'systems enforce sign-in and role-based permissions',
    'q-312-a1-2': 'administrator and service accounts have only the permissions they need',
    'q-312-a2-i-1': 'every person has their own account, so access can be traced to them',
    'q-cloud-iam-1': 'cloud access goes through least-privilege IAM roles without long-lived keys'
  } as Record<string, string>
} as const

const STATUS_OF: Record<AnswerValue, ProcurementStatus> = {
  yes: 'yes',
  partly: 'partly',
  no: 'no',
  na: 'unknown',
  'not-assessed': 'unknown'
}

/** All parts agree: that status. Mixed: partly. Nothing known: unknown. */
export function combineStatuses(statuses: ProcurementStatus[]): ProcurementStatus {
  if (statuses.length === 0) return 'unknown'
  const first = statuses[0]!
  if (statuses.every(s => s === first)) return first
  if (statuses.every(s => s === 'unknown' || s === 'yes')) return 'partly'
  return statuses.includes('yes') || statuses.includes('partly') ? 'partly' : statuses.includes('no') ? 'no' : 'unknown'
}

interface Part {
  status: ProcurementStatus
  sentence: string
  citations: string[]
  basis: string
}

/** Where an answer built from the questionnaire comes from, as the basis names it. */
const ASSESSMENT_BASIS = 'assessment answers'

/** Each citation once, in the rule's order (two questions on one paragraph cite it once). */
function uniqueCitations(citations: readonly string[]): string[] {
  return [...new Set(citations)].sort(compareCitations)
}

/** The one place an answer is put together: the view, Copy, Export and the evidence pack all read this. */
function procurementAnswer(
  fields: Omit<ProcurementAnswer, 'text' | 'citations' | 'basis'> & { citations: readonly string[]; basis: readonly string[] }
): ProcurementAnswer {
  const answer = { ...fields, citations: uniqueCitations(fields.citations), basis: [...new Set(fields.basis)] }
  return { ...answer, text: procurementAnswerText(answer) }
}

const QUESTIONS: Record<ProcurementAnswerId, string> = {
  baa: 'Do you have a Business Associate Agreement (BAA)?',
  services: 'Which {provider} services hold PHI, and are they covered by the BAA?',
  minimumNecessary: 'How do you enforce minimum necessary access?'
}

function answerPart(state: AssessmentState, questionId: string, subject: string): Part | null {
  const item = state.items.find(i => i.id === questionId)
  if (!item || !item.applies) return null
  const answer = item.answer
  const notes = answer?.notes.trim() ? ` (${answer.notes.trim()})` : ''
  const confirm = answer?.toConfirm ? ' This was last year’s answer and has not been confirmed yet.' : ''
  const status = answer ? STATUS_OF[answer.value] : 'unknown'
  const sentence = {
    yes: `Yes, ${subject} is signed${notes}.`,
    partly: `Partly: ${subject} is not complete${notes}.`,
    no: `No, ${subject} is not signed yet${notes}.`,
    unknown: `Not answered yet: whether ${subject} is signed (see ${item.citations[0] ?? 'the assessment'}).`
  }[status]
  return { status, sentence: sentence + confirm, citations: item.citations, basis: ASSESSMENT_BASIS }
}

/** The provider's agreement as the register records it, or null when the register has no entry for it. */
function registerProviderPart(register: RegisterFacts | undefined, provider: string, providerName: string, citations: string[]): Part | null {
  const pattern = PROVIDER_PATTERNS[provider]
  const entry = pattern && register?.associates.find(a => a.relationship !== 'covered-entity-client' && pattern.test(a.name))
  if (!entry || !register) return null
  const signed = inForce(entry, register.asOf)
  return {
    status: signed ? 'yes' : 'no',
    sentence: signed
      ? `Yes, the business associate addendum with ${providerName} is signed${entry.effectiveOn ? ` (in effect since ${entry.effectiveOn})` : ''}.`
      : `No, the business associate register shows no agreement in force with ${providerName} (status: ${entry.baaStatus}).`,
    citations,
    basis: `business associate register: ${entry.name}`
  }
}

/** Agreements with each client, as the register records them, or null when it lists no clients. */
function registerClientsPart(register: RegisterFacts | undefined, citations: string[]): Part | null {
  const clients = register?.associates.filter(a => a.relationship === 'covered-entity-client') ?? []
  if (!register || clients.length === 0) return null
  const missing = clients.filter(c => !inForce(c, register.asOf))
  const status: ProcurementStatus = missing.length === 0 ? 'yes' : missing.length === clients.length ? 'no' : 'partly'
  const sentence =
    missing.length === 0
      ? `Yes, each of the ${clients.length} client(s) in the register has a signed business associate agreement in force.`
      : `${clients.length - missing.length} of ${clients.length} client(s) have a signed business associate agreement in force; still missing: ${missing.map(c => c.name).join(', ')}.`
  return { status, sentence, citations, basis: `business associate register: ${clients.length} client(s)` }
}

function citationsOf(state: AssessmentState, questionId: string): string[] {
  return state.items.find(i => i.id === questionId)?.citations ?? []
}

/** The cloud provider's agreement: the register's entry for it when there is one, else the assessment answer. */
function cloudBaaPart(state: AssessmentState, provider: string, providerName: string, register: RegisterFacts | undefined): Part | null {
  const citations = citationsOf(state, PROCUREMENT_SOURCES.cloudBaa)
  return (
    registerProviderPart(register, provider, providerName, citations) ??
    answerPart(state, PROCUREMENT_SOURCES.cloudBaa, `the business associate addendum with ${providerName}`)
  )
}

function baaAnswer(state: AssessmentState, providerName: string, provider: string, register: RegisterFacts | undefined): ProcurementAnswer {
  const usesCloud = state.items.find(i => i.id === PROCUREMENT_SOURCES.cloudBaa)?.applies ?? false
  const isBusinessAssociate = state.items.find(i => i.id === PROCUREMENT_SOURCES.clientBaa)?.applies ?? false
  // The register is the record of the agreements themselves; the assessment answers are the fallback.
  const parts = [
    usesCloud ? cloudBaaPart(state, provider, providerName, register) : null,
    isBusinessAssociate
      ? (registerClientsPart(register, citationsOf(state, PROCUREMENT_SOURCES.clientBaa)) ??
        answerPart(state, PROCUREMENT_SOURCES.clientBaa, 'a business associate agreement with each client'))
      : null
  ].filter((p): p is Part => p !== null)
  if (parts.length === 0) {
    return procurementAnswer({
      id: 'baa',
      question: QUESTIONS.baa,
      kind: 'status',
      status: 'unknown',
      answer:
        'The organisation profile says there is neither a self-managed cloud nor a client relationship as business associate, so no BAA question applies. Check the profile if that is wrong.',
      citations: [],
      basis: ['organisation profile']
    })
  }
  return procurementAnswer({
    id: 'baa',
    question: QUESTIONS.baa,
    kind: 'status',
    status: combineStatuses(parts.map(p => p.status)),
    answer: parts.map(p => p.sentence).join(' '),
    citations: parts.flatMap(p => p.citations),
    basis: parts.map(p => p.basis)
  })
}

function servicesAnswer(inventory: InventoryItem[], cloudBaa: Part | null, providerName: string): ProcurementView['services'] {
  const phi = inventory.filter(i => i.holdsPhi)
  const question = QUESTIONS.services.replace('{provider}', providerName)
  const baaStatus = cloudBaa?.status ?? 'unknown'
  const citations = cloudBaa?.citations ?? []
  // Eligibility known only from the maintainers, not from the provider's list the catalog was built from, is not a fact to sell.
  const believed = (i: InventoryItem) => i.eligibility === 'eligible' && i.eligibilityBasis === 'maintainer-knowledge'
  const phiServices = phi.map(i => ({ name: i.name, eligibility: believed(i) ? ('unknown' as const) : i.eligibility }))
  // With a data-flow map, the services holding PHI are those of its PHI assets (plus any ticked by hand).
  const fromMap = inventory.some(i => i.fromMap !== undefined)
  const sources = fromMap ? ['data-flow map', 'cloud service inventory'] : ['cloud service inventory']
  if (phi.length === 0) {
    return {
      ...procurementAnswer({
        id: 'services',
        question,
        kind: 'status',
        status: 'unknown',
        answer: fromMap
          ? 'The data-flow map shows no asset holding health data yet, and no service is marked in the inventory. Mark the zones or assets that hold PHI on the map.'
          : 'No service is marked as holding health data yet. Mark them in the cloud service inventory.',
        citations,
        basis: sources
      }),
      phiServices
    }
  }
  const names = (items: InventoryItem[]) => items.map(i => i.name).join(', ')
  const eligible = phi.filter(i => i.eligibility === 'eligible' && !believed(i))
  const uncertain = phi.filter(believed)
  const notEligible = phi.filter(i => i.eligibility === 'not-eligible')
  const unknown = phi.filter(i => i.eligibility === 'unknown')
  const mapped = phi.filter(i => (i.fromMap?.phiAssets ?? 0) > 0)
  const sentences = [
    `Services holding health data: ${names(phi)}.`,
    ...(fromMap
      ? [
          `The data-flow map shows PHI in ${mapped.length} of them (${mapped.map(i => `${i.name}: ${plural(i.fromMap!.phiAssets, 'asset')}`).join(', ') || 'none'}).`
        ]
      : [])
  ]
  if (eligible.length) sentences.push(`Eligible under the ${providerName} business associate addendum: ${names(eligible)}.`)
  if (notEligible.length) sentences.push(`Not eligible, a gap to fix: ${names(notEligible)}.`)
  if (uncertain.length)
    sentences.push(
      `Believed eligible but not in the provider's list this assessment was built from; verify against its current list: ${names(uncertain)}.`
    )
  if (unknown.length) sentences.push(`Eligibility not confirmed: ${names(unknown)}.`)
  if (baaStatus !== 'yes')
    sentences.push(`Eligible services are only covered once the addendum is accepted, which the assessment does not confirm yet.`)
  const status: ProcurementStatus = notEligible.length > 0 ? 'no' : unknown.length + uncertain.length > 0 || baaStatus !== 'yes' ? 'partly' : 'yes'
  return {
    ...procurementAnswer({
      id: 'services',
      question,
      kind: 'status',
      status,
      answer: sentences.join(' '),
      citations,
      basis: [...sources, cloudBaa?.basis ?? ASSESSMENT_BASIS]
    }),
    phiServices
  }
}

function minimumNecessaryAnswer(state: AssessmentState): ProcurementAnswer {
  const groups: Record<ProcurementStatus, string[]> = { yes: [], partly: [], no: [], unknown: [] }
  const citations: string[] = []
  for (const [questionId, measure] of Object.entries(PROCUREMENT_SOURCES.minimumNecessary)) {
    const item = state.items.find(i => i.id === questionId)
    if (!item || !item.applies) continue
    const status = item.answer ? STATUS_OF[item.answer.value] : 'unknown'
    const notes = item.answer?.notes.trim() ? ` (${item.answer.notes.trim()})` : ''
    groups[status].push(measure + notes)
    citations.push(...item.citations)
  }
  const sentences: string[] = []
  if (groups.yes.length) sentences.push(`In place: ${groups.yes.join('; ')}.`)
  if (groups.partly.length) sentences.push(`Partly in place: ${groups.partly.join('; ')}.`)
  if (groups.no.length) sentences.push(`Not in place yet: ${groups.no.join('; ')}.`)
  if (groups.unknown.length) sentences.push(`Not assessed yet: ${groups.unknown.join('; ')}.`)
  const known = (['yes', 'partly', 'no'] as const).flatMap(s => groups[s].map(() => s))
  // A description of measures, not a yes or no: its status only tells whether anything is assessed yet.
  return procurementAnswer({
    id: 'minimumNecessary',
    question: QUESTIONS.minimumNecessary,
    kind: 'descriptive',
    status: known.length === 0 ? 'unknown' : combineStatuses(known),
    answer: sentences.join(' ') || 'Not assessed yet.',
    citations,
    basis: [ASSESSMENT_BASIS]
  })
}

export function buildProcurement(
  state: AssessmentState,
  inventory: InventoryItem[],
  cloudProvider: string,
  register?: RegisterFacts
): ProcurementView {
  const providerName = PROVIDER_NAMES[cloudProvider] ?? 'the cloud provider'
  const answers = {
    baa: baaAnswer(state, providerName, cloudProvider, register),
    services: servicesAnswer(inventory, cloudBaaPart(state, cloudProvider, providerName, register), providerName),
    minimumNecessary: minimumNecessaryAnswer(state)
  }
  return { period: state.period, ...answers, text: procurementViewText([answers.baa, answers.services, answers.minimumNecessary]) }
}
