import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

const incidentFile = path.resolve(__dirname, '../fixtures/breach/incident-large-covered-entity.json')

describe('safeguard incidents notice / notices', () => {
  it('records a notice with its evidence, lists it back, and refuses an inconsistent one saving nothing', async () => {
    const file = path.join(tempDir(), 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
    expect((await runSafeguard(['incidents', 'import', file, incidentFile])).code).toBe(0)
    const screenshot = path.join(path.dirname(file), 'home-page.png')
    fs.writeFileSync(screenshot, 'PNG stand-in')

    const recorded = await runSafeguard([
      'incidents',
      'notice',
      file,
      '1',
      '--kind',
      'individuals',
      '--sent-on',
      '2026-04-14',
      '--method',
      'substitute-web',
      '--missing-contact',
      '12',
      '--recipients',
      '12',
      '--evidence',
      'Screenshot of the home page, folder Breach/2026-03',
      '--file',
      screenshot,
      '--json'
    ])
    expect(recorded.stderr).toBe('')
    expect(recorded.code).toBe(0)
    expect(JSON.parse(recorded.stdout)).toMatchObject({
      kind: 'individuals',
      doneOn: '2026-04-14',
      method: 'substitute-web',
      missingContactCount: 12,
      recipientsCount: 12,
      postedUntil: '2026-07-13',
      evidence: 'Screenshot of the home page, folder Breach/2026-03',
      evidenceFile: { originalName: 'home-page.png', mediaType: 'image/png', size: Buffer.byteLength('PNG stand-in') }
    })

    const refused = await runSafeguard(['incidents', 'notice', file, '1', '--kind', 'hhs', '--sent-on', '2026-04-14', '--method', 'press-release'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/notice\.method: press-release .* is not a way to give a hhs notice; use one of hhs-portal, other/)
    // A folder is no evidence file: refused, and the notice it came with is not kept either.
    const noFile = await runSafeguard([
      'incidents',
      'notice',
      file,
      '1',
      '--kind',
      'hhs',
      '--sent-on',
      '2026-04-14',
      '--method',
      'hhs-portal',
      '--file',
      path.dirname(file)
    ])
    expect(noFile.code).toBe(1)
    expect(noFile.stderr).toContain(path.dirname(file))

    const listed = await runSafeguard(['incidents', 'notices', file, '1'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(
      /#1 individuals sent 2026-04-14: Substitute notice: website posting for 90 days; to 12; 12 without usable contact details; posted until 2026-07-13; file home-page.png \(12 bytes, stored in the workspace\)\n {4}evidence: Screenshot of the home page, folder Breach\/2026-03\n$/
    )
  })
})
