import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

const HEADER = 'question_id,answer,notes,value,decision,decision_explanation'

describe('questionnaire CSV import refuses a file it would misread', () => {
  it('refuses a column named twice, naming it, and saves nothing', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'twice.csv')
    // The second "answer" column would silently win over the first.
    fs.writeFileSync(file, [`${HEADER},Answer`, 'q-308-a2-1,Yes,,,,,No'].join('\n'))
    await expect(ws.call('assessment.importCsv', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringMatching(/the column "answer" twice/)
    })
    const questionnaire = await ws.call('assessment.questionnaire', {})
    expect(questionnaire.items.find(q => q.id === 'q-308-a2-1')!.answer).toBeFalsy()
  })

  it('refuses a NUL character anywhere, naming the line and column, and saves nothing', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'nul.csv')
    fs.writeFileSync(file, [HEADER, 'q-308-a2-1,Yes,fine,,,', 'q-308-a5-iiA-1,No,cut\0short,,,'].join('\n'))
    await expect(ws.call('assessment.importCsv', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringMatching(/NUL character on line 3, column notes/)
    })
    const questionnaire = await ws.call('assessment.questionnaire', {})
    expect(questionnaire.items.find(q => q.id === 'q-308-a2-1')!.answer).toBeFalsy()
  })
})
