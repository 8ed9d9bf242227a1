/**
 * Named places in operations that replace files, where the crash tests kill
 * the program as a power cut would (SIGKILL: no cleanup, no finally blocks).
 * The variable is set only by tests (test/security/crash-*.test.ts) in a child
 * process they start; in normal use this is a comparison that is never true.
 */
export const CRASH_AT_ENV = 'SAFEGUARD_TEST_CRASH_AT'

export function crashPoint(name: string): void {
  if (process.env[CRASH_AT_ENV] === name) process.kill(process.pid, 'SIGKILL')
}
