import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProgressUpdate } from '../../main/api/define-call'
import { MAX_INCIDENT_ROWS } from '../../main/breach/import-rows'
import { CHECK_ON_THREAD_FROM_BYTES } from '../../main/shared/register-import-thread'
import { MAX_IMPORT_BYTES } from '../../main/shared/tabular-file'
import { createBreachWorkspace, rowCount, workspaceDump } from './workspace'

const thousands = (n: number) => n.toLocaleString('en-US')

/** A workspace holding one incident already, so an unchanged dump is not merely an empty one. */
async function workspaceWithOneIncident() {
  const ws = await createBreachWorkspace()
  await ws.call('incidents.create', {
    incident: { title: 'Misdirected fax', discoveredOn: '2026-03-02', role: 'covered-entity', unsecuredPhi: true, affectedByState: { TX: 1 } }
  })
  return ws
}

/** `count` valid incidents, one a day from 1 January 2026. */
function incidents(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    title: `Incident ${i + 1}`,
    discoveredOn: new Date(Date.UTC(2026, 0, 1 + (i % 300))).toISOString().slice(0, 10),
    role: 'covered-entity',
    unsecuredPhi: i % 2 === 0,
    affectedByState: { TX: 1 + (i % 40) }
  }))
}

describe('incident import limits', () => {
  it('refuses a 20 MB array of empty objects by its row count and changes nothing', async () => {
    const ws = await workspaceWithOneIncident()
    const count = Math.floor((MAX_IMPORT_BYTES - 2) / 3)
    const file = path.join(ws.dir, 'empty-objects.json')
    fs.writeFileSync(file, `[${Array(count).fill('{}').join(',')}]`)
    expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_IMPORT_BYTES)
    const before = workspaceDump(ws.db)
    await expect(ws.call('incidents.importFile', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: `"empty-objects.json" holds ${thousands(count)} rows, more than the ${thousands(MAX_INCIDENT_ROWS)} incidents one import takes. Nothing was imported; split the file into smaller ones.`
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('refuses JSON lines of empty objects, and a wrapped list or CSV one row over the limit', async () => {
    const ws = await workspaceWithOneIncident()
    const before = workspaceDump(ws.db)
    const lines = path.join(ws.dir, 'lines.json')
    const lineCount = Math.floor(MAX_IMPORT_BYTES / 3)
    fs.writeFileSync(lines, '{}\n'.repeat(lineCount))
    await expect(ws.call('incidents.importFile', { path: lines })).rejects.toMatchObject({
      message: expect.stringContaining(`"lines.json" holds ${thousands(lineCount)} rows, more than the ${thousands(MAX_INCIDENT_ROWS)} incidents`)
    })
    const over = MAX_INCIDENT_ROWS + 1
    const wrapped = path.join(ws.dir, 'wrapped.json')
    fs.writeFileSync(wrapped, JSON.stringify({ incidents: incidents(over) }, null, 2))
    await expect(ws.call('incidents.importFile', { path: wrapped })).rejects.toMatchObject({
      message: expect.stringContaining(`"wrapped.json" holds ${thousands(over)} rows`)
    })
    const csv = path.join(ws.dir, 'many.csv')
    fs.writeFileSync(
      csv,
      ['title,discoveredOn,role,unsecuredPhi', ...incidents(over).map(i => `${i.title},${i.discoveredOn},${i.role},yes`)].join('\n')
    )
    await expect(ws.call('incidents.importFile', { path: csv })).rejects.toMatchObject({
      message: expect.stringContaining(`"many.csv" holds ${thousands(over)} rows`)
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  }, 60_000)

  it('imports a log at the limit, reporting progress row by row', async () => {
    const ws = await createBreachWorkspace()
    const file = path.join(ws.dir, 'log.json')
    fs.writeFileSync(file, JSON.stringify(incidents(MAX_INCIDENT_ROWS)))
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(CHECK_ON_THREAD_FROM_BYTES)
    const updates: ProgressUpdate[] = []
    const report = await ws.call('incidents.importFile', { path: file }, { onProgress: update => updates.push(update) })
    expect(report).toMatchObject({ format: 'json', imported: MAX_INCIDENT_ROWS })
    expect(updates[0]).toMatchObject({ phase: 'read' })
    const checked = updates.filter(update => update.phase === 'check').map(update => update.done)
    expect(checked.length).toBeGreaterThan(2)
    expect(checked).toEqual([...checked].sort((a, b) => a! - b!))
    expect(checked.at(-1)).toBe(MAX_INCIDENT_ROWS)
    expect(rowCount(ws.db, 'incident')).toBe(MAX_INCIDENT_ROWS)
  }, 120_000)

  it('leaves the workspace unchanged when cancelled while the rows are checked on the thread', async () => {
    const ws = await workspaceWithOneIncident()
    const before = workspaceDump(ws.db)
    const file = path.join(ws.dir, 'log.json')
    fs.writeFileSync(file, JSON.stringify({ incidents: incidents(5_000) }))
    expect(fs.statSync(file).size).toBeGreaterThanOrEqual(CHECK_ON_THREAD_FROM_BYTES)
    const controller = new AbortController()
    const seen: ProgressUpdate[] = []
    const cancelled = ws.call(
      'incidents.importFile',
      { path: file },
      {
        signal: controller.signal,
        onProgress: update => {
          seen.push(update)
          if (update.phase === 'check') controller.abort()
        }
      }
    )
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled', message: 'Import cancelled: nothing from "log.json" was imported.' })
    expect(seen.map(update => update.phase)).toEqual(['read', 'check'])
    expect(workspaceDump(ws.db)).toEqual(before)
  }, 60_000)
})
