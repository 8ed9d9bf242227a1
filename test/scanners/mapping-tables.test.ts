import { describe, expect, it } from 'vitest'
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
    expect(scoutsuiteRuleCitations('s3-bucket-no-default-encryption')).toContain('164.312(a)(2)(iv)')
    expect(steampipeControlCitations('aws_compliance.control.cloudtrail_trail_enabled')).toContain('164.312(b)')
  })

  it('finds nothing for inherited object keys', () => {
    expect(prowlerCitations('constructor', 'aws')).toEqual([])
    expect(prowlerCitations('x', '__proto__')).toEqual([])
    expect(scoutsuiteRuleCitations('toString')).toEqual([])
  })
})
