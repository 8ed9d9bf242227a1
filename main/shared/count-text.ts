/** Counts as people read them: thousands separated, and the noun in the right number ("1 asset", "2 assets"). */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}
