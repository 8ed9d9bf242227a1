import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

/**
 * Procurement answers and documents a person can send with confidence (issue 19, items 6 and 8): one source for each
 * answer, shown the same everywhere, with Copy and Export; a "ready to send?" check before a pack is created, DRAFT on
 * every page of a pack made before then; Open and Show in folder for what was saved.
 */

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]
function dayFromToday(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined
const MINIMUM_NECESSARY = 'How do you enforce minimum necessary access?'
const BAA = 'Do you have a Business Associate Agreement (BAA)?'

/** Answers a question through the window's bridge, as the questionnaire's radio buttons do. */
async function answer(app: AppHarness, questionId: string, value: 'yes' | 'no' | 'partly'): Promise<void> {
  const ok = await app.page.evaluate(
    async ([id, v]) => {
      type Envelope = { ok: boolean }
      const bridge = (window as unknown as { safeguard: { calls: Record<string, (input: unknown, callId: string) => Promise<Envelope>> } }).safeguard
      return (await bridge.calls['assessment.setAnswer']!({ questionId: id, value: v }, `e2e-${id}`)).ok
    },
    [questionId, value] as const
  )
  expect(ok).toBe(true)
}

/** Screenshots at a laptop's and a desktop's size, light and dark, with axe clean in each. */
async function shoot(app: AppHarness, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    for (const size of SIZES) {
      await app.page.setViewportSize(size)
      await app.screenshot(`${name}-${size.width}-${scheme}`)
    }
    expect(await app.axeViolations()).toEqual([])
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
  await app.page.setViewportSize({ width: 1280, height: 860 })
}

async function openProcurement(app: AppHarness): Promise<void> {
  await openArea(app, 'Assessment')
  await app.page.getByRole('tab', { name: 'Procurement answers' }).click()
  await expect(app.page.getByTestId('procurement-answer')).toHaveCount(3)
}

test('procurement answers: a description gets no Yes, each citation once, the BAA follows the register, Copy and Export', async ({ app }) => {
  test.setTimeout(120_000)
  const { page, host } = app
  await describeOrganisation(app)
  // Two of the minimum-necessary questions are on 164.312(a)(1).
  await answer(app, 'q-312-a1-1', 'yes')
  await answer(app, 'q-312-a1-2', 'yes')
  await answer(app, 'q-308-a4-i-1', 'yes')
  await openProcurement(app)

  const minimum = page.getByRole('region', { name: MINIMUM_NECESSARY })
  await expect(minimum).toContainText('In place: a written access policy gives each role only the health data it needs')
  await expect(minimum.getByTestId('procurement-status')).toHaveCount(0)
  await expect(minimum.getByText('Yes', { exact: true })).toHaveCount(0)
  const citationText = (await minimum.getByTestId('procurement-citations').textContent())!
  const cited = citationText.replace(/^Citations: 45 CFR /, '').split(', ')
  expect(cited).toContain('164.312(a)(1)')
  expect(new Set(cited).size).toBe(cited.length)

  const baa = page.getByRole('region', { name: BAA })
  await expect(baa.getByTestId('procurement-status')).toHaveText('Not known yet')
  await expect(baa).toContainText('Not answered yet')

  // Signing the agreement with the cloud provider in the register changes the answer on this screen.
  await openArea(app, 'Business associates')
  await page.getByRole('button', { name: 'Add a business associate' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill('Amazon Web Services')
  await dialog.getByLabel('Agreement status').click()
  await page.getByRole('option', { name: 'Signed' }).click()
  await dialog.getByLabel('Effective date').fill(dayFromToday(-30))
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await openProcurement(app)
  await expect(baa.getByTestId('procurement-status')).toHaveText('Yes')
  await expect(baa).toContainText(`Yes, the business associate addendum with AWS is signed (in effect since ${dayFromToday(-30)}).`)
  await expect(baa).toContainText('Based on: business associate register: Amazon Web Services')

  // Copy: plain text with the citations, one answer or all three.
  await baa.getByRole('button', { name: `Copy the answer: ${BAA}` }).click()
  await expect(page.getByTestId('procurement-note')).toHaveText('Copied the answer with its citations.')
  expect(host.copied).toHaveLength(1)
  expect(host.copied[0]).toBe(
    [
      BAA,
      'Status: Yes',
      `Yes, the business associate addendum with AWS is signed (in effect since ${dayFromToday(-30)}).`,
      'Citations: 45 CFR 164.308(b)(3)',
      'Based on: business associate register: Amazon Web Services'
    ].join('\n')
  )
  await page.getByRole('button', { name: 'Copy all answers' }).click()
  await expect(page.getByTestId('procurement-note')).toHaveText('Copied all three answers with their citations.')
  expect(host.copied[1]).toContain(host.copied[0]!)
  expect(host.copied[1]).toContain(`${MINIMUM_NECESSARY}\nIn place:`)
  expect(host.copied[1]).toContain(citationText)

  // Export: the same answers in a CSV file where the save dialog answered, then Open and Show in folder.
  const target = path.join(app.dataDir, 'procurement answers.csv')
  host.savePaths.push(target)
  await page.getByRole('button', { name: 'Export to CSV…' }).click()
  await expect(page.getByTestId('procurement-note')).toHaveText('Exported the three answers with their citations to a CSV file.')
  const csv = fs.readFileSync(target, 'utf8')
  expect(csv).toContain('Question,Status,Answer,Citations,Based on\r\n')
  expect(csv).toContain(`${BAA},Yes,`)
  expect(csv).toContain(`${MINIMUM_NECESSARY},Described,`)
  expect(csv).toContain('45 CFR 164.308(b)(3)')
  await shoot(app, 'procurement')
  await page.getByRole('button', { name: 'Open the procurement answers' }).click()
  await page.getByRole('button', { name: 'Show in folder: the procurement answers' }).click()
  await expect
    .poll(() => host.opened)
    .toEqual([
      { how: 'open', file: target },
      { how: 'show', file: target }
    ])
})

test('documents: the readiness check with counts at low completion, a pack marked DRAFT on every page, Open and Show in folder', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, host } = app
  await describeOrganisation(app)
  await answer(app, 'q-308-a4-i-1', 'yes')
  await openArea(app, 'Documents')

  const readiness = page.getByRole('region', { name: 'Ready to send?' })
  const questions = readiness.getByRole('row', { name: /Questions answered/ })
  await expect(questions).toContainText('! Missing')
  const [answered, applicable, unanswered] = ((await questions.textContent())!.match(/(\d[\d,]*) of (\d[\d,]*), (\d[\d,]*) not answered/) ?? [])
    .slice(1)
    .map(n => Number(n.replace(/,/g, '')))
  expect(answered).toBe(1)
  expect(unanswered).toBe(applicable! - 1)
  const signOffs = (await readiness.getByRole('row', { name: /Reviewer sign-offs/ }).textContent())!.match(/0 of \d+ families signed off/)
  expect(signOffs).not.toBeNull()
  // The annual review's own preview counts the same families.
  await expect(page.getByRole('region', { name: 'Annual review (PDF)' })).toContainText(`Reviewer sign-offs${signOffs![0]}`)
  await expect(readiness.getByRole('row', { name: /Scanner evidence/ })).toContainText('✓ OptionalNo scan imported (optional)')
  await expect(readiness).toContainText('Not ready to send.')
  const create = page.getByRole('region', { name: 'Evidence pack (PDF)' }).getByRole('button', { name: 'Create anyway (marked DRAFT)…' })
  await expect(create).toBeVisible()
  await shoot(app, 'documents-readiness')

  // The outline before saving: pages and where each section starts, nothing written.
  await page.getByRole('button', { name: 'Preview outline' }).click()
  const outline = page.getByRole('list', { name: 'Pack outline' })
  await expect(outline).toBeVisible({ timeout: 60_000 })
  await expect(outline.getByRole('listitem').first()).toHaveText('Cover · page 1')
  await expect(outline).toContainText('Executive summary · page')
  const outlineText = (await page.getByText(/The pack would have \d[\d,]* pages, marked DRAFT on every page\. Nothing was saved\./).textContent())!
  const outlinePages = Number(outlineText.match(/have (\d[\d,]*) pages/)![1]!.replace(/,/g, ''))
  expect(fs.readdirSync(app.dataDir).filter(f => f.endsWith('.pdf'))).toEqual([])
  // Leaving a section out hides the outline made without that choice; putting it back shows it again.
  const appendix = page.getByRole('checkbox', { name: /Appendix: evidence files/ })
  await appendix.click()
  await expect(outline).toHaveCount(0)
  await appendix.click()
  await expect(outline).toBeVisible()

  const target = path.join(app.dataDir, 'pack.pdf')
  host.savePaths.push(target)
  await create.click()
  const saved = page
    .getByRole('region', { name: 'Evidence pack (PDF)' })
    .getByText(/Evidence pack saved \(\d[\d,]* pages\), marked DRAFT on every page\./)
  await expect(saved).toBeVisible({ timeout: 60_000 })
  const pages = Number((await saved.textContent())!.match(/\((\d[\d,]*) pages\)/)![1]!.replace(/,/g, ''))
  expect(fs.existsSync(target)).toBe(true)
  expect(pages).toBe(outlinePages)
  // No path as text: Open and Show in folder instead.
  await expect(page.getByText(target)).toHaveCount(0)
  if (HAS_PDFTOTEXT) {
    for (let i = 1; i <= pages; i++) {
      const text = execFileSync('pdftotext', ['-f', String(i), '-l', String(i), target, '-'], { encoding: 'utf8' })
      expect(text, `page ${i}`).toContain('DRAFT — not ready to send')
    }
  } else {
    test.info().annotations.push({
      type: 'skipped assertion',
      description: 'pdftotext (poppler-utils) is not installed, so the DRAFT mark on each page was not read'
    })
  }
  await saved.scrollIntoViewIfNeeded()
  await shoot(app, 'documents-saved')
  await page.getByRole('button', { name: 'Open the evidence pack' }).click()
  await page.getByRole('button', { name: 'Show in folder: the evidence pack' }).click()
  await expect
    .poll(() => host.opened)
    .toEqual([
      { how: 'open', file: target },
      { how: 'show', file: target }
    ])
})
