/** A number as this computer's locale groups it: "100,000" in English. */
export function formatNumber(n: number): string {
  return n.toLocaleString()
}

/** "1 question", "3 questions", "1,000 findings": a count with its noun in the right number, instead of "question(s)". */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : plural}`
}
