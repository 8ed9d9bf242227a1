// Why a check of a format maps to no Security Rule specification, said in the import report
// beside each unmapped check. A format that knows more (Powerpipe's benchmark) gives its own.

import type { FormatId } from '../finding.types'

const PROWLER =
  "the file names no HIPAA requirement for it and Prowler's HIPAA mapping (AWS, Azure, GCP), which Safeguard's table follows, does not list the check"

export function unmappedReason(format: FormatId): string {
  switch (format) {
    case 'prowler-v2-ndjson':
    case 'prowler-v2-csv':
      return "Prowler 2 check ids (check11, extra72) predate the ids of Prowler's HIPAA mapping, and the record names no HIPAA requirement"
    case 'prowler-v3-json':
    case 'prowler-ocsf':
    case 'prowler-csv':
    case 'prowler-asff':
      return PROWLER
    case 'securityhub-asff':
    case 'securityhub-ocsf':
      return 'Safeguard maps Security Hub controls through the AWS Config rules of the HIPAA conformance pack; this control has none there, or the finding (GuardDuty, Inspector) is not a control check'
    case 'scoutsuite':
      return "ScoutSuite's output carries no HIPAA mapping, and Safeguard's ScoutSuite table pairs this rule with no Prowler check or Steampipe control that tests the same setting"
    case 'awsconfig-rule-compliance':
    case 'awsconfig-evaluation-results':
    case 'awsconfig-conformance-pack':
      return 'AWS Config outputs name no HIPAA section; this rule is not among the rules of the HIPAA conformance pack that Safeguard maps'
    case 'powerpipe-hipaa':
      return "no group of the benchmark names a HIPAA specification and Safeguard's Steampipe control table has no entry for the control"
    case 'empty':
      return 'the file holds no findings'
  }
}
