import path from 'node:path'
import type { Command } from 'commander'
import { EVIDENCE_TARGETS, EVIDENCE_TARGET_KINDS, EVIDENCE_TARGET_LABEL, type EvidenceItem, type EvidenceTargetKind } from '../../evidence/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, terminalSafe, type CliIo } from '../cli-io'
import { plural } from '../../shared/count-text'
import { parseRecordId } from './baas'

const TARGET_HELP = EVIDENCE_TARGETS.map(t => `  ${t.kind}:<id>  ${t.label}: ${t.idMeans}`).join('\n')

/** `--to kind:id`, split at the first colon (a cloud control's id has colons of its own). */
export function parseTarget(text: string): { kind: EvidenceTargetKind; id: string } {
  const at = text.indexOf(':')
  const kind = text.slice(0, Math.max(at, 0)) as EvidenceTargetKind
  const id = text.slice(at + 1)
  if (at <= 0 || !EVIDENCE_TARGET_KINDS.includes(kind) || id.trim() === '') {
    throw new Error(`--to: "${text}" is not <kind>:<id>; the kinds are ${EVIDENCE_TARGET_KINDS.join(', ')} (for example answer:q-312-a1-1).`)
  }
  return { kind, id }
}

function describe(item: EvidenceItem): string {
  const what = item.kind === 'file' ? `${item.fileName}, ${plural(item.size ?? 0, 'byte')}, SHA-256 ${item.sha256}` : item.url
  const expiry = item.expiresOn ? `, expires ${item.expiresOn}${item.stale ? ' (STALE)' : ''}` : ''
  const archived = item.archivedAt ? `  [archived ${item.archivedAt.slice(0, 10)}${item.archiveReason ? `: ${item.archiveReason}` : ''}]` : ''
  return `  #${item.id} ${item.title} on ${EVIDENCE_TARGET_LABEL[item.target.kind].toLowerCase()} ${item.target.id}: ${what}; effective ${item.effectiveAsOf}${expiry}; added by ${item.addedBy}${archived}`
}

export function registerEvidence(program: Command, io: CliIo): void {
  const evidence = program
    .command('evidence')
    .description('Evidence files and links on answers, decisions, controls, risks, tasks, assets and incidents')

  evidence
    .command('add')
    .description(`Attach a file (stored inside the workspace, encrypted with it) or a link as evidence.\nTargets:\n${TARGET_HELP}`)
    .argument('<workspace>', 'workspace file')
    .requiredOption('--to <kind:id>', 'what the evidence is for, e.g. answer:q-312-a1-1 or decision:164.312(a)(2)(iv)')
    .option('--file <file>', 'a file to attach (up to 2 GB, streamed)')
    .option('--url <url>', 'an http or https address to attach')
    .requiredOption('--effective <date>', 'the day the evidence shows the state of things (YYYY-MM-DD), not after today')
    .option('--expires <date>', 'the last day the evidence holds (YYYY-MM-DD); stale after it')
    .option('--title <title>', 'a title (default: the file name; required for a link)')
    .option('--note <note>', 'a note')
    .option('--by <name>', "who adds it (default: the organisation's contact)")
    .option('--json', 'print the item as JSON')
    .exitOverride()
    .action(
      async (
        workspace: string,
        options: {
          to: string
          file?: string
          url?: string
          effective: string
          expires?: string
          title?: string
          note?: string
          by?: string
          json?: boolean
        }
      ) => {
        const target = parseTarget(options.to)
        if ((options.file === undefined) === (options.url === undefined)) throw new Error('Give either --file or --url (one of them).')
        if (options.url !== undefined && options.title === undefined) throw new Error('--title: a link needs a title.')
        const common = {
          target,
          effectiveAsOf: options.effective,
          ...(options.expires ? { expiresOn: options.expires } : {}),
          ...(options.note ? { note: options.note } : {}),
          ...(options.by ? { by: options.by } : {})
        }
        const showProgress = !options.json && process.stderr.isTTY === true
        const status = (text: string) => (io.status ?? io.stderr)(text)
        let lastShown = 0
        const item = await withWorkspace(workspace, async call =>
          options.file !== undefined
            ? call(
                'evidence.addFile',
                { ...common, path: path.resolve(options.file), ...(options.title ? { title: options.title } : {}) },
                showProgress
                  ? {
                      onProgress: p => {
                        if (Date.now() - lastShown < 250) return
                        lastShown = Date.now()
                        status(
                          `\rstoring ${terminalSafe(path.basename(options.file!))}: ${p.total ? Math.floor(((p.done ?? 0) / p.total) * 100) : 0}% `
                        )
                      }
                    }
                  : undefined
              )
            : call('evidence.addLink', { ...common, url: options.url!, title: options.title! })
        )
        if (showProgress) status('\r\x1b[K')
        if (!item) throw new Error('Nothing was attached.')
        if (options.json) return printJson(io, item)
        printLines(io, [`Attached evidence #${item.id}:`, describe(item)])
      }
    )

  evidence
    .command('list')
    .description('List evidence, newest effective first, with whether each is stale')
    .argument('<workspace>', 'workspace file')
    .option('--to <kind:id>', 'only the evidence on this record')
    .option('--specification <citation>', 'only the evidence supporting this specification, e.g. 164.308(a)(7)(ii)(A)')
    .option('--stale', 'only evidence past its expiry')
    .option('--archived', 'include archived evidence')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, options: { to?: string; specification?: string; stale?: boolean; archived?: boolean; json?: boolean }) => {
      const items = await withWorkspace(workspace, call =>
        call('evidence.list', {
          ...(options.to ? { target: parseTarget(options.to) } : {}),
          ...(options.specification ? { specificationId: options.specification } : {}),
          staleOnly: options.stale === true,
          includeArchived: options.archived === true
        })
      )
      if (options.json) return printJson(io, items)
      printLines(io, items.length === 0 ? [options.stale ? 'No stale evidence.' : 'No evidence attached.'] : items.map(describe))
    })

  evidence
    .command('export')
    .description('Write a stored evidence file out, checking its SHA-256 on the way')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the evidence number, as the list shows it')
    .requiredOption('--out <file>', 'where to write the copy')
    .option('--json', 'print the result as JSON')
    .exitOverride()
    .action(async (workspace: string, id: string, options: { out: string; json?: boolean }) => {
      const written = await withWorkspace(workspace, call => call('evidence.saveCopy', { id: parseRecordId(id), path: path.resolve(options.out) }))
      if (!written) throw new Error('Nothing was written.')
      if (options.json) return printJson(io, written)
      printLines(io, [`Wrote ${written.path} (${plural(written.size, 'byte')}, SHA-256 ${written.sha256}, checked).`])
    })

  evidence
    .command('archive')
    .description('Archive evidence: it leaves the lists, the calendar and the documents, and is kept in the workspace (164.316(b)(2)); never deleted')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the evidence number, as the list shows it')
    .option('--reason <text>', 'why it is archived')
    .option('--by <name>', "who archives it (default: the organisation's contact)")
    .option('--json', 'print the item as JSON')
    .exitOverride()
    .action(async (workspace: string, id: string, options: { reason?: string; by?: string; json?: boolean }) => {
      const item = await withWorkspace(workspace, call =>
        call('evidence.archive', {
          id: parseRecordId(id),
          ...(options.reason ? { reason: options.reason } : {}),
          ...(options.by ? { by: options.by } : {})
        })
      )
      if (options.json) return printJson(io, item)
      printLines(io, [`Archived evidence #${item.id}; it stays in the workspace and is listed with --archived.`, describe(item)])
    })
}
