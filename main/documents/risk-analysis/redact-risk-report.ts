import type { RiskReportData } from '../../risks/reads'

/** The analysis with every name and free text passed through the pack's redactor: asset names and titles can name cloud resources. */
export function redactRiskReport(report: RiskReportData, redact: (text: string) => string): RiskReportData {
  return {
    ...report,
    method: { ...report.method, notAssessed: report.method.notAssessed.map(redact) },
    topRisks: report.topRisks.map(r => ({ ...r, title: redact(r.title), assets: r.assets.map(redact), treatmentText: redact(r.treatmentText) })),
    accepted: report.accepted.map(a => ({ ...a, title: redact(a.title), reason: a.reason === null ? null : redact(a.reason) }))
  }
}
