import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'vitest'
import type { FlowKind, ParsedInfrastructure } from '../../../main/map/model'

/** Our own small fixtures, committed with the project: every format and variant. */
export function ownFixture(name: string): string {
  return path.resolve(__dirname, '../../fixtures/infrastructure', name)
}

/** Real files, read in place from the shared folder beside the repository (never copied in). */
export const sharedDir = path.resolve(__dirname, '../../../../shared/fixtures/infrastructure')
export const sharedPresent = fs.existsSync(sharedDir)
export const shared = (name: string): string => path.join(sharedDir, name)

/** The key of the asset or zone a person reads as `name`. */
export function keyOf(result: ParsedInfrastructure, name: string): string {
  const found = [...result.assets, ...result.zones].filter(n => n.name === name)
  expect(
    found.map(n => n.name),
    `exactly one asset or zone named ${name}`
  ).toEqual([name])
  return (found[0] as { key: string }).key
}

/** The flows as `from -> to (kind)` by name, sorted, for exact comparison. */
export function edges(result: ParsedInfrastructure, kind?: FlowKind): string[] {
  const names = new Map([...result.assets, ...result.zones].map(n => [n.key, n.name]))
  return result.flows
    .filter(f => !kind || f.kind === kind)
    .map(f => `${names.get(f.fromKey) ?? f.fromKey} -> ${names.get(f.toKey) ?? f.toKey} (${f.kind})`)
    .sort()
}

export function asset(result: ParsedInfrastructure, name: string) {
  const found = result.assets.find(a => a.name === name)
  expect(found, `asset ${name}`).toBeDefined()
  return found as ParsedInfrastructure['assets'][number]
}

export function zone(result: ParsedInfrastructure, name: string) {
  const found = result.zones.find(z => z.name === name)
  expect(found, `zone ${name}`).toBeDefined()
  return found as ParsedInfrastructure['zones'][number]
}

export function zoneNames(result: ParsedInfrastructure, assetName: string): string[] {
  const names = new Map(result.zones.map(z => [z.key, z.name]))
  return asset(result, assetName)
    .zoneKeys.map(k => names.get(k) ?? k)
    .sort()
}
