import { formatCount } from './count-text'

/**
 * How far off a due date is, in the words every screen and the command line use: "Due today",
 * "Due tomorrow", "Due in 3 days", "1 day overdue", "5 days overdue". Whole calendar days, counted
 * from the workspace's today (negative when past). The renderer keeps a copy
 * (renderer/src/components/due-text.ts, it may not import main/); a test holds the two to the same words.
 */
export function dueText(daysLeft: number): string {
  if (!Number.isInteger(daysLeft)) throw new RangeError(`days left must be a whole number, got ${daysLeft}`)
  if (daysLeft === 0) return 'Due today'
  if (daysLeft === 1) return 'Due tomorrow'
  if (daysLeft > 1) return `Due in ${formatCount(daysLeft)} days`
  return daysLeft === -1 ? '1 day overdue' : `${formatCount(-daysLeft)} days overdue`
}
