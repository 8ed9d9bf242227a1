import path from 'node:path'
import type { Command } from 'commander'
import { ApiError } from '../../shared/errors'
import type { DataFlowMapView, FlowCarries, MapEndpoint, MapFlagSubject, MapImportResult, PhiMarking } from '../../map/contract'
import { writeMapSvgFile } from '../../map/drawing/svg-file'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'

/**
 * `safeguard map`: the PHI data-flow map. Assets, zones and flows share no
 * numbering, so the CLI names them `asset:12`, `zone:3`, `flow:7`; those are the
 * ids `map --json` prints and `map set` accepts.
 */

const idOf = (e: MapEndpoint | MapFlagSubject): string => (e.type === 'map' ? 'map' : `${e.type}:${e.id}`)

/** What `map --json` prints. */
export function mapReport(view: DataFlowMapView) {
  return {
    assets: view.assets.map(a => ({
      id: `asset:${a.id}`,
      name: a.name,
      type: a.resourceType,
      kind: a.kind,
      zones: a.zoneIds.map(id => `zone:${id}`),
      phi: a.phi.value,
      phiSource: a.phi.origin,
      owner: a.owner,
      serviceId: a.serviceId,
      manual: a.manual
    })),
    zones: view.zones.map(z => ({
      id: `zone:${z.id}`,
      name: z.name,
      type: z.kind,
      parent: z.parentId === null ? null : `zone:${z.parentId}`,
      phi: z.phi.value,
      phiSource: z.phi.origin,
      placeholder: z.placeholder
    })),
    flows: view.flows.map(f => ({
      id: `flow:${f.id}`,
      from: idOf(f.from),
      to: idOf(f.to),
      kind: f.kind,
      label: f.label,
      carries: f.carries.value,
      carriesSource: f.carries.origin,
      encryptedInTransit: f.encryptedInTransit
    })),
    flags: view.flags.map(f => ({
      rule: f.rule,
      citation: f.citation,
      title: f.title,
      message: f.message,
      ids: f.subjects.map(idOf),
      subjectKey: f.subjectKey
    }))
  }
}

function describeMap(view: DataFlowMapView): string[] {
  const report = mapReport(view)
  const marking = (phi: string | null, source: string) => (phi ? `${phi}${source === 'inferred' ? ' (inferred)' : ''}` : 'not said')
  return [
    `${plural(report.zones.length, 'zone')}, ${plural(report.assets.length, 'asset')}, ${plural(report.flows.length, 'flow')}, ${plural(report.flags.length, 'flag')}`,
    ...report.zones.map(z => `  ${z.id}  ${z.type}  ${z.name}  [${marking(z.phi, z.phiSource)}]`),
    ...report.assets.map(a => `  ${a.id}  ${a.kind}  ${a.name}  [${marking(a.phi, a.phiSource)}]${a.owner ? `  owner: ${a.owner}` : ''}`),
    ...report.flows.map(
      f => `  ${f.id}  ${f.from} → ${f.to}  ${f.kind}${f.label ? ` ${f.label}` : ''}  [carries ${marking(f.carries, f.carriesSource)}]`
    ),
    ...report.flags.map(f => `  FLAG ${f.rule}${f.citation ? ` (${f.citation})` : ''}: ${f.message}`)
  ]
}

function importReport(result: MapImportResult) {
  return {
    file: result.file,
    format: result.format,
    alreadyImported: result.alreadyImported,
    sourceId: result.sourceId,
    assets: result.assets,
    zones: result.zones,
    flows: result.flows,
    removed: result.removed,
    warnings: result.warnings
  }
}

const ZONE_OR_ASSET_WORDS: Record<string, PhiMarking | null> = { yes: 'phi', no: 'general', 'metadata-only': 'orchestration', unset: null }
const FLOW_WORDS: Record<string, FlowCarries | null> = { yes: 'phi', no: 'none', 'metadata-only': 'metadata', unset: null }

/** An asset or zone by `asset:ID`, `zone:ID`, a bare id, or its name, key or ARN; ambiguity is refused with the candidates. */
export function resolveTarget(view: DataFlowMapView, target: string): { type: 'asset' | 'zone'; id: number } {
  const explicit = /^(asset|zone):(\d+)$/.exec(target)
  const candidates: { type: 'asset' | 'zone'; id: number; name: string }[] = []
  for (const a of view.assets) {
    const byId = explicit ? explicit[1] === 'asset' && Number(explicit[2]) === a.id : String(a.id) === target
    if (byId || (!explicit && (a.name === target || a.key === target || a.arn === target))) candidates.push({ type: 'asset', id: a.id, name: a.name })
  }
  for (const z of view.zones) {
    const byId = explicit ? explicit[1] === 'zone' && Number(explicit[2]) === z.id : String(z.id) === target
    if (byId || (!explicit && (z.name === target || z.key === target))) candidates.push({ type: 'zone', id: z.id, name: z.name })
  }
  if (candidates.length === 1) return { type: candidates[0]!.type, id: candidates[0]!.id }
  if (candidates.length === 0)
    throw new ApiError('not-found', `The map has no asset or zone "${target}" (use a name, or an id such as asset:12 from "safeguard map --json")`)
  throw new ApiError(
    'invalid-input',
    `"${target}" could mean ${candidates.map(c => `${c.type}:${c.id} (${c.name})`).join(', ')}: give one of these ids`
  )
}

export function registerMap(program: Command, io: CliIo): void {
  const map = program
    .command('map')
    .description('The PHI data-flow map: assets, zones, flows and the flags its rules raise')
    .argument('<workspace>', 'workspace file')
    .option('--json', 'print { assets, zones, flows, flags } as JSON')
    .option('--svg <file>', 'write the drawing as SVG (readable by the owner only)')
    .exitOverride()
    .action(async (workspace: string, options: { json?: boolean; svg?: string }) => {
      const view = await withWorkspace(workspace, call => call('map.view', {}))
      const drawing = options.svg ? await writeMapSvgFile(view, path.resolve(options.svg)) : null
      // --json keeps stdout to JSON only, with or without --svg.
      if (options.json) printJson(io, mapReport(view))
      else printLines(io, drawing ? [`Wrote ${drawing.path}`] : describeMap(view))
    })

  map
    .command('import')
    .description('Import infrastructure files (Terraform, CloudFormation/SAM, AWS Config); each file whole or not at all')
    .argument('<workspace>', 'workspace file')
    .argument('<files...>', 'infrastructure files')
    .option('--json', 'print one JSON object per file')
    .exitOverride()
    .action(async (workspace: string, files: string[], _options: unknown, command: Command) => {
      // `--json` after the subcommand's arguments is parsed by `map` itself: read it from either.
      const options = command.optsWithGlobals<{ json?: boolean }>()
      const results = await withWorkspace(workspace, async call => {
        const out: (ReturnType<typeof importReport> | { file: string; error: { code: string; message: string } })[] = []
        for (const file of files) {
          try {
            out.push(importReport(await call('map.import', { path: path.resolve(file) })))
          } catch (error) {
            if (!(error instanceof ApiError) || error.code === 'cancelled') throw error
            out.push({ file: path.resolve(file), error: { code: error.code, message: error.message } })
          }
        }
        return out
      })
      if (options.json) printJson(io, results)
      else
        printLines(
          io,
          results.flatMap(r =>
            'error' in r
              ? [`${r.file}: rejected (${r.error.code})`]
              : [
                  `${r.file}: ${r.alreadyImported ? 'already imported (nothing changed)' : 'imported'} as ${r.format}: ${plural(r.assets, 'asset')}, ${plural(r.zones, 'zone')}, ${plural(r.flows, 'flow')}`,
                  ...r.warnings.map(w => `  note: ${w}`)
                ]
          )
        )
      for (const r of results) if ('error' in r) io.stderr(`safeguard: ${r.error.message}\n`)
      if (results.some(r => 'error' in r)) process.exitCode = 1
    })

  map
    .command('set')
    .description('Say whether an asset or zone holds PHI (yes), general data only (no) or metadata only; or what a flow carries (--flow)')
    .argument('<workspace>', 'workspace file')
    .argument('[target]', 'asset or zone: its name, key, ARN, or id (asset:12, zone:3)')
    .requiredOption('--phi <answer>', 'yes, no, metadata-only, or unset (back to the inferred default)')
    .option('--flow <id>', 'set what this flow carries instead (an id such as flow:7, or 7)')
    .option('--by <name>', 'who says so (recorded with the marking)', '')
    .option('--json', 'print the changed item as JSON')
    .exitOverride()
    .action(async (workspace: string, target: string | undefined, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<{ phi: string; flow?: string; by: string; json?: boolean }>()
      const words = options.flow ? FLOW_WORDS : ZONE_OR_ASSET_WORDS
      if (!(options.phi in words)) throw new ApiError('invalid-input', `--phi: "${options.phi}" is not one of ${Object.keys(words).join(', ')}`)
      if (options.flow && target) throw new ApiError('invalid-input', 'Give either an asset or zone, or --flow, not both')
      if (!options.flow && !target) throw new ApiError('invalid-input', 'Say which asset or zone (a name or an id such as asset:12), or give --flow')
      const changed = await withWorkspace(workspace, async call => {
        let wanted: string
        if (options.flow) {
          const id = Number(/^(?:flow:)?(\d+)$/.exec(options.flow)?.[1] ?? NaN)
          if (!Number.isInteger(id)) throw new ApiError('invalid-input', `--flow: "${options.flow}" is not a flow id such as flow:7`)
          await call('map.setPhi', { type: 'flow', id, carries: FLOW_WORDS[options.phi] ?? null, by: options.by })
          wanted = `flow:${id}`
        } else {
          const found = resolveTarget(await call('map.view', {}), target as string)
          await call('map.setPhi', { ...found, phi: ZONE_OR_ASSET_WORDS[options.phi] ?? null, by: options.by })
          wanted = `${found.type}:${found.id}`
        }
        const report = mapReport(await call('map.view', {}))
        return [...report.assets, ...report.zones, ...report.flows].find(item => item.id === wanted)
      })
      if (options.json) printJson(io, changed ?? null)
      else
        printLines(io, [
          changed ? `${changed.id}: ${'carries' in changed ? `carries ${changed.carries ?? 'not said'}` : `${changed.phi ?? 'not said'}`}` : 'Done.'
        ])
    })
}
