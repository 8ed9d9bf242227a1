// A new client started from the practice library: which picked items are applied, and what the person is told was not.
import { describe, expect, it } from 'vitest'
import type { LibraryApplyPreview, LibraryEffect } from '../../main/library/contract'
import { allNotApplied, planLibraryStart } from '../../renderer/src/areas/clients/library-start'

function item(id: number, title: string, effect: LibraryEffect | null, problem: string | null = null) {
  return {
    id,
    kind: 'answer-note' as const,
    key: `q-${id}`,
    title,
    preview: '',
    version: 1,
    updatedAt: '2026-12-07',
    earlierVersions: 0,
    effect,
    problem
  }
}

const preview: LibraryApplyPreview = {
  libraryName: 'Harbor Consulting',
  kinds: [
    {
      kind: 'answer-note',
      label: 'Answer notes',
      description: '',
      copies: [],
      neverCopied: [],
      items: [item(1, 'Adds here', 'added'), item(2, 'Replaces here', 'replaced'), item(3, 'Same already', 'unchanged')]
    },
    {
      kind: 'risk-scenario',
      label: 'Risk scenarios',
      description: '',
      copies: [],
      neverCopied: [],
      items: [item(4, 'Unknown question', null, 'No question zz-1 in this workspace.'), item(5, 'No reason given', null)]
    }
  ]
}

describe('starting a new client from the practice library', () => {
  it('applies only what was picked and the workspace can take, and says why each other picked item was not applied', () => {
    expect(planLibraryStart(preview, [2, 4, 3, 9, 1], [{ label: 'Answer notes', items: [{ id: 9, title: 'Listed before' }] }])).toEqual({
      apply: [2, 1],
      notApplied: [
        { title: 'Unknown question', kindLabel: 'Risk scenarios', reason: 'No question zz-1 in this workspace.' },
        { title: 'Listed before', kindLabel: 'Answer notes', reason: 'It is no longer in the library.' }
      ]
    })
    expect(planLibraryStart(preview, [5]).notApplied).toEqual([
      { title: 'No reason given', kindLabel: 'Risk scenarios', reason: 'It cannot be applied here.' }
    ])
    expect(planLibraryStart(preview, [])).toEqual({ apply: [], notApplied: [] })
  })

  it('names every item of a failed application by the title it was listed with', () => {
    expect(allNotApplied(preview.kinds, [1, 2], 'disk full')).toEqual([
      { title: 'Adds here', kindLabel: 'Answer notes', reason: 'disk full' },
      { title: 'Replaces here', kindLabel: 'Answer notes', reason: 'disk full' }
    ])
    expect(planLibraryStart(preview, [8]).notApplied).toEqual([
      { title: 'Item 8', kindLabel: 'Library item', reason: 'It is no longer in the library.' }
    ])
    expect(allNotApplied([], [7], 'No practice library is open.')).toEqual([
      { title: 'Item 7', kindLabel: 'Library item', reason: 'No practice library is open.' }
    ])
  })
})
