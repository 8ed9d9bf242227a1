/**
 * How far off a due date is: "Due today", "Due tomorrow", "Due in 3 days", "1 day overdue", "5 days overdue".
 * The renderer's copy of main/shared/due-text.ts (the renderer may not import main/); test/dashboard/due-text.test.ts
 * holds the two to the same words. Counts follow the computer's locale.
 */
export function dueText(daysLeft: number): string {
  if (daysLeft === 0) return 'Due today'
  if (daysLeft === 1) return 'Due tomorrow'
  if (daysLeft > 1) return `Due in ${daysLeft.toLocaleString()} days`
  return daysLeft === -1 ? '1 day overdue' : `${(-daysLeft).toLocaleString()} days overdue`
}

/** Whole days from one calendar date (YYYY-MM-DD) to another, negative when `to` is earlier; computed in UTC so no zone shifts it. */
export function daysFrom(from: string, to: string): number {
  const utc = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
  return Math.round((utc(to) - utc(from)) / 86_400_000)
}
