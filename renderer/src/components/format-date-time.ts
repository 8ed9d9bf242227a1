// Timestamps are formatted in format-date.ts with calendar dates, in the computer's locale; this name stays for the callers not yet moved.
export { formatDateTime as formatLocalDateTime } from './format-date'
