import type { EvidencePackData } from '../pack-data'
import { formatCount, formatLongDate, plural } from '../../format'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR, TYPE } from '../../pdf/theme'
import { baaAnswer, phiServicesAnswer } from '../procurement-answers'

import { answerTotals, isOverdue, ROLE_LABEL, yesPercent } from './shared'

export function executiveSummary(w: PdfWriter, data: EvidencePackData): void {
  const { totals, all, assessed } = answerTotals(data)
  const yesShare = yesPercent(totals)
  w.paragraph(
    `This pack describes the status of the administrative, physical and technical safeguards of ${data.organization.name}, a HIPAA ${ROLE_LABEL[data.organization.role].toLowerCase()}, against the Security Rule (45 CFR 164.308 to 164.316) and its handling of incidents under the Breach Notification Rule (45 CFR 164.400 to 164.414), for the ${data.period.label} assessment period, open gaps included. It is the organisation’s own account, not a certification or a finding of compliance: no government body certifies HIPAA compliance. Each statement below is drawn from the organisation’s assessment answers, imported cloud scanner results and its registers of business associates and incidents.`,
    { size: TYPE.body + 0.5, after: 12 }
  )
  const openRisks = (data.remediation ?? []).filter(r => r.status !== 'done')
  const highRisks = openRisks.filter(r => r.riskLevel === 'high' || r.riskLevel === 'critical').length
  w.statRow([
    { value: all ? `${assessed}/${all}` : '—', label: 'requirements assessed' },
    { value: yesShare === null ? '—' : `${yesShare}%`, label: 'of applicable items answered Yes', color: COLOR.good },
    { value: String(totals.no + totals.partly), label: 'gaps (No or Partly)', color: totals.no ? COLOR.bad : COLOR.partial },
    { value: String(highRisks), label: 'open high or critical risks', color: highRisks ? COLOR.bad : COLOR.good },
    {
      value: data.findings ? formatCount(data.findings.failed) : '—',
      label: 'failing scanner checks',
      color: data.findings?.failed ? COLOR.partial : COLOR.good
    }
  ])
  w.heading('Key points', 2)
  const points: string[] = []
  points.push(`Cloud agreement: ${baaAnswer(data).answer}`)
  points.push(`PHI services: ${phiServicesAnswer(data).answer}`)
  if (data.families) {
    const weakest = [...data.families]
      .filter(f => f.counts.no + f.counts.partly > 0)
      .sort((a, b) => b.counts.no + b.counts.partly - (a.counts.no + a.counts.partly))[0]
    points.push(
      weakest
        ? `Assessment: most open gaps are in ${weakest.label.replace(/ \(.*\)$/, '').toLowerCase()} (${plural(weakest.counts.no + weakest.counts.partly, 'requirement')} answered No or Partly).`
        : 'Assessment: no requirement is answered No or Partly.'
    )
  }
  if (data.remediation) {
    const overdue = data.remediation.filter(r => isOverdue(r, data.preparedOn)).length
    const done = data.remediation.filter(r => r.status === 'done').length
    points.push(
      `Remediation: ${plural(openRisks.length, 'item')} open, ${formatCount(done)} completed, ${formatCount(overdue)} overdue as of ${formatLongDate(data.preparedOn)}.`
    )
  }
  if (data.scans && data.findings) {
    points.push(
      `Cloud scans: ${plural(data.scans.length, 'scan')} imported, with ${formatCount(data.findings.total)} ${data.findings.unit ?? 'results'}: ${formatCount(data.findings.failed)} failing, of which ${formatCount(
        data.findings.bySeverity.critical.failed + data.findings.bySeverity.high.failed
      )} critical or high.`
    )
  }
  if (data.incidents) {
    const notifiable = data.incidents.filter(i => i.notifiable).length
    points.push(
      data.incidents.length === 0
        ? 'Incidents: none recorded in the period.'
        : `Incidents: ${plural(data.incidents.length, 'security incident')} recorded, ${formatCount(notifiable)} assessed as notifiable breach${notifiable === 1 ? '' : 'es'}.`
    )
  }
  w.bulletList(points)
  w.space(6)
  w.callout(
    'How to read this pack',
    'Requirements are cited by their exact paragraph in 45 CFR Part 164. R marks a Required implementation specification and A an Addressable one; for every Addressable specification not fully implemented, the documented decision and its reasoning are shown, as 164.306(d)(3) requires. Evidence files are identified by their SHA-256 fingerprint in the appendix so a reviewer can confirm a copy is unaltered.'
  )
}
