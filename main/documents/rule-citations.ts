/**
 * The citations the documents may cite: every standard and implementation specification of the
 * Security Rule (45 CFR 164.308–164.316; 22 standards and 46 specifications, counting the four
 * items of 164.314(b)(2) separately) and the sections of the Breach Notification Rule.
 *
 * The assessment feature owns the full catalog (questions, guidance); this list only carries what
 * documents need to cite and title a requirement, so policies can be rendered without a workspace.
 */

export type SafeguardFamily = 'administrative' | 'physical' | 'technical' | 'organizational' | 'documentation' | 'breach-notification'

export type RuleCitation = {
  citation: string
  title: string
  kind: 'standard' | 'specification' | 'section'
  /** Standards with no specifications are Required, as Appendix A to Subpart C shows them. */
  requirement: 'required' | 'addressable' | null
  family: SafeguardFamily
}

type Row = [citation: string, title: string, kind: 'Std' | 'R' | 'A' | '(R)' | 'Sec']

const ROWS: Array<[SafeguardFamily, Row[]]> = [
  [
    'administrative',
    [
      ['164.308(a)(1)(i)', 'Security management process', 'Std'],
      ['164.308(a)(1)(ii)(A)', 'Risk analysis', 'R'],
      ['164.308(a)(1)(ii)(B)', 'Risk management', 'R'],
      ['164.308(a)(1)(ii)(C)', 'Sanction policy', 'R'],
      ['164.308(a)(1)(ii)(D)', 'Information system activity review', 'R'],
      ['164.308(a)(2)', 'Assigned security responsibility', '(R)'],
      ['164.308(a)(3)(i)', 'Workforce security', 'Std'],
      ['164.308(a)(3)(ii)(A)', 'Authorization and/or supervision', 'A'],
      ['164.308(a)(3)(ii)(B)', 'Workforce clearance procedure', 'A'],
      ['164.308(a)(3)(ii)(C)', 'Termination procedures', 'A'],
      ['164.308(a)(4)(i)', 'Information access management', 'Std'],
      ['164.308(a)(4)(ii)(A)', 'Isolating health care clearinghouse functions', 'R'],
      ['164.308(a)(4)(ii)(B)', 'Access authorization', 'A'],
      ['164.308(a)(4)(ii)(C)', 'Access establishment and modification', 'A'],
      ['164.308(a)(5)(i)', 'Security awareness and training', 'Std'],
      ['164.308(a)(5)(ii)(A)', 'Security reminders', 'A'],
      ['164.308(a)(5)(ii)(B)', 'Protection from malicious software', 'A'],
      ['164.308(a)(5)(ii)(C)', 'Log-in monitoring', 'A'],
      ['164.308(a)(5)(ii)(D)', 'Password management', 'A'],
      ['164.308(a)(6)(i)', 'Security incident procedures', 'Std'],
      ['164.308(a)(6)(ii)', 'Response and reporting', 'R'],
      ['164.308(a)(7)(i)', 'Contingency plan', 'Std'],
      ['164.308(a)(7)(ii)(A)', 'Data backup plan', 'R'],
      ['164.308(a)(7)(ii)(B)', 'Disaster recovery plan', 'R'],
      ['164.308(a)(7)(ii)(C)', 'Emergency mode operation plan', 'R'],
      ['164.308(a)(7)(ii)(D)', 'Testing and revision procedures', 'A'],
      ['164.308(a)(7)(ii)(E)', 'Applications and data criticality analysis', 'A'],
      ['164.308(a)(8)', 'Evaluation', '(R)'],
      ['164.308(b)(1)', 'Business associate contracts and other arrangements', 'Std'],
      ['164.308(b)(3)', 'Written contract or other arrangement', 'R']
    ]
  ],
  [
    'physical',
    [
      ['164.310(a)(1)', 'Facility access controls', 'Std'],
      ['164.310(a)(2)(i)', 'Contingency operations', 'A'],
      ['164.310(a)(2)(ii)', 'Facility security plan', 'A'],
      ['164.310(a)(2)(iii)', 'Access control and validation procedures', 'A'],
      ['164.310(a)(2)(iv)', 'Maintenance records', 'A'],
      ['164.310(b)', 'Workstation use', '(R)'],
      ['164.310(c)', 'Workstation security', '(R)'],
      ['164.310(d)(1)', 'Device and media controls', 'Std'],
      ['164.310(d)(2)(i)', 'Disposal', 'R'],
      ['164.310(d)(2)(ii)', 'Media re-use', 'R'],
      ['164.310(d)(2)(iii)', 'Accountability', 'A'],
      ['164.310(d)(2)(iv)', 'Data backup and storage', 'A']
    ]
  ],
  [
    'technical',
    [
      ['164.312(a)(1)', 'Access control', 'Std'],
      ['164.312(a)(2)(i)', 'Unique user identification', 'R'],
      ['164.312(a)(2)(ii)', 'Emergency access procedure', 'R'],
      ['164.312(a)(2)(iii)', 'Automatic logoff', 'A'],
      ['164.312(a)(2)(iv)', 'Encryption and decryption', 'A'],
      ['164.312(b)', 'Audit controls', '(R)'],
      ['164.312(c)(1)', 'Integrity', 'Std'],
      ['164.312(c)(2)', 'Mechanism to authenticate electronic protected health information', 'A'],
      ['164.312(d)', 'Person or entity authentication', '(R)'],
      ['164.312(e)(1)', 'Transmission security', 'Std'],
      ['164.312(e)(2)(i)', 'Integrity controls', 'A'],
      ['164.312(e)(2)(ii)', 'Encryption', 'A']
    ]
  ],
  [
    'organizational',
    [
      ['164.314(a)(1)', 'Business associate contracts or other arrangements', 'Std'],
      ['164.314(a)(2)(i)', 'Business associate contracts', 'R'],
      ['164.314(a)(2)(ii)', 'Other arrangements', 'R'],
      ['164.314(a)(2)(iii)', 'Business associate contracts with subcontractors', 'R'],
      ['164.314(b)(1)', 'Requirements for group health plans', 'Std'],
      ['164.314(b)(2)(i)', 'Plan sponsor implements safeguards', 'R'],
      ['164.314(b)(2)(ii)', 'Adequate separation supported by security measures', 'R'],
      ['164.314(b)(2)(iii)', 'Agents agree to security measures', 'R'],
      ['164.314(b)(2)(iv)', 'Security incidents reported to the plan', 'R']
    ]
  ],
  [
    'documentation',
    [
      ['164.316(a)', 'Policies and procedures', '(R)'],
      ['164.316(b)(1)', 'Documentation', 'Std'],
      ['164.316(b)(2)(i)', 'Time limit', 'R'],
      ['164.316(b)(2)(ii)', 'Availability', 'R'],
      ['164.316(b)(2)(iii)', 'Updates', 'R']
    ]
  ],
  [
    'breach-notification',
    [
      ['164.400', 'Applicability of the breach notification rule', 'Sec'],
      ['164.402', 'Definitions: breach and unsecured protected health information', 'Sec'],
      ['164.404', 'Notification to individuals', 'Sec'],
      ['164.406', 'Notification to the media', 'Sec'],
      ['164.408', 'Notification to the Secretary', 'Sec'],
      ['164.410', 'Notification by a business associate', 'Sec'],
      ['164.412', 'Law enforcement delay', 'Sec'],
      ['164.414', 'Burden of proof', 'Sec']
    ]
  ]
]

function toCitation(family: SafeguardFamily, [citation, title, kind]: Row): RuleCitation {
  switch (kind) {
    case 'Std':
      return { citation, title, kind: 'standard', requirement: null, family }
    case '(R)':
      return { citation, title, kind: 'standard', requirement: 'required', family }
    case 'R':
      return { citation, title, kind: 'specification', requirement: 'required', family }
    case 'A':
      return { citation, title, kind: 'specification', requirement: 'addressable', family }
    case 'Sec':
      return { citation, title, kind: 'section', requirement: 'required', family }
  }
}

export const RULE_CITATIONS: readonly RuleCitation[] = ROWS.flatMap(([family, rows]) => rows.map(row => toCitation(family, row)))

const BY_CITATION = new Map(RULE_CITATIONS.map(c => [c.citation, c]))

export function findCitation(citation: string): RuleCitation | undefined {
  return BY_CITATION.get(citation)
}

export const FAMILY_LABELS: Record<SafeguardFamily, string> = {
  administrative: 'Administrative safeguards (164.308)',
  physical: 'Physical safeguards (164.310)',
  technical: 'Technical safeguards (164.312)',
  organizational: 'Organizational requirements (164.314)',
  documentation: 'Policies, procedures and documentation (164.316)',
  'breach-notification': 'Breach notification (164.400–414)'
}
