import { loadNprm } from '../../main/proposed-rule/nprm'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

// Issue 15: the proposed Security Rule (90 FR 898) kept apart from the rule in force.

async function shoot(app: AppHarness, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`${name}-${scheme}`)
    // The page scrolls inside the main region: the row with a recorded decision as well.
    await app.page.locator('[data-citation="164.312(a)(2)(iv)"]').scrollIntoViewIfNeeded()
    await app.screenshot(`${name}-${scheme}-decision`)
    await app.page.locator('.app-main').evaluate(main => main.scrollTo(0, 0))
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
}

test('the readiness view is absent until turned on in Settings, then shows the status banner and a row per specification', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  const nav = page.getByRole('navigation', { name: 'Main' })
  const entry = nav.getByRole('button', { name: 'Proposed rule', exact: true })
  await expect(nav.getByRole('button', { name: 'Settings', exact: true })).toBeVisible()
  await expect(entry).toHaveCount(0)

  // The calendar leaves the proposal's duties out by default and gives its status in the disclaimer.
  await openArea(app, 'Calendar')
  await expect(page.getByRole('checkbox', { name: 'Include duties of the proposed Security Rule (not in force)' })).not.toBeChecked()
  await expect(page.getByText(/\(proposed rule\)/)).toHaveCount(0)
  await expect(page.getByTestId('calendar-disclaimer')).toContainText(/Status of the proposal \(90 FR 898\) as of \S+: Still proposed/)

  // A decision recorded in the assessment, as its decision dialog records it.
  const decided = await page.evaluate(() =>
    (window as unknown as { safeguard: { calls: Record<string, (input: unknown, id: string) => Promise<{ ok: boolean }>> } }).safeguard.calls[
      'assessment.setDecision'
    ]!({ citation: '164.312(a)(2)(iv)', decision: 'equivalent-alternative', explanation: 'Full-disk encryption on laptops only.' }, 'e2e-decision')
  )
  expect(decided.ok).toBe(true)

  await openArea(app, 'Settings')
  const toggle = page.getByRole('switch', { name: 'Show the proposed Security Rule readiness view' })
  await expect(toggle).not.toBeChecked()
  await toggle.click()
  await expect(toggle).toBeChecked()
  await expect(entry).toBeVisible()

  await entry.click()
  await expect(page.getByRole('heading', { name: 'Proposed rule readiness', level: 1 })).toBeVisible()
  await expect(page.getByTestId('proposed-rule-status')).toContainText(/Proposed, not in force; status as of \S+\./)
  const table = page.getByRole('table', { name: 'Specifications the proposed rule would change' })
  const encryption = table.getByRole('row').filter({ hasText: '45 CFR 164.312(a)(2)(iv)' })
  await expect(encryption).toContainText('Addressable')
  await expect(encryption).toContainText('Electronic PHI encrypted at rest')
  await expect(encryption).toContainText('Decision: Equivalent alternative (Full-disk encryption on laptops only.)')
  await expect(encryption).toContainText("Addressable today: your decision is 'Equivalent alternative'. Would be required if finalised")
  const logoff = table.getByRole('row').filter({ hasText: '45 CFR 164.312(a)(2)(iii)' })
  await expect(logoff).toContainText('Addressable today: no decision recorded yet. Would be required if finalised.')
  // Each row says where the proposed text would put its changes, or that it was not found.
  await expect(logoff.getByTestId('proposed-sections')).toHaveText('Proposed §: not found')
  const placed = loadNprm().specifications.find(specification => specification.changes.some(change => change.proposedSection.found))!
  const placedSection = placed.changes.flatMap(change => (change.proposedSection.found ? [change.proposedSection.section] : []))[0]!
  const placedRow = table.getByRole('row').filter({ hasText: `45 CFR ${placed.citation}` })
  await expect(placedRow.getByTestId('proposed-sections')).toContainText(`Proposed § ${placedSection}`)
  await expect(placedRow).toContainText(`Proposed § ${placedSection} (`)
  // Where each number was read, with the source named in full.
  const sectionSources = page.getByTestId('proposed-section-sources')
  await sectionSources.getByText('Where the section numbers come from').click()
  await expect(sectionSources).toContainText(`Proposed § ${placedSection}: read in`)
  await expect(sectionSources).toContainText(loadNprm().proposedSections.note)
  await expect(page.getByRole('main')).not.toContainText(/overdue/i)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'proposed-rule-readiness')

  // The choice is the app's: still on after a restart.
  await app.restart()
  await expect(entry).toBeVisible()
})
