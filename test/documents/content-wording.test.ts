import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getCatalog } from '../../main/assessment/catalog'
import { composeEvidencePack } from '../../main/documents/evidence-pack/compose'
import type { EvidencePackData } from '../../main/documents/evidence-pack/pack-data'
import { yesPercent } from '../../main/documents/evidence-pack/sections/shared'
import { samplePackData } from '../fixtures/documents/sample-pack-data'
import { pdfText } from './pdf-tools'

// Issue 15, content corrections: wording that overstated or misstated the rule must not come back.
const root = path.resolve(__dirname, '../..')

function filesUnder(dir: string, ext: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).flatMap(entry => {
    const file = path.join(entry.parentPath, entry.name)
    return entry.isFile() && ext.test(entry.name) ? [file] : []
  })
}

/** Old wording and why each is wrong; each pattern matched a real sentence before the correction. */
const FORBIDDEN: Array<[RegExp, string]> = [
  [/\bmeets the (administrative|Security Rule|Breach Notification)/i, 'claims compliance instead of describing the safeguards'],
  [/must be encrypted/i, 'encryption is addressable under the current rule'],
  [/default, to confirm/i, 'a template default printed beside "assessed as 164.306(d)(3) requires"'],
  [/how far the risk has been mitigated/i, 'the fourth factor of 164.402(2) is the extent to which the risk to the PHI has been mitigated'],
  [/to match the documentation retention rule/i, 'log retention is not governed by 164.316'],
  [/multi-factor sign-in required for all access/i, 'MFA is one way to meet 164.312(d), not a current requirement'],
  [/"priority": "required"/, 'cloud controls marked required whatever the rule says'],
  [/ensures compliance|fully compliant|certifies compliance with/i, 'claims compliance']
]

describe('content wording (issue 15)', () => {
  const files = [...filesUnder(path.join(root, 'templates'), /\.json$/), ...filesUnder(path.join(root, 'main'), /\.ts$/)]

  it('finds the files it scans', () => {
    expect(files.some(f => f.endsWith('07-breach-notification.json'))).toBe(true)
    expect(files.some(f => f.endsWith('summary.ts'))).toBe(true)
  })

  for (const [pattern, why] of FORBIDDEN) {
    it(`no template or source text matches ${pattern} (${why})`, () => {
      const hits = files.filter(f => pattern.test(fs.readFileSync(f, 'utf8'))).map(f => path.relative(root, f))
      expect(hits).toEqual([])
    })
  }

  it('PRO-07 lists every content element of 164.404(c) and the substitute-notice rules of 164.404(d)(2)', () => {
    const text = fs.readFileSync(path.join(root, 'templates/policies/07-breach-notification.json'), 'utf8')
    for (const element of [
      'date of the breach and the date of discovery',
      'types of unsecured protected health information',
      'steps individuals should take to protect themselves',
      'to investigate, to mitigate harm and to protect against further breaches',
      'toll-free telephone number, an e-mail address, a web site or a postal address',
      'fewer than 10 individuals',
      'alternative form of written notice, by telephone or by other means',
      '10 or more individuals',
      'home page of the organization',
      'for 90 days',
      'major print or broadcast media',
      'toll-free telephone number that stays active for at least 90 days',
      'the extent to which the risk to the protected health information has been mitigated'
    ]) {
      expect(text, element).toContain(element)
    }
  })
})

describe('cloud controls say where they come from and their status under the rule', () => {
  const catalog = getCatalog(path.join(root, 'templates/assessment'))
  const controls = catalog.data.cloud.controls

  it('no longer marks every control required', () => {
    const byId = new Map(controls.map(c => [c.id, c]))
    expect(byId.get('cc-session-timeout')?.ruleStatus).toBe('addressable')
    expect(byId.get('cc-encryption-at-rest')?.ruleStatus).toBe('addressable')
    expect(byId.get('cc-console-mfa')?.ruleStatus).toBe('not-in-rule')
    expect(byId.get('cc-backup-retention')?.basis).toMatch(/HIPAA sets no backup retention/)
    expect(new Set(controls.map(c => c.ruleStatus)).size).toBeGreaterThan(1)
  })

  it('a control called addressable supports an addressable specification; one called required supports a required entry', () => {
    for (const control of controls) {
      const requirements = control.supports.map(c => catalog.entry(c)?.requirement)
      if (control.ruleStatus === 'addressable') expect(requirements, control.id).toContain('addressable')
      if (control.ruleStatus === 'required') expect(requirements, control.id).toContain('required')
    }
  })
})

describe('the scorecard percentage leaves not-applicable items out', () => {
  it('works the 164.314 case by hand: 1 Yes, 1 No, 7 N/A is 50%, not 11%', () => {
    expect(yesPercent({ yes: 1, partly: 0, no: 1, 'not-applicable': 7, 'not-assessed': 0 })).toBe(50)
  })

  it('counts not-assessed items as applicable, and gives no figure when nothing applies', () => {
    // 2 Yes of 2 + 1 + 1 applicable items (3 N/A left out): 2 / 4.
    expect(yesPercent({ yes: 2, partly: 1, no: 0, 'not-applicable': 3, 'not-assessed': 1 })).toBe(50)
    expect(yesPercent({ yes: 0, partly: 0, no: 0, 'not-applicable': 9, 'not-assessed': 0 })).toBeNull()
  })
})

describe('the generated pack text', () => {
  let text: string

  beforeAll(async () => {
    const sample = samplePackData()
    const organizational = { yes: 1, partly: 0, no: 1, 'not-applicable': 7, 'not-assessed': 0 }
    const data: EvidencePackData = {
      ...sample,
      families: sample.families!.map(f => (f.family === 'organizational' ? { ...f, counts: organizational } : f))
    }
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sg-wording-')), 'pack.pdf')
    fs.writeFileSync(file, (await composeEvidencePack(data)).buffer)
    text = pdfText(file)
  })

  it('describes the status of the safeguards and claims no compliance or certification', () => {
    expect(text).toContain('describes the status of the administrative, physical and technical safeguards')
    expect(text).toContain('not a certification or a finding of compliance')
    expect(text).not.toMatch(/\bmeets the (administrative|Security Rule|Breach Notification)/i)
  })

  it('prints the organizational family at 50% and not at 11%', () => {
    expect(text).toContain('50%')
    expect(text).not.toContain('11%')
  })

  it('prints where each technical control comes from and its status under the rule', () => {
    expect(text).toContain('Source and rule status')
    expect(text).toContain('Addressable under the rule')
    expect(text).toContain('Good practice.')
  })
})
