/**
 * Prints a batch of deadline computations as JSON. Run by timezone.test.ts in
 * child processes under different TZ values: every output must be identical.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { computeBreachObligations, parseIncident } from '../../main/breach/obligations'
import { buildCalendar } from '../../main/calendar/calendar'
import { calendarToICalendar } from '../../main/calendar/calendar-ics'
import { addBusinessDays, addDays, addFullYears, addMonths } from '../../main/shared/dates'

export function computeBatch(): unknown {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const fixtureDir = path.resolve(here, '../fixtures/breach')
  const incidents = fs
    .readdirSync(fixtureDir)
    .filter(name => name.startsWith('incident-') && name.endsWith('.json'))
    .sort()
    .map(name => ({ name, incident: parseIncident(JSON.parse(fs.readFileSync(path.join(fixtureDir, name), 'utf8')), name) }))
  const assessments = incidents.map(({ name, incident }) => ({
    name,
    assessment: computeBreachObligations(incident, { asOf: '2026-04-15' })
  }))
  // State clocks counted from the HHS notice (recorded or not) and across weekends, where a local-time slip would show.
  const hipaaStates = parseIncident({
    title: 'HIPAA state rules',
    discoveredOn: '2026-03-10',
    role: 'covered-entity',
    unsecuredPhi: true,
    affectedByState: { NY: 600, IL: 30, WA: 700, DE: 800, NM: 40 }
  })
  const hhsAnchored = [undefined, '2026-04-22', '2026-05-01'].map(hhsOn => ({
    hhsOn,
    assessment: computeBreachObligations(hipaaStates, { asOf: '2026-04-15', noticesDone: hhsOn ? [{ kind: 'hhs', doneOn: hhsOn }] : [] })
  }))
  // Dates around DST changes, year ends and leap days, where local-time math goes wrong.
  const probes = ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01', '2026-12-31', '2027-12-31', '2028-02-28', '2024-02-29']
  const arithmetic = probes.map(date => ({
    date,
    plus60: addDays(date, 60),
    plus14Business: addBusinessDays(date, 14),
    plus6Months: addMonths(date, 6),
    plus6FullYears: addFullYears(date, 6)
  }))
  const calendar = buildCalendar({
    asOf: '2026-04-15',
    anchorOn: '2026-01-01',
    completions: [{ definitionId: 'vulnerability-scan', doneOn: '2025-10-31' }],
    incidents: assessments.map(({ name, assessment }) => ({ id: name, title: name, obligations: assessment.obligations }))
  })
  const ics = calendarToICalendar(calendar, { generatedAt: '2026-04-15T23:30:00Z', workspaceId: 'tz-check' })
  return { assessments, hhsAnchored, arithmetic, calendar, ics }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.stdout.write(JSON.stringify(computeBatch()))
}
