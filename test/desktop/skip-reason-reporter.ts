import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter'

/** Prints why each skipped test was skipped, which the list reporter leaves out. */
export default class SkipReasonReporter implements Reporter {
  private readonly reasons: string[] = []

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return
    const skip = [...result.annotations, ...test.annotations].find(annotation => annotation.type === 'skip')
    this.reasons.push(`  Skipped "${test.title}": ${skip?.description ?? 'no reason given'}`)
  }

  onEnd(): void {
    if (this.reasons.length > 0) console.log(`\n${this.reasons.join('\n')}\n`)
  }

  printsToStdio(): boolean {
    return true
  }
}
