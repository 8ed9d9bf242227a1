import { describe, expect, it } from 'vitest'
import scoutsuiteRules from '../../templates/scanner-mappings/scoutsuite-rules.json'
import {
  SCOUTSUITE_AWS_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_AZURE_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_GCP_RULE_TO_PROWLER_CHECK,
  SCOUTSUITE_RULE_TO_CONTROL
} from '../../main/scanners/mapping/equivalences'
import {
  configRuleCitations,
  prowlerCitations,
  scoutsuiteRuleCitations,
  securityhubControlCitations,
  steampipeControlCitations
} from '../../main/scanners/mapping/tables'

describe('mapping tables', () => {
  it('Prowler checks by provider', () => {
    expect(prowlerCitations('guardduty_is_enabled', 'aws')).toContain('164.308(a)(1)(ii)(A)')
    expect(prowlerCitations('guardduty_is_enabled', null)).toContain('164.308(a)(1)(ii)(A)')
    expect(prowlerCitations('no_such_check', 'aws')).toEqual([])
  })

  it('Config rules: exact, deployed with a conformance-pack suffix, Security Hub service-linked, upper-case identifier', () => {
    const exact = configRuleCitations('encrypted-volumes')
    expect(exact.length).toBeGreaterThan(0)
    expect(configRuleCitations('encrypted-volumes-conformance-pack-x1y2z3w4')).toEqual(exact)
    expect(configRuleCitations('awsconfigconforms-encrypted-volumes-conformance-pack-abc')).toEqual(exact)
    expect(configRuleCitations('securityhub-encrypted-volumes-a1b2c3')).toEqual(exact)
    expect(configRuleCitations('ENCRYPTED_VOLUMES')).toEqual(exact)
    expect(configRuleCitations('InstanceTypesAreT2micro')).toEqual([])
  })

  it('Security Hub controls, ScoutSuite rules and Steampipe controls', () => {
    expect(securityhubControlCitations('S3.4')).toContain('164.312(a)(2)(iv)')
    expect(securityhubControlCitations('s3.4')).toEqual(securityhubControlCitations('S3.4'))
    expect(scoutsuiteRuleCitations('s3-bucket-no-default-encryption', 'aws')).toContain('164.312(a)(2)(iv)')
    expect(scoutsuiteRuleCitations('s3-bucket-no-default-encryption', null)).toEqual(
      scoutsuiteRuleCitations('s3-bucket-no-default-encryption', 'aws')
    )
    expect(steampipeControlCitations('aws_compliance.control.cloudtrail_trail_enabled')).toContain('164.312(b)')
  })

  it('finds nothing for inherited object keys', () => {
    expect(prowlerCitations('constructor', 'aws')).toEqual([])
    expect(prowlerCitations('x', '__proto__')).toEqual([])
    expect(scoutsuiteRuleCitations('toString', 'gcp')).toEqual([])
    expect(scoutsuiteRuleCitations('cloudsql-instance-ssl-not-required', 'toString')).toEqual([])
  })
})

describe('ScoutSuite rules take the citations of their Prowler (GCP, Azure) or Steampipe (AWS) equivalent', () => {
  const providers = [
    ['gcp', SCOUTSUITE_GCP_RULE_TO_PROWLER_CHECK],
    ['azure', SCOUTSUITE_AZURE_RULE_TO_PROWLER_CHECK]
  ] as const
  it.each(providers)(
    'every %s equivalence names a Prowler check with a HIPAA mapping, and the rule carries exactly its citations',
    (provider, pairs) => {
      expect(Object.keys(pairs).length).toBeGreaterThan(20)
      for (const [rule, check] of Object.entries(pairs)) {
        const prowler = prowlerCitations(check, provider)
        expect(prowler.length, `${provider} ${rule} → ${check}`).toBeGreaterThan(0)
        expect([...scoutsuiteRuleCitations(rule, provider)].sort()).toEqual([...prowler].sort())
      }
      // The table holds the equivalences and nothing else.
      expect(Object.keys(scoutsuiteRules[provider]).sort()).toEqual(Object.keys(pairs).sort())
    }
  )

  it('every AWS equivalence names a Steampipe HIPAA control or, where none tests the setting, a mapped Prowler check', () => {
    for (const [rule, control] of Object.entries(SCOUTSUITE_RULE_TO_CONTROL)) {
      expect(steampipeControlCitations(control).length, `${rule} → ${control}`).toBeGreaterThan(0)
      expect([...scoutsuiteRuleCitations(rule, 'aws')].sort()).toEqual([...steampipeControlCitations(control)].sort())
    }
    for (const [rule, check] of Object.entries(SCOUTSUITE_AWS_RULE_TO_PROWLER_CHECK)) {
      expect(Object.keys(SCOUTSUITE_RULE_TO_CONTROL), 'one equivalence per rule').not.toContain(rule)
      expect(prowlerCitations(check, 'aws').length, `${rule} → ${check}`).toBeGreaterThan(0)
      expect([...scoutsuiteRuleCitations(rule, 'aws')].sort()).toEqual([...prowlerCitations(check, 'aws')].sort())
    }
    expect(Object.keys(scoutsuiteRules.aws).sort()).toEqual(
      [...Object.keys(SCOUTSUITE_RULE_TO_CONTROL), ...Object.keys(SCOUTSUITE_AWS_RULE_TO_PROWLER_CHECK)].sort()
    )
  })

  it('reads a rule under its own provider only', () => {
    expect(scoutsuiteRuleCitations('cloudsql-instance-ssl-not-required', 'gcp')).toEqual(['164.312(e)(1)', '164.312(e)(2)(ii)'])
    expect(scoutsuiteRuleCitations('cloudsql-instance-ssl-not-required', 'aws')).toEqual([])
    expect(scoutsuiteRuleCitations('storageaccount-account-allowing-clear-text', 'AZURE')).toContain('164.312(e)(1)')
  })
})
