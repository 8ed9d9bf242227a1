// The practice library's path lives among the app's settings (issue 18): other settings changes keep it.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readAppSettings } from '../../main/workspace/app-settings'
import { createTestSession } from '../helpers/workspace'

describe("the practice library among the app's settings", () => {
  it('stays remembered when the person chooses how the computer is used, either way', async () => {
    const test = createTestSession()
    const library = path.join(test.dir, 'practice.sglibrary')
    await test.call('library.create', { path: library, name: 'Practice', protection: { kind: 'none' } })
    for (const usage of ['consultant', 'own-organization'] as const) {
      await test.call('app.setUsage', { usage })
      expect(readAppSettings(test.session.dataDir!)).toMatchObject({ usage, practiceLibrary: library })
    }
    test.session.close()
    expect(await createTestSession({ dataDir: test.session.dataDir! }).call('library.current', {})).toEqual({
      path: library,
      name: 'Practice',
      reason: null
    })
  })
})
