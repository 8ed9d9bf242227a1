import { describe, expect, it } from 'vitest'
import type { QuestionItem } from '../../main/assessment/contract'
import { questionOn } from '../../renderer/src/areas/assessment/sections'

/** Questions reduced to what questionOn reads: an id and the citations. */
const question = (id: string, ...citations: string[]) => ({ id, citations }) as unknown as QuestionItem

describe('the question a review flag opens', () => {
  const items = [question('encryption', '164.312(a)(2)(iv)'), question('audit', '164.312(b)'), question('cloud', '164.312(a)(1)', '164.312(b)')]

  it('is the first question citing the specification, else one citing a paragraph under it', () => {
    expect(questionOn(items, '164.312(b)')?.id).toBe('audit')
    expect(questionOn(items, '164.312(a)(1)')?.id).toBe('cloud')
    expect(questionOn(items, '164.312(a)(2)')?.id).toBe('encryption')
    expect(questionOn(items, '164.312(a)')?.id).toBe('encryption')
  })

  it('is none when no question cites it or a paragraph under it (a longer number is not a paragraph)', () => {
    expect(questionOn(items, '164.312(c)(1)')).toBeNull()
    expect(questionOn(items, '164.312(a)(2)(i)')).toBeNull()
    expect(questionOn([], '164.312(b)')).toBeNull()
  })
})
