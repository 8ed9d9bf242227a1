import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CatalogError, findTemplatesDir, loadCatalogData, TEMPLATE_FILES } from '../../main/assessment/catalog'
import { compareCitations, questionIdStem } from '../../main/shared/citation'

const templatesDir = path.resolve(__dirname, '../../templates/assessment')
const brokenDir = path.resolve(__dirname, '../fixtures/assessment/broken-templates')
const tempDirs: string[] = []

/** A copy of the real templates with one file replaced by a broken fixture. */
function templatesWith(file: string, fixture: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-templates-'))
  tempDirs.push(dir)
  fs.cpSync(templatesDir, dir, { recursive: true })
  fs.copyFileSync(path.join(brokenDir, fixture), path.join(dir, file))
  return dir
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('catalog loader', () => {
  it('finds the templates folder from the repository', () => {
    expect(findTemplatesDir()).toBe(templatesDir)
  })

  it('rejects a question without guidance, naming the file and the field', () => {
    const file = TEMPLATE_FILES.questions('technical')
    const dir = templatesWith(file, 'technical-empty-guidance.json')
    expect(() => loadCatalogData(dir)).toThrow(CatalogError)
    expect(() => loadCatalogData(dir)).toThrow(/questions\/technical\.json is not valid[\s\S]*must not be empty[\s\S]*at \[0\]\.guidance/)
  })

  it('rejects a condition on a profile key that does not exist', () => {
    const dir = templatesWith(TEMPLATE_FILES.questions('physical'), 'physical-unknown-profile-key.json')
    expect(() => loadCatalogData(dir)).toThrow("q-310-b-1: condition uses unknown profile key 'hasSpaceship'")
  })

  it('reports standards and specifications left without questions', () => {
    const dir = templatesWith(TEMPLATE_FILES.questions('physical'), 'physical-unknown-profile-key.json')
    expect(() => loadCatalogData(dir)).toThrow('164.310(d)(2)(i): has no question')
  })

  it('rejects a cloud control supporting a citation that is not in the rule', () => {
    const dir = templatesWith(TEMPLATE_FILES.cloudControls, 'cloud-controls-unknown-citation.json')
    expect(() => loadCatalogData(dir)).toThrow("q-cloud-madeup-1: cites '164.312(f)(1)', which is not in the catalog")
  })

  it('rejects a cloud control that gives a priority instead of its origin and status under the rule (issue 15)', () => {
    const dir = templatesWith(TEMPLATE_FILES.cloudControls, 'cloud-controls-without-origin.json')
    expect(() => loadCatalogData(dir)).toThrow(/cloud-controls\.json.*(origin|ruleStatus|priority)/s)
  })

  it('rejects a file that is not JSON', () => {
    const dir = templatesWith(TEMPLATE_FILES.profile, 'profile-truncated.json')
    expect(() => loadCatalogData(dir)).toThrow(/profile\.json: cannot be read as JSON/)
  })
})

describe('citation helpers', () => {
  it('derives question id stems from citations', () => {
    expect(questionIdStem('164.308(a)(1)(ii)(A)')).toBe('q-308-a1-iiA')
    expect(questionIdStem('164.310(d)(2)(iv)')).toBe('q-310-d2-iv')
    expect(questionIdStem('164.312(b)')).toBe('q-312-b')
    expect(() => questionIdStem('164.999')).toThrow(/Not a Security Rule citation/)
  })

  it('orders citations as the rule does', () => {
    const shuffled = [
      '164.312(b)',
      '164.308(b)(1)',
      '164.308(a)(10)',
      '164.308(a)(7)(ii)(E)',
      '164.308(a)(7)(i)',
      '164.310(a)(2)(iv)',
      '164.310(a)(2)(iii)'
    ]
    expect([...shuffled].sort(compareCitations)).toEqual([
      '164.308(a)(7)(i)',
      '164.308(a)(7)(ii)(E)',
      '164.308(a)(10)',
      '164.308(b)(1)',
      '164.310(a)(2)(iii)',
      '164.310(a)(2)(iv)',
      '164.312(b)'
    ])
  })

  it('keeps the catalog file in rule order', () => {
    const citations = loadCatalogData(templatesDir).entries.map(e => e.citation)
    expect([...citations].sort(compareCitations)).toEqual(citations)
  })
})
