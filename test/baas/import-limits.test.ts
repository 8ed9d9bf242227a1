import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProgressUpdate } from '../../main/api/define-call'
import { MAX_BUSINESS_ASSOCIATE_ROWS } from '../../main/baas/import-rows'
import { CHECK_ON_THREAD_FROM_BYTES } from '../../main/shared/register-import-thread'
import { MAX_IMPORT_BYTES } from '../../main/shared/tabular-file'
import { createBreachWorkspace, rowCount, workspaceDump } from '../breach/workspace'

/** A workspace holding one party already, so an unchanged dump is not merely an empty one. */
async function workspaceWithOneParty() {
  const ws = await createBreachWorkspace()
  await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-05-01', expiresOn: '2027-05-31' } })
  return ws
}

/** As many `{}` rows as fit in the register size limit: millions of rows in 20 MB. */
function tinyRowCount(separatorBytes: number): number {
  return Math.floor((MAX_IMPORT_BYTES - 2) / (2 + separatorBytes))
}

/** A register of `count` parties in one chain: party i's parent is party i + 1, the last has none. */
function chainRegister(count: number): { name: string; parent?: string; handlesPhi: boolean }[] {
  return Array.from({ length: count }, (_, i) => ({ name: `Party ${i}`, ...(i + 1 < count ? { parent: `Party ${i + 1}` } : {}), handlesPhi: false }))
}

const thousands = (n: number) => n.toLocaleString('en-US')

describe('business associate import limits', () => {
  it('refuses a 20 MB array of empty objects by its row count, before checking any row, and changes nothing', async () => {
    const ws = await workspaceWithOneParty()
    const count = tinyRowCount(1)
    const file = path.join(ws.dir, 'empty-objects.json')
    fs.writeFileSync(file, `[${Array(count).fill('{}').join(',')}]`)
    expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_IMPORT_BYTES)
    const before = workspaceDump(ws.db)
    const error = await ws.call('baas.importFile', { path: file }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'import-rejected',
      message: `"empty-objects.json" holds ${thousands(count)} rows, more than the ${thousands(MAX_BUSINESS_ASSOCIATE_ROWS)} business associates one import takes. Nothing was imported; split the file into smaller ones.`
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('refuses JSON lines of empty objects and a wrapped list the same way', async () => {
    const ws = await workspaceWithOneParty()
    const before = workspaceDump(ws.db)
    const lines = path.join(ws.dir, 'lines.json')
    const lineCount = tinyRowCount(1)
    fs.writeFileSync(lines, Array(lineCount).fill('{}').join('\n'))
    await expect(ws.call('baas.importFile', { path: lines })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringContaining(`"lines.json" holds ${thousands(lineCount)} rows, more than the ${thousands(MAX_BUSINESS_ASSOCIATE_ROWS)}`)
    })
    const wrapped = path.join(ws.dir, 'wrapped.json')
    const over = MAX_BUSINESS_ASSOCIATE_ROWS + 1
    fs.writeFileSync(wrapped, JSON.stringify({ note: 'a "businessAssociates" string is no key', businessAssociates: chainRegister(over) }))
    await expect(ws.call('baas.importFile', { path: wrapped })).rejects.toMatchObject({
      message: expect.stringContaining(`"wrapped.json" holds ${thousands(over)} rows`)
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('refuses a CSV of more rows than the limit, counting quoted line breaks as part of their row', async () => {
    const ws = await workspaceWithOneParty()
    const before = workspaceDump(ws.db)
    const over = MAX_BUSINESS_ASSOCIATE_ROWS + 1
    const file = path.join(ws.dir, 'big.csv')
    const rows = Array.from({ length: over }, (_, i) => `"Party ${i}","line one\nline two",no`)
    fs.writeFileSync(file, `name,notes,handlesPhi\r\n${rows.join('\r\n')}\r\n\r\n`)
    await expect(ws.call('baas.importFile', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringContaining(`"big.csv" holds ${thousands(over)} rows, more than the ${thousands(MAX_BUSINESS_ASSOCIATE_ROWS)}`)
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('refuses a file over the size limit, naming the limit', async () => {
    const ws = await workspaceWithOneParty()
    const file = path.join(ws.dir, 'huge.json')
    fs.writeFileSync(file, `[${' '.repeat(MAX_IMPORT_BYTES)}]`)
    await expect(ws.call('baas.importFile', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: '"huge.json" is larger than the 20 MB limit for a register.'
    })
    expect(rowCount(ws.db, 'business_associate')).toBe(1)
  })

  it('lists at most 20 problems of at most 300 characters for one row, saying how many more there are', async () => {
    const ws = await workspaceWithOneParty()
    const file = path.join(ws.dir, 'noisy.json')
    const unknownKeys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`extra${i}`, i]))
    const badItems = 30
    fs.writeFileSync(
      file,
      JSON.stringify([
        { name: 'Acme', ...unknownKeys },
        { name: 'Bolt', phiCategories: Array(badItems).fill(7) }
      ])
    )
    const error = await ws.call('baas.importFile', { path: file }).catch((e: unknown) => e)
    const rows = (error as { details: { rows: { errors: string[] }[] } }).details.rows
    expect(rows[0]!.errors).toHaveLength(1)
    expect(rows[0]!.errors[0]).toMatch(/^\(row\): Unrecognized keys: "extra0", "extra1"/)
    expect(rows[0]!.errors[0]!.length).toBe(301)
    expect(rows[1]!.errors).toHaveLength(21)
    expect(rows[1]!.errors.slice(0, 20).every(line => line.startsWith('phiCategories.'))).toBe(true)
    expect(rows[1]!.errors[20]).toBe(`and ${badItems - 20} more problems in this row`)
    expect((error as Error).message.length).toBeLessThan(500)
  })

  it('imports a register at the limit in one deep chain, reporting progress, each party under the next', async () => {
    const ws = await createBreachWorkspace()
    const file = path.join(ws.dir, 'chain.json')
    const register = chainRegister(MAX_BUSINESS_ASSOCIATE_ROWS)
    // The top of the chain last in the file: every party is read before its parent.
    fs.writeFileSync(file, JSON.stringify({ businessAssociates: register }))
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(CHECK_ON_THREAD_FROM_BYTES)
    const updates: ProgressUpdate[] = []
    const report = await ws.call('baas.importFile', { path: file }, { onProgress: update => updates.push(update) })
    expect(report).toMatchObject({ format: 'json', imported: register.length })
    expect(updates[0]).toMatchObject({ phase: 'read' })
    expect(updates.at(-1)).toEqual({ phase: 'check', done: register.length, total: register.length, unit: 'rows' })
    const stored = ws.db.prepare('SELECT id, name, parent_id AS parentId FROM business_associate').all() as {
      id: number
      name: string
      parentId: number | null
    }[]
    const byId = new Map(stored.map(row => [row.id, row]))
    const byName = new Map(stored.map(row => [row.name, row]))
    for (const party of register) {
      const row = byName.get(party.name)!
      expect(row.parentId === null ? undefined : byId.get(row.parentId)!.name).toBe(party.parent)
    }
    const deepest = await ws.call('baas.get', { id: byName.get('Party 0')!.id, expiringWithinDays: 60 })
    expect(deepest.ancestors).toHaveLength(register.length - 1)
    expect(deepest.ancestors[0]!.name).toBe(`Party ${register.length - 1}`)
    expect(deepest.ancestors.at(-1)!.name).toBe('Party 1')
  }, 120_000)

  it('still reports a chain that loops, on every party in or below the loop, with the same messages', async () => {
    const ws = await workspaceWithOneParty()
    const before = workspaceDump(ws.db)
    const file = path.join(ws.dir, 'loop.json')
    fs.writeFileSync(
      file,
      JSON.stringify([
        { name: 'Alpha', parent: 'Bravo' },
        { name: 'Bravo', parent: 'Charlie' },
        { name: 'Charlie', parent: 'alpha' },
        { name: 'Delta', parent: 'Alpha' },
        { name: 'Echo', parent: 'northwind billing' },
        { name: 'Foxtrot', parent: 'Foxtrot' },
        { name: 'Golf', parent: 'Nobody' }
      ])
    )
    const error = await ws.call('baas.importFile', { path: file }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'import-rejected',
      message: 'Nothing was imported: 6 of 7 rows in "loop.json" have problems (first: row 1, parent: the chain loops back to this party).'
    })
    const rows = (error as { details: { rows: { row: number; ok: boolean; errors: string[] }[] } }).details.rows
    expect(rows.map(row => row.errors)).toEqual([
      ['parent: the chain loops back to this party'],
      ['parent: the chain loops back to this party'],
      ['parent: the chain loops back to this party'],
      ['parent: the chain loops back to this party'],
      [],
      ['parent: a party cannot be its own parent', 'parent: the chain loops back to this party'],
      ['parent: no party named "Nobody" in the file or the workspace']
    ])
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('leaves the workspace unchanged when the import is cancelled while the file is checked on its thread, or before it starts', async () => {
    const ws = await workspaceWithOneParty()
    const before = workspaceDump(ws.db)
    const file = path.join(ws.dir, 'chain.csv')
    const register = chainRegister(4_000)
    const notes = 'Reviewed at onboarding; agreement on file'
    fs.writeFileSync(file, ['name,parent,handlesPhi,notes', ...register.map(p => `${p.name},${p.parent ?? ''},no,${notes}`)].join('\n'))
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(CHECK_ON_THREAD_FROM_BYTES)
    const controller = new AbortController()
    const phases: string[] = []
    const cancelled = ws.call(
      'baas.importFile',
      { path: file },
      {
        signal: controller.signal,
        onProgress: update => {
          phases.push(update.phase)
          controller.abort()
        }
      }
    )
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled', message: 'Import cancelled: nothing from "chain.csv" was imported.' })
    // The thread was stopped at its first report: nothing after it arrived.
    expect(phases).toEqual(['read'])
    expect(workspaceDump(ws.db)).toEqual(before)
    await expect(ws.call('baas.importFile', { path: file }, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' })
    expect(workspaceDump(ws.db)).toEqual(before)
    // The same file, not cancelled, imports whole.
    expect(await ws.call('baas.importFile', { path: file })).toMatchObject({ format: 'csv', imported: register.length })
    expect(rowCount(ws.db, 'business_associate')).toBe(register.length + 1)
  }, 60_000)

  it('checks a small file on the calling thread, with the same progress, and a cancel meanwhile still stores nothing', async () => {
    const ws = await workspaceWithOneParty()
    const before = workspaceDump(ws.db)
    const file = path.join(ws.dir, 'small.json')
    const register = chainRegister(300)
    fs.writeFileSync(file, JSON.stringify(register))
    expect(fs.statSync(file).size).toBeLessThan(CHECK_ON_THREAD_FROM_BYTES)
    const controller = new AbortController()
    const updates: ProgressUpdate[] = []
    const cancelled = ws.call(
      'baas.importFile',
      { path: file },
      {
        signal: controller.signal,
        onProgress: update => {
          updates.push(update)
          controller.abort()
        }
      }
    )
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' })
    expect(updates[0]).toEqual({ phase: 'read' })
    expect(updates.at(-1)).toEqual({ phase: 'check', done: register.length, total: register.length, unit: 'rows' })
    expect(workspaceDump(ws.db)).toEqual(before)
    expect(await ws.call('baas.importFile', { path: file })).toMatchObject({ imported: register.length })
  })
})
