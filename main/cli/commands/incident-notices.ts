import path from 'node:path'
import { InvalidArgumentError, type Command } from 'commander'
import { NOTICE_METHODS, type IncidentNotice, type JurisdictionCode, type NoticeInput, type ObligationKind } from '../../breach/contract'
import { withWorkspace } from '../cli-api'
import { printJson, printLines, terminalSafe, type CliIo } from '../cli-io'
import { parseRecordId } from './baas'

function parseCount(text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new InvalidArgumentError(`"${text}" is not a whole number of people.`)
  return Number(text)
}

const methodLabel = (id: string): string => NOTICE_METHODS.find(method => method.id === id)?.label ?? id

/** One notice in a line: to whom, when, how, and what shows it was delivered. */
export function describeNotice(notice: IncidentNotice): string {
  const parts = [
    `#${notice.id} ${notice.kind}${notice.jurisdiction ? ` (${notice.jurisdiction})` : ''} sent ${notice.doneOn}: ${methodLabel(notice.method)}`,
    notice.recipientsCount !== null ? `to ${notice.recipientsCount}` : '',
    notice.missingContactCount !== null ? `${notice.missingContactCount} without usable contact details` : '',
    notice.postedUntil ? `posted until ${notice.postedUntil}` : '',
    notice.evidenceFile ? `file ${notice.evidenceFile.originalName} (${notice.evidenceFile.size} bytes, stored in the workspace)` : ''
  ].filter(Boolean)
  return terminalSafe(`  ${parts.join('; ')}\n    evidence: ${notice.evidence || '(none recorded)'}`)
}

interface NoticeOptions {
  kind: ObligationKind
  state?: string
  obligation?: string
  sentOn: string
  method?: string
  evidence?: string
  recipients?: number
  missingContact?: number
  postedUntil?: string
  file?: string
  json?: boolean
}

/** `safeguard incidents notice` (record one) and `incidents notices` (list them), under the incidents command. */
export function registerIncidentNotices(incidents: Command, io: CliIo): void {
  incidents
    .command('notice')
    .description('Record a notice given for an incident: when it was sent, how, and what shows it was delivered')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the incident number, as incidents list shows it (#3)')
    .requiredOption(
      '--kind <kind>',
      'the obligation it answers: individuals, hhs, hhs-annual-log, media, covered-entity, state-individuals, state-regulator'
    )
    .option('--state <code>', 'the state or jurisdiction, for media and state notices (e.g. TX)')
    .option('--obligation <id>', 'the obligation id when several share kind and state (as incidents notices --json shows them)')
    .requiredOption('--sent-on <date>', 'the day it was sent (YYYY-MM-DD)')
    .option('--method <method>', `how: ${NOTICE_METHODS.map(method => method.id).join(', ')}`)
    .option('--evidence <text>', 'what shows delivery, e.g. "USPS certificate of mailing 9407…"')
    .option('--recipients <count>', 'how many it went to', parseCount)
    .option('--missing-contact <count>', 'how many had missing or out-of-date contact details (required for substitute notice)', parseCount)
    .option('--posted-until <date>', 'website or media substitute notice: the last day it stays up (default: 90 days after it was sent)')
    .option('--file <path>', 'a file showing delivery (a scanned receipt, a screenshot), stored inside the workspace')
    .option('--json', 'print the recorded notice as JSON')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: NoticeOptions) => {
      const id = parseRecordId(idText)
      const notice = {
        kind: options.kind,
        ...(options.state ? { jurisdiction: options.state.toUpperCase() as JurisdictionCode } : {}),
        ...(options.obligation ? { obligationId: options.obligation } : {}),
        doneOn: options.sentOn,
        ...(options.method ? { method: options.method } : {}),
        ...(options.evidence ? { evidence: options.evidence } : {}),
        ...(options.recipients !== undefined ? { recipientsCount: options.recipients } : {}),
        ...(options.missingContact !== undefined ? { missingContactCount: options.missingContact } : {}),
        ...(options.postedUntil ? { postedUntil: options.postedUntil } : {})
      } as NoticeInput
      const detail = await withWorkspace(workspace, async call => {
        const noted = await call('incidents.recordNotice', { id, notice })
        if (!options.file) return noted
        const noticeId = Math.max(...noted.notices.map(n => n.id))
        try {
          return (await call('incidents.attachNoticeFile', { id, noticeId, path: path.resolve(options.file) }))!
        } catch (error) {
          // A file that cannot be stored leaves the workspace as it was: the notice goes too.
          await call('incidents.removeNotice', { id, noticeId })
          throw error
        }
      })
      const recorded = detail.notices.reduce((latest, candidate) => (candidate.id > latest.id ? candidate : latest))
      if (options.json) return printJson(io, recorded)
      printLines(io, [terminalSafe(`Recorded for incident #${id} ${detail.incident.title}:`), describeNotice(recorded)])
    })

  incidents
    .command('notices')
    .description('List the notices given for an incident, with method, date and delivery evidence')
    .argument('<workspace>', 'workspace file')
    .argument('<id>', 'the incident number')
    .option('--json', 'print as JSON')
    .exitOverride()
    .action(async (workspace: string, idText: string, options: { json?: boolean }) => {
      const id = parseRecordId(idText)
      const detail = await withWorkspace(workspace, call => call('incidents.get', { id }))
      if (options.json) return printJson(io, detail.notices)
      printLines(
        io,
        detail.notices.length === 0 ? [terminalSafe(`No notices recorded for #${id} ${detail.incident.title}.`)] : detail.notices.map(describeNotice)
      )
    })
}
