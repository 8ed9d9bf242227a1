import type { RiskDetail } from '../risks/contract'
import { SAFEGUARD_NS } from './catalog-map'
import { assessmentRisk } from './assessment-results'
import { citationProps, ids, instant, line, metadata, paragraphs, prop, props } from './document-parts'
import type { OscalData } from './read-oscal-data'

/**
 * The OSCAL plan of action and milestones: one item per remediation task and per accepted risk, each
 * pointing at its risk. The model needs `system-id` or `import-ssp` (the JSON schema does not check
 * it): we have no SSP, so the workspace's id is the system's.
 */
export function buildPoam(data: OscalData) {
  const uuid = ids(data)
  const actor = { type: 'party', 'actor-uuid': uuid('party/organization') }
  const riskRef = (risk: RiskDetail) => ({ 'related-risks': [{ 'risk-uuid': uuid(`risk/${risk.key}`) }] })
  const citationsOf = (risk: RiskDetail) => [...new Set(risk.vulnerabilities.flatMap(v => v.citations))].sort()

  const taskItems = data.risks.flatMap(risk =>
    risk.tasks.map(task => ({
      uuid: uuid(`poam-item/task/${risk.key}/${task.id}`),
      title: line(task.title, `Task ${task.id}`),
      description: paragraphs(
        [
          `Remediation task for the risk "${line(risk.title, risk.key)}".`,
          task.owner ? `Owner: ${task.owner}.` : null,
          task.dueOn ? `Due ${task.dueOn}.` : 'No due date.',
          `Status: ${task.status}${task.doneOn ? `, done ${task.doneOn}` : ''}.`,
          task.evidence ? `Evidence: ${task.evidence}` : null
        ],
        `Task ${task.id}`
      ),
      ...props([
        prop('poam-kind', 'remediation-task'),
        prop('task-status', task.status),
        prop('owner', task.owner),
        prop('due-on', task.dueOn ?? ''),
        prop('evidence-attachment', task.evidenceAttachment ?? ''),
        ...citationProps(citationsOf(risk))
      ]),
      origins: [{ actors: [actor] }],
      ...riskRef(risk)
    }))
  )
  const accepted = data.risks.filter(r => r.treatment === 'accept' && r.status !== 'closed')
  const acceptanceItems = accepted.map(risk => ({
    uuid: uuid(`poam-item/acceptance/${risk.key}`),
    title: line(`Accepted risk: ${risk.title}`, risk.key),
    description: paragraphs(
      risk.acceptance
        ? [`Accepted by ${risk.acceptance.approver} on ${risk.acceptance.approvedOn}, until ${risk.acceptance.expiresOn}.`, risk.acceptance.reason]
        : ['Accepted (carried over from the earlier register without an approver or expiry).'],
      risk.key
    ),
    ...props([prop('poam-kind', 'accepted-risk'), ...citationProps(citationsOf(risk))]),
    origins: [{ actors: [actor] }],
    ...riskRef(risk)
  }))
  const items = [...taskItems, ...acceptanceItems]
  const referenced = data.risks.filter(r => r.tasks.length > 0 || accepted.includes(r))
  return {
    'plan-of-action-and-milestones': {
      uuid: uuid(`poam/${data.period.id}`),
      metadata: metadata(data, line(`${data.organization}: HIPAA Security Rule plan of action and milestones, ${data.period.id}`, 'POA&M'), uuid),
      'system-id': { 'identifier-type': SAFEGUARD_NS, id: data.workspaceUid },
      ...(referenced.length ? { risks: referenced.map(r => ({ ...assessmentRisk(r, uuid, actor), ...remediations(r, uuid) })) } : {}),
      'poam-items': items.length
        ? items
        : [
            {
              uuid: uuid(`poam-item/none/${data.period.id}`),
              title: 'No remediation tasks or accepted risks recorded',
              description: 'The risk register of the period has no remediation task and no accepted risk.'
            }
          ]
    }
  }
}

/** A mitigated risk's tasks as the milestones of one planned (or, when all are done, completed) response. */
function remediations(risk: RiskDetail, uuid: (name: string) => string) {
  if (risk.tasks.length === 0) return {}
  return {
    remediations: [
      {
        uuid: uuid(`response/${risk.key}`),
        lifecycle: risk.tasks.every(t => t.status === 'done') ? 'completed' : 'planned',
        title: line(`Remediation of ${risk.title}`, risk.key),
        description: paragraphs([risk.treatmentPlan], 'The remediation tasks of the risk register.'),
        tasks: risk.tasks.map(task => ({
          uuid: uuid(`milestone/${risk.key}/${task.id}`),
          type: 'milestone',
          title: line(task.title, `Task ${task.id}`),
          ...(task.dueOn ? { timing: { 'on-date': { date: instant(task.dueOn) } } } : {})
        }))
      }
    ]
  }
}
