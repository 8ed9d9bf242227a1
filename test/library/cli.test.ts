// `safeguard library`: create, push from one client, apply to a new one, show; the library's own passphrase variable.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { createTestSession, createTestWorkspace } from '../helpers/workspace'

const env = { SAFEGUARD_LIBRARY_PASSPHRASE: 'library passphrase for the cli test' }

describe('safeguard library', () => {
  it('creates an encrypted library, pushes an answer note from one workspace and applies it to a new one', async () => {
    const source = await createTestWorkspace()
    const questionId = (await source.call('assessment.catalog', {})).questions[1]!.id
    await source.call('assessment.setAnswer', { questionId, notes: 'Ask for the access review export.' })
    source.session.close()
    const library = path.join(source.dir, 'practice.sglibrary')

    const created = await runSafeguard(['library', 'create', library, '--name', 'Consulting library'], { env })
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('encrypted with the passphrase') })
    const pushed = await runSafeguard(['library', 'push', source.workspacePath, library, '--kind', 'answer-note', '--all', '--json'], { env })
    expect(pushed.code).toBe(0)
    expect(JSON.parse(pushed.stdout).items).toEqual([expect.objectContaining({ kind: 'answer-note', key: questionId, outcome: 'added', version: 1 })])

    const shown = JSON.parse((await runSafeguard(['library', 'show', library, '--json'], { env })).stdout)
    expect(shown.kinds.find((k: { kind: string }) => k.kind === 'answer-note').items).toEqual([expect.objectContaining({ key: questionId })])

    const target = path.join(source.dir, 'new-client.safeguard')
    expect((await runSafeguard(['init', target, '--org', 'Bayside Dental', '--unencrypted'])).code).toBe(0)
    const applied = await runSafeguard(['library', 'apply', library, target, '--id', questionId, '--json'], { env })
    expect(applied.code).toBe(0)
    expect(JSON.parse(applied.stdout)).toMatchObject({ libraryName: 'Consulting library', items: [{ key: questionId, effect: 'added' }] })

    const check = createTestSession()
    await check.call('workspace.open', { path: target })
    const item = (await check.call('assessment.questionnaire', {})).items.find(i => i.id === questionId)!
    expect(item.answer?.notes).toBe('Ask for the access review export.')
    expect(await check.call('library.applications', {})).toEqual([
      expect.objectContaining({ direction: 'applied', key: questionId, libraryName: 'Consulting library' })
    ])
  })
})
