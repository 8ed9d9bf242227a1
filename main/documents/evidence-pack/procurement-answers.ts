import type { EvidencePackData, ProcurementStatement } from './pack-data'
import { formatCount, formatLongDate } from '../format'

/**
 * The three questions a health-department procurement team asks, answered in plain sentences
 * from the workspace. Each answer says "not recorded" rather than guess when data is missing.
 */

export type ProcurementAnswer = {
  question: string
  answer: string
  tone: 'good' | 'partial' | 'bad'
}

export const NOT_RECORDED = 'Not recorded in this workspace.'

const TONE = { yes: 'good', partly: 'partial', no: 'bad', unknown: 'bad' } as const

function fromStatement(question: string, statement: ProcurementStatement): ProcurementAnswer {
  const cited = statement.citations?.length ? ` (45 CFR ${statement.citations.join(', ')})` : ''
  return { question, answer: `${statement.answer}${cited}`, tone: TONE[statement.status] }
}

function listJoin(items: string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

export function baaAnswer(data: EvidencePackData): ProcurementAnswer {
  const question = `1. Is a Business Associate Agreement signed with the cloud provider?`
  const given = data.procurement.statements?.baa
  if (given) return fromStatement(question, given)
  const baa = data.procurement.cloudBaa
  const clients = data.procurement.clientBaas
  const clientText = clients
    ? ` With clients: ${formatCount(clients.signed)} of ${formatCount(clients.total)} business associate agreements are signed.`
    : ''
  if (!baa) return { question, answer: `${NOT_RECORDED}${clientText}`, tone: 'bad' }
  switch (baa.status) {
    case 'signed':
      return {
        question,
        answer: `Yes. ${data.organization.name} has a signed Business Associate Addendum with ${baa.provider}${
          baa.signedOn ? `, in effect since ${formatLongDate(baa.signedOn)}` : ''
        }.${baa.note ? ` ${baa.note}` : ''}${clientText}`,
        tone: clients && clients.signed < clients.total ? 'partial' : 'good'
      }
    case 'requested':
      return {
        question,
        answer: `Not yet. The agreement with ${baa.provider} has been requested but is not signed; protected health information must not be placed in the account until it is.${clientText}`,
        tone: 'partial'
      }
    default:
      return {
        question,
        answer: `No. The agreement with ${baa.provider} is ${baa.status === 'none' ? 'not in place' : baa.status}.${clientText}`,
        tone: 'bad'
      }
  }
}

export type PhiServiceCoverage = { service: string; eligible: boolean | null; covered: boolean }

export function phiServiceCoverage(data: EvidencePackData): PhiServiceCoverage[] | null {
  const services = data.procurement.phiServices
  if (!services) return null
  const statements = data.procurement.statements
  const signed = data.procurement.cloudBaa
    ? data.procurement.cloudBaa.status === 'signed'
    : statements?.baa?.status === 'yes' || statements?.services?.status === 'yes'
  return services.map(s => ({ ...s, covered: signed && s.eligible === true }))
}

export function phiServicesAnswer(data: EvidencePackData): ProcurementAnswer {
  const question = '2. Which services hold protected health information, and does the agreement cover them?'
  const given = data.procurement.statements?.services
  if (given) return fromStatement(question, given)
  const coverage = phiServiceCoverage(data)
  if (!coverage) return { question, answer: NOT_RECORDED, tone: 'bad' }
  if (coverage.length === 0) return { question, answer: 'No service is recorded as holding protected health information.', tone: 'partial' }
  const names = coverage.map(s => s.service)
  const uncovered = coverage.filter(s => !s.covered).map(s => s.service)
  const provider = data.procurement.cloudBaa?.provider ?? data.cloud.provider
  if (uncovered.length === 0) {
    return {
      question,
      answer: `${formatCount(coverage.length)} ${coverage.length === 1 ? 'service holds' : 'services hold'} protected health information: ${listJoin(names)}. Every one is on ${provider}'s list of HIPAA-eligible services and so within the signed agreement.`,
      tone: 'good'
    }
  }
  return {
    question,
    answer: `${formatCount(coverage.length)} ${coverage.length === 1 ? 'service holds' : 'services hold'} protected health information: ${listJoin(names)}. Not covered: ${listJoin(uncovered)}. This is a gap in the remediation plan.`,
    tone: 'bad'
  }
}

export function minimumNecessaryAnswer(data: EvidencePackData): ProcurementAnswer & { measures: string[] } {
  const question = '3. How is minimum necessary access enforced?'
  const mn = data.procurement.minimumNecessary
  const given = data.procurement.statements?.minimumNecessary
  if (given) return { ...fromStatement(question, given), measures: mn?.measures ?? [] }
  if (!mn) return { question, answer: NOT_RECORDED, tone: 'bad', measures: [] }
  return { question, answer: mn.summary, tone: mn.measures.length > 0 ? 'good' : 'partial', measures: mn.measures }
}
