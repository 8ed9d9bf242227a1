import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CALL_NAMES, contract } from '../../main/api/contract'
import { dispatch } from '../../main/api/dispatch'
import { handlers } from '../../main/api/handlers'
import { createTestWorkspace } from '../helpers/workspace'

describe('API dispatch', () => {
  it('has exactly one handler per call in the contract', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CALL_NAMES].sort())
    expect(CALL_NAMES.length).toBe(Object.keys(contract).length)
  })

  it('rejects an unknown call name with a clear error and changes nothing', async () => {
    const test = await createTestWorkspace()
    const before = fs.readFileSync(test.workspacePath)
    for (const name of ['workspace.drop', '__proto__', 'constructor', 'toString', '', 42, null]) {
      const result = await dispatch(name, {}, test.context())
      expect(result).toEqual({ ok: false, error: { code: 'unknown-call', message: `Unknown call "${String(name)}".` } })
    }
    expect(fs.readFileSync(test.workspacePath).equals(before)).toBe(true)
  })

  it('rejects invalid input naming the field, before any handler runs', async () => {
    const test = await createTestWorkspace()
    const before = await test.call('workspace.current', {})
    const result = await dispatch('workspace.updateProfile', { organization: { name: '', role: 'hospital', contactEmail: 'nope' } }, test.context())
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid-input')
    expect(result.error.message).toContain('organization.name: Enter the organisation name')
    expect(result.error.message).toContain('organization.role')
    expect(result.error.message).toContain('organization.contactEmail: Enter a valid email address')
    expect(await test.call('workspace.current', {})).toEqual(before)
  })

  it('rejects unexpected extra fields rather than ignoring them', async () => {
    const test = await createTestWorkspace()
    const result = await dispatch('workspace.open', { path: test.workspacePath, sql: 'DROP TABLE workspace' }, test.context())
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('invalid-input')
  })

  it('turns a handler refusal into an error envelope with the handler message', async () => {
    const test = await createTestWorkspace()
    await test.call('workspace.close', {})
    const result = await dispatch('workspace.updateProfile', { organization: { name: 'X', role: 'covered-entity' } }, test.context())
    expect(result).toEqual({
      ok: false,
      error: { code: 'no-workspace', message: 'No workspace is open. Create a workspace or open one first.' }
    })
  })
})

describe('calls from a transport', () => {
  it('run one at a time, so a long call never interleaves with another', async () => {
    const test = await createTestWorkspace()
    const order: string[] = []
    const slow = test.session.serialize(async () => {
      order.push('slow:start')
      await new Promise(resolve => setTimeout(resolve, 50))
      order.push('slow:end')
    })
    const quick = dispatch('workspace.current', {}, test.context()).then(() => order.push('quick'))
    await Promise.all([slow, quick])
    expect(order).toEqual(['slow:start', 'slow:end', 'quick'])
  })

  it('keep running after a call fails', async () => {
    const test = await createTestWorkspace()
    await expect(test.session.serialize(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect((await dispatch('workspace.current', {}, test.context())).ok).toBe(true)
  })
})
