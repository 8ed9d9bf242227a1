/**
 * An instant as the user's local calendar date and time, 'YYYY-MM-DD HH:MM', so timestamps read the
 * same way as the 'YYYY-MM-DD' dates everywhere else in the app (not in the browser's locale format).
 */
export function formatLocalDateTime(instant: string): string {
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  const two = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`
}
