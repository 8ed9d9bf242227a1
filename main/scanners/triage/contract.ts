import { z } from 'zod'
import { defineCall } from '../../api/define-call'
import { CalendarDate } from '../../shared/schemas'
import type { ReviewFlag } from '../contract'
import { TRIAGE_STATUS_IDS, triageNeedsExpiry, type TriageView } from './triage.types'

export * from './triage.types'

const Name = z.string().trim().min(1, 'Say who is recording this (a name)').max(200)
const Reason = z.string().trim().min(1, 'Give the reason').max(4000)

const triageFields = {
  status: z.enum(TRIAGE_STATUS_IDS),
  reason: Reason,
  by: Name,
  expiresOn: CalendarDate.optional()
}

/** One finding by id, or every failing finding of a check (by check id, with its scanner and account when needed). */
export const TriageInput = z
  .strictObject({
    findingId: z.number().int().positive().optional(),
    checkId: z.string().trim().min(1).max(2000).optional(),
    /** Needed only when two scanners have a check of that id. */
    scanner: z.string().trim().min(1).max(200).optional(),
    /** Only this account's findings of the check. */
    account: z.string().trim().min(1).max(200).optional(),
    ...triageFields
  })
  .refine(input => (input.findingId === undefined) !== (input.checkId === undefined), {
    path: ['findingId'],
    message: 'Name either a finding (findingId) or a check (checkId)'
  })
  .refine(input => input.findingId === undefined || (input.scanner === undefined && input.account === undefined), {
    path: ['scanner'],
    message: 'scanner and account narrow a check; a finding id already names one finding'
  })
  .refine(input => input.expiresOn !== undefined || !triageNeedsExpiry(input.status), {
    path: ['expiresOn'],
    message: 'An accepted risk or a fix pending a rescan needs an expiry date (YYYY-MM-DD), after which the findings count as failing again'
  })
export type TriageInput = z.infer<typeof TriageInput>

export const triageCalls = {
  /** Triage a finding (by id) or every failing finding of a check; replaces an earlier triage of the same finding or check. */
  'findings.triage': defineCall<TriageView>()(TriageInput),
  /** Withdraw a triage: its findings count as failing again. It stays on record. */
  'findings.untriage': defineCall<TriageView>()(z.strictObject({ id: z.number().int().positive(), by: Name })),
  /** Triages as of a date (today by default): current ones, or every one ever made with `all`. */
  'findings.listTriage': defineCall<TriageView[]>()(z.strictObject({ asOf: CalendarDate.optional(), all: z.boolean().default(false) })),
  /** Dismiss a review flag, saying why and who. */
  'findings.dismissFlag': defineCall<ReviewFlag>()(
    z.strictObject({
      citation: z
        .string()
        .trim()
        .regex(/^164\.3\d\d(\([A-Za-z0-9]+\))*$/, 'A citation looks like 164.312(a)(2)(iv)'),
      reason: z.string().trim().min(1, 'Give the reason for dismissing this flag').max(2000),
      by: Name
    })
  ),
  /** Bring a dismissed review flag back. */
  'findings.restoreFlag': defineCall<ReviewFlag>()(
    z.strictObject({
      citation: z
        .string()
        .trim()
        .regex(/^164\.3\d\d(\([A-Za-z0-9]+\))*$/, 'A citation looks like 164.312(a)(2)(iv)'),
      by: Name
    })
  )
}
