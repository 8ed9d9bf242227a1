import type { Db } from '../../db/driver'
import { PROVIDER_NAMES, PROVIDER_PATTERNS } from '../../assessment/reads'
import { listAnswers } from '../../assessment/db/answers'
import { getCurrentPeriod } from '../../assessment/db/periods'
import type { BusinessAssociate } from '../../baas/contract'
import { listBusinessAssociates } from '../../baas/db/business-associates'
import { listScans } from '../../scanners/db/scans'
import { getWorkspaceProfile } from '../../workspace/db/workspace-profile'
import { plural } from '../../shared/count-text'
import type { GettingStartedStep } from './dashboard-view'

/**
 * A new workspace's first steps, each done when the data shows it, never by a tick of its own: the
 * organisation described, a first question answered, a first scan imported, and the agreement with the
 * cloud provider recorded as signed (left out when the profile says the organisation runs no cloud).
 */
export function gettingStartedSteps(db: Db, asOf: string): GettingStartedStep[] {
  const profile = getWorkspaceProfile(db)
  const period = getCurrentPeriod(db)
  const answered = period ? listAnswers(db, period.id).filter(answer => answer.value !== 'not-assessed').length : 0
  const scans = listScans(db).length
  const steps: GettingStartedStep[] = [
    {
      id: 'profile',
      title: 'Describe the organisation',
      done: profile?.profileComplete ?? false,
      detail: profile?.profileComplete ? `Described as ${profile.organization.name}.` : 'Its name, its role under HIPAA and the cloud it runs on.'
    },
    {
      id: 'first-answer',
      title: 'Answer the first assessment questions',
      done: answered > 0,
      detail: answered > 0 ? `${plural(answered, 'question')} answered so far.` : 'The questionnaire walks through each Security Rule safeguard.'
    },
    {
      id: 'first-scan',
      title: 'Import a first cloud scan',
      done: scans > 0,
      detail:
        scans > 0
          ? `${plural(scans, 'scan')} imported.`
          : 'The output of Prowler, AWS Security Hub, ScoutSuite, AWS Config or Steampipe, as evidence for the technical safeguards.'
    }
  ]
  const provider = profile?.organization.cloudProvider ?? 'aws'
  if (provider !== 'none') steps.push(cloudAgreementStep(listBusinessAssociates(db), provider, asOf))
  return steps
}

function inForce(associate: BusinessAssociate, asOf: string): boolean {
  return associate.baaStatus === 'signed' && (associate.expiresOn === null || associate.expiresOn >= asOf)
}

/** The register is the record of the agreement; a provider the app cannot recognise by name ('other') counts any signed business associate. */
function cloudAgreementStep(associates: readonly BusinessAssociate[], provider: string, asOf: string): GettingStartedStep {
  const providerName = PROVIDER_NAMES[provider] ?? 'the cloud provider'
  const pattern = PROVIDER_PATTERNS[provider]
  const candidates = associates.filter(a => a.relationship !== 'covered-entity-client' && (pattern ? pattern.test(a.name) : true))
  const signed = candidates.find(a => inForce(a, asOf))
  return {
    id: 'cloud-baa',
    title: `Record the business associate agreement with ${providerName}`,
    done: signed !== undefined,
    detail: signed
      ? `${signed.name}: signed${signed.effectiveOn ? `, in effect since ${signed.effectiveOn}` : ''}.`
      : candidates.length > 0
        ? `${candidates[0]!.name} is in the register without a signed agreement in force.`
        : `Add ${providerName} to the business associate register with its agreement's status and dates.`
  }
}
