import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  INFRASTRUCTURE_FORMAT_IDS,
  INFRASTRUCTURE_FORMAT_LABELS,
  INFRASTRUCTURE_FORMATS,
  readInfrastructureFile,
  type ReadProgress
} from '../../../main/map/formats'
import { FLOW_KINDS, ASSET_KINDS, ZONE_KINDS } from '../../../main/map/model'
import { type InfrastructureImportError } from '../../../main/map/read/import-error'
import { tempDir } from '../../helpers/workspace'
import { ownFixture } from './infrastructure-helpers'

const OWN_FIXTURES: [string, string][] = [
  ['terraform-plan_modules-for-each.json', 'terraform-plan'],
  ['terraform-show-state_fargate-efs.json', 'terraform-show-state'],
  ['terraform_modules-count-for-each_v4.tfstate', 'terraform-tfstate'],
  ['cloudformation_web-app.template.json', 'cloudformation'],
  ['cloudformation_short-tags.yaml', 'cloudformation'],
  ['sam_events-policies.yaml', 'cloudformation'],
  ['cloudformation_transit-gateway.yaml', 'cloudformation'],
  ['aws-config_item_rds.json', 'aws-config'],
  ['aws-config_snapshot.json', 'aws-config'],
  ['aws-config_history.json', 'aws-config'],
  ['aws-config_batch-get.json', 'aws-config'],
  ['aws-config_change-notification.json', 'aws-config'],
  ['aws-config_sns-envelope.json', 'aws-config']
]

describe('the format registry', () => {
  it('lists each file format once with a label, and labels the scanner resources too', () => {
    expect(INFRASTRUCTURE_FORMAT_IDS).toEqual(['terraform-plan', 'terraform-show-state', 'terraform-tfstate', 'cloudformation', 'aws-config'])
    expect(new Set(INFRASTRUCTURE_FORMAT_IDS).size).toBe(INFRASTRUCTURE_FORMATS.length)
    for (const id of [...INFRASTRUCTURE_FORMAT_IDS, 'scanner-resources' as const]) expect(INFRASTRUCTURE_FORMAT_LABELS[id]).toMatch(/\w{4}/)
  })

  it('each own fixture is recognised by exactly one format, by its content', async () => {
    const { parseInfrastructureDocument } = await import('../../../main/map/formats')
    for (const [name, format] of OWN_FIXTURES) {
      const doc = parseInfrastructureDocument(name, fs.readFileSync(ownFixture(name), 'utf8'))
      expect(
        INFRASTRUCTURE_FORMATS.filter(f => f.detect(doc)).map(f => f.id),
        name
      ).toEqual([format])
    }
  })

  it('ignores the file name: a plan saved as .yaml is still a plan', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'misnamed.yaml')
    fs.copyFileSync(ownFixture('terraform-plan_modules-for-each.json'), file)
    expect((await readInfrastructureFile(file)).format).toBe('terraform-plan')
  })

  it('every result holds only kinds the model knows, and every flow and placement names a node of the same result', async () => {
    for (const [name] of OWN_FIXTURES) {
      const map = await readInfrastructureFile(ownFixture(name))
      const nodes = new Set([...map.assets.map(a => a.key), ...map.zones.map(z => z.key)])
      expect(nodes.size, `${name}: keys are unique`).toBe(map.assets.length + map.zones.length)
      for (const a of map.assets) {
        expect(ASSET_KINDS).toContain(a.kind)
        for (const z of a.zoneKeys)
          expect(
            map.zones.some(zone => zone.key === z),
            `${name}: ${a.name} sits in ${z}`
          ).toBe(true)
      }
      for (const z of map.zones) {
        expect(ZONE_KINDS).toContain(z.kind)
        if (z.parentKey) expect(map.zones.some(p => p.key === z.parentKey)).toBe(true)
      }
      for (const f of map.flows) {
        expect(FLOW_KINDS).toContain(f.kind)
        expect(nodes.has(f.fromKey) && nodes.has(f.toKey), `${name}: ${f.fromKey} -> ${f.toKey}`).toBe(true)
      }
    }
  })
})

describe('encodings', () => {
  const source = fs.readFileSync(ownFixture('cloudformation_short-tags.yaml'), 'utf8')
  const encodings: [string, Buffer][] = [
    ['utf-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source, 'utf8')])],
    ['utf-16le with a byte order mark (PowerShell)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')])],
    ['utf-16be with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(source, 'utf16le').swap16()])],
    ['utf-16le without a mark', Buffer.from(source, 'utf16le')]
  ]

  it.each(encodings)('%s reads the same as UTF-8', async (_name, bytes) => {
    const dir = tempDir()
    const plain = path.join(dir, 'plain.yaml')
    const encoded = path.join(dir, 'encoded.yaml')
    fs.writeFileSync(plain, source)
    fs.writeFileSync(encoded, bytes)
    expect(await readInfrastructureFile(encoded)).toEqual(await readInfrastructureFile(plain))
  })

  it('refuses bytes that are not UTF-8, naming the byte and its line', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'latin1.yaml')
    const before = Buffer.from('Resources:\n  Q:\n    Type: AWS::SQS::Queue # caf')
    fs.writeFileSync(file, Buffer.concat([before, Buffer.from([0xe9, 0x0a])]))
    const error = (await readInfrastructureFile(file).catch(e => e)) as InfrastructureImportError
    expect(error).toMatchObject({ code: 'bad-encoding', file, place: { line: 3 } })
    expect(error.message).toContain(`is not valid UTF-8 text (byte ${before.length})`)
  })
})

describe('progress and cancelling', () => {
  // Resources are counted every 200: the large-plan test sees that phase.
  it('reports reading, parsing and linking, with the bytes read', async () => {
    const updates: ReadProgress[] = []
    const file = ownFixture('terraform_modules-count-for-each_v4.tfstate')
    await readInfrastructureFile(file, { onProgress: p => updates.push({ ...p }) })
    const phases = [...new Set(updates.map(u => u.phase))]
    expect(phases).toEqual(['reading', 'parsing', 'linking'])
    const bytes = fs.statSync(file).size
    expect(updates.find(u => u.phase === 'reading')).toMatchObject({ bytesRead: bytes, bytesTotal: bytes })
  })

  it('a cancel before reading refuses at once; the result is never produced', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await readInfrastructureFile(ownFixture('terraform-plan_modules-for-each.json'), { signal: controller.signal }).catch(e => e)
    expect(error).toMatchObject({ code: 'cancelled' })
  })
})
