import { expect, test, type AppHarness } from './fixtures'

/**
 * The questionnaire on a laptop (issue 19, item 3): a compact header, one section (a standard and its specifications)
 * at a time with Previous/Next section, a sticky progress bar, the section's areas for review at its end and a
 * "Next unanswered" action.
 */

const LAPTOP = { width: 1366, height: 768 }
const DESKTOP = { width: 1920, height: 1080 }

async function openAssessment(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Assessment', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Assessment', level: 1 })).toBeVisible()
}

/** Answers one question by clicking its choice and waits until it is saved. */
async function answer(app: AppHarness, questionId: string, choice: 'Yes' | 'No' | 'Partly'): Promise<void> {
  const card = app.page.locator(`[data-question-id="${questionId}"]`)
  await card.getByRole('radio', { name: choice, exact: true }).click()
  await expect(card.getByRole('status').first()).toHaveText('Saved.')
}

test('the questionnaire fits a laptop and flows section by section', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await page.setViewportSize(LAPTOP)
  await openAssessment(app)

  const heading = page.getByTestId('section-heading')
  const bar = page.getByTestId('questionnaire-progress')
  const cards = page.getByTestId('question-card')
  await expect(heading).toHaveText('Security management process')
  await expect(bar).toContainText('Section 1 of')

  // At 1366×768 the first question is on screen without scrolling.
  const firstTop = (await cards.first().boundingBox())!.y
  expect(firstTop).toBeLessThan(LAPTOP.height)
  expect(await page.locator('#main-content').evaluate(main => main.scrollTop)).toBe(0)
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('questionnaire-1366-light')

  // Next and Previous section, from the keyboard: the section changes and focus lands on its heading.
  const firstSectionIds = await cards.evaluateAll(list => list.map(card => card.getAttribute('data-question-id')))
  await page.getByRole('button', { name: 'Next section' }).focus()
  await page.keyboard.press('Enter')
  await expect(heading).toHaveText('Assigned security responsibility')
  await expect(heading).toBeFocused()
  await expect(bar).toContainText('Section 2 of')
  const secondSectionIds = await cards.evaluateAll(list => list.map(card => card.getAttribute('data-question-id')))
  expect(secondSectionIds.some(id => firstSectionIds.includes(id))).toBe(false)
  await page.getByRole('button', { name: 'Previous section' }).click()
  await expect(heading).toHaveText('Security management process')
  await expect(heading).toBeFocused()

  // A question answered No is listed among the section's areas for review; its link focuses the question.
  const firstId = firstSectionIds[0]!
  const firstCard = page.locator(`[data-question-id="${firstId}"]`)
  const firstText = (await firstCard.getByRole('heading', { level: 3 }).textContent())!
  await answer(app, firstId, 'No')
  const review = page.getByTestId('section-review')
  const reviewed = review.getByRole('listitem').filter({ hasText: firstText })
  await expect(reviewed).toContainText('Answered No')
  await page.locator('#main-content').evaluate(main => main.scrollTo(0, 0))
  await reviewed.getByRole('link', { name: firstText }).click()
  await expect(firstCard).toBeFocused()
  await expect(firstCard).toBeInViewport()
  // The progress counts it, with the section's and the whole questionnaire's figures.
  await expect(bar).toContainText(/This section: 1 of \d+ answered/)
  await expect(bar).toContainText(/All sections: 1 of [\d,]+ answered/)

  // "Next unanswered" goes on from the question the person was last in: from the first, the second (not answered yet)…
  await page.getByRole('button', { name: 'Next unanswered' }).click()
  const focusedCard = page.locator('[data-question-id]:focus')
  await expect(focusedCard).toHaveAttribute('data-question-id', firstSectionIds[1]!)
  await expect(focusedCard.getByRole('radio', { checked: true })).toHaveCount(0)
  await expect(focusedCard).toBeInViewport()
  // …and after answering the third, the fourth, although the second is still unanswered above it.
  await answer(app, firstSectionIds[2]!, 'Yes')
  await page.getByRole('button', { name: 'Next unanswered' }).click()
  await expect(focusedCard).toHaveAttribute('data-question-id', firstSectionIds[3]!)
  await expect(focusedCard.getByRole('radio', { checked: true })).toHaveCount(0)

  // Across sections: with the second section answered, "Next unanswered" from its last question opens the third.
  await page.getByRole('button', { name: 'Next section' }).click()
  await expect(heading).toHaveText('Assigned security responsibility')
  const secondIds = await cards.evaluateAll(list => list.map(card => card.getAttribute('data-question-id')!))
  for (const id of secondIds) await answer(app, id, 'Yes')
  await expect(bar).toContainText(`This section: ${secondIds.length} of ${secondIds.length} answered`)
  await expect(page.getByTestId('section-review')).toContainText('No question in this section is answered No or Partly or left unanswered.')
  await page.locator(`[data-question-id="${secondIds.at(-1)}"]`).focus()
  await page.getByRole('button', { name: 'Next unanswered' }).click()
  await expect(heading).toHaveText('Workforce security')
  await expect(page.locator('[data-question-id]:focus')).toHaveCount(1)
  await expect(page.locator('[data-question-id]:focus').getByRole('radio', { checked: true })).toHaveCount(0)

  // The progress bar stays at the top while the questions scroll under it.
  const main = page.locator('#main-content')
  await main.evaluate(element => element.scrollTo(0, element.scrollHeight))
  await expect.poll(() => main.evaluate(element => element.scrollTop)).toBeGreaterThan(300)
  const box = (await bar.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y).toBeLessThan(200)
  await expect(page.getByRole('button', { name: 'Next section' })).toBeInViewport()
  await app.screenshot('questionnaire-1366-light-scrolled')

  // The same screens at 1920×1080 and in the dark appearance, axe clean.
  await main.evaluate(element => element.scrollTo(0, 0))
  await page.setViewportSize(DESKTOP)
  expect((await cards.first().boundingBox())!.y).toBeLessThan(LAPTOP.height)
  await app.screenshot('questionnaire-1920-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('questionnaire-1920-dark')
  await page.setViewportSize(LAPTOP)
  await app.screenshot('questionnaire-1366-dark')
  await main.evaluate(element => element.scrollTo(0, element.scrollHeight))
  await expect.poll(async () => (await bar.boundingBox())!.y).toBeLessThan(200)
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('questionnaire-1366-dark-scrolled')

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
