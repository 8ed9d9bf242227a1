import fs from 'node:fs'
import path from 'node:path'
import { Option, type Command } from 'commander'
import { ApiError } from '../../shared/errors'
import { sqliteFileKind } from '../../db/file-header'
import { LIBRARY_ITEM_KINDS, type LibraryItemKind, type LibrarySummary } from '../../library/contract'
import type { NewWorkspaceProtection } from '../../security/contract'
import { withSession, withWorkspace, type CliCall } from '../cli-api'
import { printJson, printLines, type CliIo } from '../cli-io'
import { PASSPHRASE_ENV, readPassphrase } from '../passphrase-prompt'

/** A library's own passphrase, when it is not the workspace's (SAFEGUARD_PASSPHRASE serves both when this is not set). */
export const LIBRARY_PASSPHRASE_ENV = 'SAFEGUARD_LIBRARY_PASSPHRASE'

/** The passphrase to open `file` with: the library's variable, else (no SAFEGUARD_PASSPHRASE, a terminal, an encrypted file) asked; else the program's keys. */
async function libraryPassphrase(file: string): Promise<string | undefined> {
  const own = process.env[LIBRARY_PASSPHRASE_ENV]
  if (own) return own
  if (process.env[PASSPHRASE_ENV] || !process.stdin.isTTY) return undefined
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile() || sqliteFileKind(file) !== 'opaque') return undefined
  const key = await readPassphrase(`Passphrase for ${path.basename(file)}: `, { envName: LIBRARY_PASSPHRASE_ENV })
  return key.kind === 'passphrase' ? key.passphrase : undefined
}

async function openLibrary(call: CliCall, file: string): Promise<LibrarySummary> {
  const resolved = path.resolve(file)
  const passphrase = await libraryPassphrase(resolved)
  return call('library.open', { path: resolved, ...(passphrase ? { passphrase } : {}) })
}

/** New libraries are encrypted: with SAFEGUARD_LIBRARY_PASSPHRASE or SAFEGUARD_PASSPHRASE, else a passphrase asked twice; --unencrypted only when asked. */
async function newLibraryProtection(file: string, unencrypted: boolean): Promise<NewWorkspaceProtection> {
  if (unencrypted) return { kind: 'none' }
  const fromEnvironment = process.env[LIBRARY_PASSPHRASE_ENV] ?? process.env[PASSPHRASE_ENV]
  const key = fromEnvironment
    ? { kind: 'passphrase' as const, passphrase: fromEnvironment }
    : await readPassphrase(`New passphrase for ${path.basename(file)}: `, { confirm: true, envName: LIBRARY_PASSPHRASE_ENV })
  if (key.kind !== 'passphrase') throw new ApiError('invalid-input', 'A new library takes a passphrase.')
  return { kind: 'passphrase', passphrase: key.passphrase, rememberOnDevice: false }
}

function describeLibrary(summary: LibrarySummary): string[] {
  const lines = [`${summary.name}  ${summary.path}  (${summary.encrypted ? 'encrypted' : 'NOT encrypted'})`]
  for (const kind of summary.kinds) {
    lines.push(`${kind.label}: ${kind.items.length}`)
    for (const item of kind.items) lines.push(`  ${item.key}  v${item.version}  ${item.title}`, `    ${item.preview}`)
  }
  return lines
}

interface PickOptions {
  kind?: LibraryItemKind[]
  all?: boolean
  id?: string[]
  json?: boolean
}

/** The items named by --kind and --all or --id; an --id that matches nothing is an error, so a typo never passes silently. */
function pick<T extends { kind: LibraryItemKind; key: string }>(available: T[], options: PickOptions, what: string): T[] {
  if (!options.all && !options.id?.length) throw new ApiError('invalid-input', 'Say which items: --all, or --id KEY (repeatable).')
  const kinds = options.kind?.length ? new Set(options.kind) : null
  const inKinds = available.filter(item => !kinds || kinds.has(item.kind))
  if (options.all) return inKinds
  const chosen = inKinds.filter(item => options.id!.includes(item.key))
  const unknown = options.id!.filter(id => !chosen.some(item => item.key === id))
  if (unknown.length > 0)
    throw new ApiError(
      'not-found',
      `${what} has no item ${unknown.map(id => `"${id}"`).join(', ')}${kinds ? ' of the kinds given' : ''}. Nothing was done.`
    )
  return chosen
}

const kindOption = () => new Option('--kind <kind...>', 'only items of these kinds').choices(LIBRARY_ITEM_KINDS)

export function registerLibrary(program: Command, io: CliIo): void {
  const library = program
    .command('library')
    .description(
      "A practice library: a consultant's reusable policy edits, answer notes, decision explanations, risk scenarios, business associate templates " +
        `and check mappings, in one encrypted file of their own. Its passphrase: ${LIBRARY_PASSPHRASE_ENV}, else ${PASSPHRASE_ENV}.`
    )

  library
    .command('create')
    .description('Create a practice library file')
    .argument('<library>', 'path of the new library (e.g. practice.sglibrary)')
    .option('--name <name>', "the library's name", 'Practice library')
    .option('--unencrypted', 'leave the file unencrypted (for sample data only)')
    .option('--json', 'print the library as JSON')
    .action(async (file: string, options: { name: string; unencrypted?: boolean; json?: boolean }) => {
      const resolved = path.resolve(file)
      const protection = await newLibraryProtection(resolved, options.unencrypted === true)
      const summary = await withSession(call => call('library.create', { path: resolved, name: options.name, protection }))
      if (!summary) throw new ApiError('internal', 'The library was not created.')
      if (options.json) printJson(io, summary)
      else
        printLines(io, [
          `Created the practice library "${summary.name}"${summary.encrypted ? ', encrypted with the passphrase' : ', NOT encrypted'}.`,
          summary.path
        ])
    })

  library
    .command('show')
    .description("List a library's items by kind")
    .argument('<library>', 'the library file')
    .option('--json', 'print as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const summary = await withSession(call => openLibrary(call, file))
      if (options.json) printJson(io, summary)
      else printLines(io, describeLibrary(summary))
    })

  library
    .command('push')
    .description("Push a workspace's items to the library (a newer text replaces the older one, which the library keeps); recorded in the workspace")
    .argument('<workspace>', 'the workspace file to push from')
    .argument('<library>', 'the library file')
    .addOption(kindOption())
    .option('--all', 'every item of the kinds given (or of every kind)')
    .option('--id <key...>', "items by key (a question id, a citation, a policy id…, as 'library push --json' lists them)")
    .option('--dry-run', 'list what would be pushed and change nothing')
    .option('--json', 'print as JSON')
    .action(async (workspace: string, file: string, options: PickOptions & { dryRun?: boolean }) => {
      await withWorkspace(workspace, async call => {
        await openLibrary(call, file)
        const candidates = (await call('library.candidates', {})).kinds.flatMap(kind => kind.candidates)
        const chosen = pick(candidates, options, 'The workspace')
        if (options.dryRun || chosen.length === 0) {
          if (options.json) printJson(io, { dryRun: true, items: chosen })
          else
            printLines(
              io,
              chosen.length
                ? chosen.map(c => `${c.inLibrary.padEnd(7)} ${c.kind}  ${c.key}${c.warnings.map(w => `\n  ! ${w}`).join('')}`)
                : ['Nothing to push.']
            )
          return
        }
        const result = await call('library.push', { items: chosen.map(({ kind, key }) => ({ kind, key })) })
        if (options.json) printJson(io, result)
        else
          printLines(
            io,
            result.items.map(item => `${item.outcome.padEnd(9)} ${item.kind}  ${item.key}  (version ${item.version})`)
          )
      })
    })

  library
    .command('apply')
    .description('Apply library items to a workspace, all or nothing; each application is recorded in the workspace')
    .argument('<library>', 'the library file')
    .argument('<workspace>', 'the workspace file to apply to (a new client: safeguard init first)')
    .addOption(kindOption())
    .option('--all', 'every item of the kinds given (or of every kind)')
    .option('--id <key...>', "items by key, as 'library show' lists them")
    .option('--dry-run', 'say what each item would do and change nothing')
    .option('--json', 'print as JSON')
    .action(async (file: string, workspace: string, options: PickOptions & { dryRun?: boolean }) => {
      await withWorkspace(workspace, async call => {
        await openLibrary(call, file)
        const preview = (await call('library.applyPreview', {})).kinds.flatMap(kind => kind.items)
        const chosen = pick(preview, options, 'The library')
        if (options.dryRun || chosen.length === 0) {
          if (options.json) printJson(io, { dryRun: true, items: chosen })
          else
            printLines(
              io,
              chosen.length
                ? chosen.map(i => `${(i.effect ?? 'cannot').padEnd(9)} ${i.kind}  ${i.key}${i.problem ? `\n  ${i.problem}` : ''}`)
                : ['Nothing to apply.']
            )
          return
        }
        const result = await call('library.apply', { itemIds: chosen.map(item => item.id) })
        if (options.json) printJson(io, result)
        else
          printLines(
            io,
            result.items.map(item => `${item.effect.padEnd(9)} ${item.kind}  ${item.key}  (version ${item.version})`)
          )
      })
    })
}
