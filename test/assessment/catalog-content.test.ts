import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCatalog } from '../../main/assessment/catalog'
import type { Condition } from '../../main/assessment/catalog.types'

const templatesDir = path.resolve(__dirname, '../../templates/assessment')
const catalog = getCatalog(templatesDir)
const { entries, questions } = catalog.data

// The structure of 45 CFR 164.308-164.316, written out independently of the
// templates: S = standard, R = required specification, A = addressable one.
const RULE_TABLE = `
164.308(a)(1)(i) S
164.308(a)(1)(ii)(A) R
164.308(a)(1)(ii)(B) R
164.308(a)(1)(ii)(C) R
164.308(a)(1)(ii)(D) R
164.308(a)(2) S
164.308(a)(3)(i) S
164.308(a)(3)(ii)(A) A
164.308(a)(3)(ii)(B) A
164.308(a)(3)(ii)(C) A
164.308(a)(4)(i) S
164.308(a)(4)(ii)(A) R
164.308(a)(4)(ii)(B) A
164.308(a)(4)(ii)(C) A
164.308(a)(5)(i) S
164.308(a)(5)(ii)(A) A
164.308(a)(5)(ii)(B) A
164.308(a)(5)(ii)(C) A
164.308(a)(5)(ii)(D) A
164.308(a)(6)(i) S
164.308(a)(6)(ii) R
164.308(a)(7)(i) S
164.308(a)(7)(ii)(A) R
164.308(a)(7)(ii)(B) R
164.308(a)(7)(ii)(C) R
164.308(a)(7)(ii)(D) A
164.308(a)(7)(ii)(E) A
164.308(a)(8) S
164.308(b)(1) S
164.308(b)(3) R
164.310(a)(1) S
164.310(a)(2)(i) A
164.310(a)(2)(ii) A
164.310(a)(2)(iii) A
164.310(a)(2)(iv) A
164.310(b) S
164.310(c) S
164.310(d)(1) S
164.310(d)(2)(i) R
164.310(d)(2)(ii) R
164.310(d)(2)(iii) A
164.310(d)(2)(iv) A
164.312(a)(1) S
164.312(a)(2)(i) R
164.312(a)(2)(ii) R
164.312(a)(2)(iii) A
164.312(a)(2)(iv) A
164.312(b) S
164.312(c)(1) S
164.312(c)(2) A
164.312(d) S
164.312(e)(1) S
164.312(e)(2)(i) A
164.312(e)(2)(ii) A
164.314(a)(1) S
164.314(a)(2)(i) R
164.314(a)(2)(ii) R
164.314(a)(2)(iii) R
164.314(b)(1) S
164.314(b)(2)(i) R
164.314(b)(2)(ii) R
164.314(b)(2)(iii) R
164.314(b)(2)(iv) R
164.316(a) S
164.316(b)(1) S
164.316(b)(2)(i) R
164.316(b)(2)(ii) R
164.316(b)(2)(iii) R
`
  .trim()
  .split('\n')
  .map(line => {
    const [citation, mark] = line.split(' ')
    return { citation: citation!, mark: mark as 'S' | 'R' | 'A' }
  })

const FAMILY_BY_SECTION: Record<string, string> = {
  '164.308': 'administrative',
  '164.310': 'physical',
  '164.312': 'technical',
  '164.314': 'organizational',
  '164.316': 'documentation'
}

const sectionOf = (citation: string) => citation.slice(0, 7)

describe('rule catalog', () => {
  it('lists every citation of the rule exactly once, and nothing else', () => {
    const citations = entries.map(e => e.citation)
    expect(new Set(citations).size).toBe(citations.length)
    expect([...citations].sort()).toEqual(RULE_TABLE.map(r => r.citation).sort())
  })

  it('gives each citation the right kind and Required/Addressable value', () => {
    for (const { citation, mark } of RULE_TABLE) {
      const entry = catalog.entry(citation)!
      expect({ citation, kind: entry.kind, requirement: entry.requirement }).toEqual({
        citation,
        kind: mark === 'S' ? 'standard' : 'specification',
        requirement: mark === 'A' ? 'addressable' : 'required'
      })
    }
  })

  it('has 22 standards and 46 specifications, split by section as the rule is', () => {
    const count = (section: string, kind: string) => entries.filter(e => sectionOf(e.citation) === section && e.kind === kind).length
    expect(Object.keys(FAMILY_BY_SECTION).map(s => [s, count(s, 'standard'), count(s, 'specification')])).toEqual([
      ['164.308', 9, 21],
      ['164.310', 4, 8],
      ['164.312', 5, 7],
      ['164.314', 2, 7],
      ['164.316', 2, 3]
    ])
    const specs = entries.filter(e => e.kind === 'specification')
    expect(entries.filter(e => e.kind === 'standard')).toHaveLength(22)
    expect(specs).toHaveLength(46)
    expect(specs.filter(e => e.requirement === 'required')).toHaveLength(24)
    expect(specs.filter(e => e.requirement === 'addressable')).toHaveLength(22)
  })

  it('marks exactly these specifications Addressable', () => {
    expect(entries.filter(e => e.requirement === 'addressable').map(e => e.citation)).toEqual([
      '164.308(a)(3)(ii)(A)',
      '164.308(a)(3)(ii)(B)', // Workforce clearance: Addressable in the rule text, untagged in Appendix A
      '164.308(a)(3)(ii)(C)',
      '164.308(a)(4)(ii)(B)',
      '164.308(a)(4)(ii)(C)',
      '164.308(a)(5)(ii)(A)',
      '164.308(a)(5)(ii)(B)',
      '164.308(a)(5)(ii)(C)',
      '164.308(a)(5)(ii)(D)',
      '164.308(a)(7)(ii)(D)',
      '164.308(a)(7)(ii)(E)',
      '164.310(a)(2)(i)',
      '164.310(a)(2)(ii)',
      '164.310(a)(2)(iii)',
      '164.310(a)(2)(iv)',
      '164.310(d)(2)(iii)',
      '164.310(d)(2)(iv)',
      '164.312(a)(2)(iii)',
      '164.312(a)(2)(iv)',
      '164.312(c)(2)',
      '164.312(e)(2)(i)',
      '164.312(e)(2)(ii)'
    ])
  })

  it('uses the post-2013 citation for the written contract', () => {
    expect(catalog.entry('164.308(b)(3)')?.title).toBe('Written contract or other arrangement')
    expect(catalog.entry('164.308(b)(4)')).toBeUndefined()
  })

  it('files each entry under the family of its section', () => {
    for (const entry of entries) expect([entry.citation, entry.family]).toEqual([entry.citation, FAMILY_BY_SECTION[sectionOf(entry.citation)]])
  })

  it('attaches each specification to the standard whose paragraph contains it', () => {
    for (const spec of entries.filter(e => e.kind === 'specification')) {
      const standard = catalog.entry(spec.standard!)
      expect(standard?.kind, spec.citation).toBe('standard')
      // 164.308(a)(1)(i) governs 164.308(a)(1)(ii)(...): drop the standard's last marker.
      const paragraph = standard!.citation.replace(/\([^()]+\)$/, '')
      expect(spec.citation.startsWith(paragraph), spec.citation).toBe(true)
    }
  })

  it('cites well-formed NIST SP 800-53 Rev. 5 controls', () => {
    const families = new Set('AC AT AU CA CM CP IA IR MA MP PE PL PM PS PT RA SA SC SI SR'.split(' '))
    for (const entry of entries) {
      expect(entry.nist.length, entry.citation).toBeGreaterThan(0)
      for (const id of entry.nist) {
        expect(id, entry.citation).toMatch(/^[A-Z]{2}-\d{1,2}(\(\d{1,2}\))?$/)
        expect(families.has(id.slice(0, 2)), `${entry.citation}: ${id}`).toBe(true)
      }
      expect(new Set(entry.nist).size, entry.citation).toBe(entry.nist.length)
    }
  })

  it('explains every entry in plain words', () => {
    for (const entry of entries) expect(entry.summary.length, entry.citation).toBeGreaterThan(30)
  })
})

describe('questions', () => {
  it('asks at least one question on every standard and specification', () => {
    for (const { citation } of RULE_TABLE) {
      const asked = questions.filter(q => q.source.kind === 'rule' && q.source.citation === citation)
      expect(asked.length, citation).toBeGreaterThan(0)
    }
  })

  it('gives every question guidance and evidence', () => {
    for (const q of questions) {
      expect(q.text.endsWith('?'), q.id).toBe(true)
      expect(q.guidance.length, q.id).toBeGreaterThan(60)
      expect(q.evidence.length, q.id).toBeGreaterThan(0)
      for (const item of q.evidence) expect(item.trim().length, q.id).toBeGreaterThan(5)
    }
  })

  it('has unique ids that follow the citation', () => {
    const ids = questions.map(q => q.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(catalog.question('q-308-a1-iiA-1')?.citations).toEqual(['164.308(a)(1)(ii)(A)'])
    expect(catalog.question('q-310-d2-i-1')?.citations).toEqual(['164.310(d)(2)(i)'])
    expect(catalog.question('q-312-b-1')?.citations).toEqual(['164.312(b)'])
  })

  it('has no dangling references in conditions, and follow-ups only look back', () => {
    const profileKeys = new Set(catalog.data.profile.map(p => p.key))
    const earlier = new Set<string>()
    const walk = (c: Condition, owner: string) => {
      if ('profile' in c) expect(profileKeys.has(c.profile), `${owner}: ${c.profile}`).toBe(true)
      else if ('question' in c) expect(earlier.has(c.question), `${owner}: ${c.question}`).toBe(true)
      else for (const part of 'all' in c ? c.all : c.any) walk(part, owner)
    }
    for (const q of questions) {
      if (q.appliesWhen) walk(q.appliesWhen, q.id)
      earlier.add(q.id)
    }
  })

  it('asks clearinghouse and group health plan questions only of those organisations', () => {
    const clearinghouse = catalog.questionsFor('164.308(a)(4)(ii)(A)')
    expect(clearinghouse.every(q => JSON.stringify(q.appliesWhen).includes('isClearinghouse'))).toBe(true)
    const plan = entries.filter(e => e.citation.startsWith('164.314(b)'))
    for (const entry of plan)
      for (const q of catalog.questionsFor(entry.citation)) expect(JSON.stringify(q.appliesWhen), q.id).toContain('isGroupHealthPlanSponsor')
  })

  it('has value fields with unique keys and sensible recommendations', () => {
    const fields = questions.flatMap(q => (q.valueField ? [q.valueField] : []))
    expect(new Set(fields.map(f => f.key)).size).toBe(fields.length)
    const byKey = Object.fromEntries(fields.map(f => [f.key, f]))
    expect(byKey.sessionTimeoutMinutes).toMatchObject({ type: 'number', unit: 'minutes', recommended: 15 })
    expect(byKey.backupRetentionYears).toMatchObject({ type: 'number', unit: 'years', recommended: 7 })
    expect(byKey.documentationRetentionYears).toMatchObject({ min: 6 })
    expect(byKey.encryptionAtRest?.type).toBe('choice')
  })
})

describe('cloud section', () => {
  const controls = catalog.data.cloud.controls

  it('has the ten technical controls from the source documents', () => {
    expect(controls).toHaveLength(10)
    const text = controls.map(c => `${c.title} ${c.awsMechanism}`).join(' ')
    for (const needle of [
      'TLS 1.2',
      'AES-256',
      'EBS',
      'private subnet',
      'least-privilege',
      'MFA',
      'CloudTrail',
      'flow logs',
      '15 minutes',
      'pgaudit',
      '7 years',
      'incident response'
    ])
      expect(text.toLowerCase(), needle).toContain(needle.toLowerCase())
  })

  it('says EBS is not encrypted by default', () => {
    const atRest = controls.find(c => c.id === 'cc-encryption-at-rest')!
    expect(atRest.awsMechanism).toMatch(/EBS encryption \(not on by default/)
    expect(catalog.service('aws-ec2')?.defaultEncryption).toBe('off')
  })

  it('ties every control to existing citations', () => {
    for (const control of controls) {
      expect(control.supports.length, control.id).toBeGreaterThan(0)
      for (const citation of control.supports) expect(catalog.entry(citation), `${control.id}: ${citation}`).toBeDefined()
    }
    expect(catalog.controlsSupporting('164.312(a)(2)(iii)').map(c => c.id)).toEqual(['cc-session-timeout'])
  })

  it('applies cloud questions only to organisations running their own cloud', () => {
    for (const q of questions.filter(q => q.group === 'cloud')) expect(JSON.stringify(q.appliesWhen), q.id).toContain('usesCloudHosting')
  })
})

describe('cloud services inventory catalog', () => {
  it('covers the services of the source table, all eligible', () => {
    const names = ['EC2', 'RDS', 'S3', 'Secrets Manager', 'CloudWatch Logs', 'VPC', 'IAM', 'KMS', 'Load Balancing', 'Lambda']
    const fromSource = catalog.data.services.services.filter(s => s.eligibilityBasis === 'source-document')
    for (const name of names) {
      const service = fromSource.find(s => s.name.includes(name))
      expect(service?.hipaaEligible, name).toBe(true)
    }
  })

  it('marks how sure we are about services added beyond the source', () => {
    for (const service of catalog.data.services.services.filter(s => s.eligibilityBasis !== 'source-document'))
      expect(['high', 'medium'], service.id).toContain(service.confidence)
  })
})
