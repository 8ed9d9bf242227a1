import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeBatch } from './tz-batch'

/**
 * Deadlines are calendar dates: the same inputs must give the same dates on a
 * laptop in Kiritimati (UTC+14), Los Angeles (UTC−8/−7, with DST), Auckland (UTC+12/+13, DST in the southern summer) or UTC.
 */
const script = path.resolve(__dirname, 'tz-batch.ts')
const zones = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Pacific/Auckland', 'UTC', 'Pacific/Pago_Pago']

describe('time-zone independence', () => {
  const inProcess = JSON.parse(JSON.stringify(computeBatch())) as unknown

  it('the harness really changes the zone of the child process', () => {
    const offsetIn = (zone: string) =>
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(new Date(2026, 0, 1).getTimezoneOffset()))'], {
        env: { ...process.env, TZ: zone },
        encoding: 'utf8'
      })
    expect(offsetIn('Pacific/Kiritimati')).toBe('-840')
    expect(offsetIn('America/Los_Angeles')).toBe('480')
  })

  it.each(zones)('TZ=%s gives the same results as this process', zone => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, TZ: zone },
      encoding: 'utf8'
    })
    expect(JSON.parse(output)).toEqual(inProcess)
  })
})
