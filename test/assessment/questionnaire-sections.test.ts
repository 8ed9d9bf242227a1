import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'
import { buildSections, isAnswered, nextUnanswered, reviewReason, standardOfCitation } from '../../renderer/src/areas/assessment/sections'

const clock = () => new Date('2026-03-10T12:00:00Z')

/** The questionnaire as the Assessment screen walks it: the real catalog and answers, split into sections. */
async function walk(ws: Awaited<ReturnType<typeof createTestWorkspace>>) {
  const catalog = await ws.call('assessment.catalog', {})
  const view = await ws.call('assessment.questionnaire', {})
  const items = view.items.filter(item => item.applies)
  return { catalog, items, sections: buildSections(items, standardOfCitation(catalog.entries), 'Cloud controls') }
}

describe('questionnaire sections', () => {
  it('puts each question in the section of its standard, cloud controls in one, every question exactly once', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const { catalog, items, sections } = await walk(ws)
    const entries = new Map(catalog.entries.map(entry => [entry.citation, entry]))
    for (const section of sections) {
      for (const item of section.items) {
        expect(item.group).toBe(section.group)
        if (item.group === 'cloud') continue
        const entry = entries.get(item.citations[0]!)!
        expect(entry.kind === 'standard' ? entry.citation : entry.standard).toBe(section.citation)
      }
    }
    const standardsAsked = new Set(items.filter(i => i.group !== 'cloud').map(i => sections.find(s => s.items.includes(i))!.citation))
    const hasCloud = items.some(i => i.group === 'cloud')
    expect(sections).toHaveLength(standardsAsked.size + (hasCloud ? 1 : 0))
    expect(sections.filter(s => s.group === 'cloud')).toHaveLength(hasCloud ? 1 : 0)
    const walked = sections.flatMap(s => s.items.map(i => i.id))
    expect(walked.sort()).toEqual(items.map(i => i.id).sort())
    expect(sections[0]!.title).toBe(entries.get(sections[0]!.citation!)!.title)
  })

  it('finds the next unanswered question after the current one, across sections and round to the start', async () => {
    const ws = await createTestWorkspace({ now: clock })
    let { sections } = await walk(ws)
    const [first, second] = sections
    await ws.call('assessment.setAnswer', { questionId: first!.items[0]!.id, value: 'no' })
    for (const item of second!.items) await ws.call('assessment.setAnswer', { questionId: item.id, value: 'yes' })
    ;({ sections } = await walk(ws))

    // From the answered first question: the next one in the same section.
    expect(nextUnanswered(sections, 0, sections[0]!.items[0]!.id)?.item.id).toBe(sections[0]!.items[1]!.id)
    // From a fully answered section with nothing focused: the first question of the next section.
    const fromSecond = nextUnanswered(sections, 1, null)!
    expect(fromSecond.section).toBe(2)
    expect(fromSecond.item.id).toBe(sections[2]!.items[0]!.id)
    // From the last question of all: round to the first unanswered one at the start.
    const lastSection = sections.at(-1)!
    expect(nextUnanswered(sections, sections.length - 1, lastSection.items.at(-1)!.id)?.item.id).toBe(sections[0]!.items[1]!.id)
  })

  it('lists No, Partly and unanswered questions for review and leaves Yes and Not applicable out', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const { sections } = await walk(ws)
    const [a, b, c, d, e] = sections[0]!.items
    await ws.call('assessment.setAnswer', { questionId: a!.id, value: 'no' })
    await ws.call('assessment.setAnswer', { questionId: b!.id, value: 'partly' })
    await ws.call('assessment.setAnswer', { questionId: c!.id, value: 'yes' })
    await ws.call('assessment.setAnswer', { questionId: d!.id, value: 'na' })
    await ws.call('assessment.setAnswer', { questionId: e!.id, value: 'not-assessed' })
    const after = (await walk(ws)).sections[0]!.items
    const byId = new Map(after.map(item => [item.id, item]))
    expect([a, b, c, d, e].map(item => reviewReason(byId.get(item!.id)!))).toEqual(['Answered No', 'Answered Partly', null, null, 'Not assessed yet'])
    expect([a, b, c, d, e].map(item => isAnswered(byId.get(item!.id)!))).toEqual([true, true, true, true, false])
    const progress = await ws.call('assessment.progress', {})
    expect(progress.overall.answered).toBe(4)
  })
})
