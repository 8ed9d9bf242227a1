// Small builders for what an infrastructure reader produces, and a way to put
// them through the real import (a JSON file read by a stand-in reader), so the
// store, rules and calls are tested without waiting on any file format.

import fs from 'node:fs'
import path from 'node:path'
import { backupBeforeImport } from '../../main/backup/backup'
import type { Db } from '../../main/db/driver'
import type { MapImportResult } from '../../main/map/contract'
import { importMapFile, type InfrastructureReader } from '../../main/map/import/import-map-file'
import type { ParsedAsset, ParsedFlow, ParsedInfrastructure, ParsedZone } from '../../main/map/model'
import type { createTestWorkspace } from '../helpers/workspace'

export type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

export const NOW = '2025-06-01T12:00:00.000Z'

export function zone(key: string, kind: ParsedZone['kind'], parentKey: string | null = null, extra: Partial<ParsedZone> = {}): ParsedZone {
  return {
    key,
    kind,
    name: key.split(':').at(-1) as string,
    parentKey,
    cidr: null,
    placeholder: false,
    provider: 'aws',
    account: '111122223333',
    region: 'us-east-1',
    ...extra
  }
}

export function asset(key: string, kind: ParsedAsset['kind'], zoneKeys: string[], extra: Partial<ParsedAsset> = {}): ParsedAsset {
  return {
    key,
    name: key.split(':').at(-1) as string,
    resourceType: `aws_${kind}`,
    kind,
    serviceId: null,
    zoneKeys,
    arn: null,
    account: '111122223333',
    region: 'us-east-1',
    encryptedAtRest: null,
    publicAccess: null,
    attributes: {},
    ...extra
  }
}

export function flow(fromKey: string, toKey: string, kind: ParsedFlow['kind'], extra: Partial<ParsedFlow> = {}): ParsedFlow {
  return { fromKey, toKey, kind, label: '', encryptedInTransit: null, ...extra }
}

export function infrastructure(parts: Partial<ParsedInfrastructure>): ParsedInfrastructure {
  return { format: 'terraform-tfstate', assets: [], zones: [], flows: [], warnings: [], ...parts }
}

/** Reads a file holding a ParsedInfrastructure as JSON: the stand-in for the format readers. */
export const jsonReader: InfrastructureReader = async file => JSON.parse(fs.readFileSync(file, 'utf8')) as ParsedInfrastructure

export function writeParsed(dir: string, name: string, parsed: ParsedInfrastructure): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(parsed))
  return file
}

/** Imports as the map.import handler does (backup first), with the stand-in reader. */
export async function importParsed(
  ws: Workspace,
  parsed: ParsedInfrastructure,
  options: { name?: string; signal?: AbortSignal; read?: InfrastructureReader; onProgress?: (p: { phase: string; done: number }) => void } = {}
): Promise<MapImportResult> {
  const { db, path: workspacePath } = ws.session.requireWorkspace()
  const file = writeParsed(ws.dir, options.name ?? 'main.tfstate', parsed)
  return importMapFile(db, file, {
    now: ws.session.now(),
    read: options.read ?? jsonReader,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    beforeWrite: () => backupBeforeImport(db, workspacePath).file
  })
}

export const dbOf = (ws: Workspace): Db => ws.session.requireWorkspace().db

/** Every row of every table, in rowid order: two equal dumps mean the same content. */
export function dumpTables(db: Db): Record<string, unknown[]> {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map(t => t.name)
  return Object.fromEntries(tables.map(name => [name, db.prepare(`SELECT * FROM "${name}"`).all()]))
}

export const assetByName = async (ws: Workspace, name: string) => {
  const view = await ws.call('map.view', {})
  const found = view.assets.find(a => a.name === name)
  if (!found) throw new Error(`no asset ${name} in ${view.assets.map(a => a.name).join(', ')}`)
  return found
}

export const zoneByName = async (ws: Workspace, name: string) => {
  const view = await ws.call('map.view', {})
  const found = view.zones.find(z => z.name === name)
  if (!found) throw new Error(`no zone ${name}`)
  return found
}
