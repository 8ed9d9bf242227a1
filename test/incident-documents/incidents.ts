import type { IncidentInput } from '../../main/breach/contract'

/** 860 people in three states, 640 of them in California: individuals, HHS at once and California's media. */
export const LAPTOP_THEFT: IncidentInput = {
  title: 'Stolen unencrypted laptop with scheduling export',
  description: "A laptop holding an export of the scheduling system was stolen from a staff member's car. The export was not encrypted.",
  phiCategories: ['Full name', 'Date of birth', 'Appointment dates', 'Diagnosis codes'],
  discoveredOn: '2026-03-10',
  breachOn: '2026-03-07',
  role: 'covered-entity',
  assessment: {
    outcome: 'breach',
    reviewer: 'Dana Reyes, Privacy Officer',
    assessedOn: '2026-03-12',
    factors: { mitigation: "We disabled the laptop's accounts, reset the staff member's passwords and reported the theft to the police." }
  },
  affectedByState: { TX: 180, CA: 640, GA: 40 },
  lawEnforcementDelay: { kind: 'oral', statedOn: '2026-03-15', official: 'Detective, Austin Police Department' }
}

/** The same theft with nothing written beyond the dates and counts. */
export const BARE_THEFT: IncidentInput = {
  title: 'Stolen laptop (details to come)',
  discoveredOn: '2026-03-10',
  role: 'covered-entity',
  assessment: { outcome: 'breach' },
  affectedByState: { TX: 180, CA: 640, GA: 40 }
}

/** We are the business associate: our notice goes to the covered entity (164.410). */
export const VENDOR_BREACH: IncidentInput = {
  title: 'Misdirected claims file at our billing service',
  description: 'A claims file for one client was uploaded to another client’s folder.',
  phiCategories: ['Full name', 'Member ID'],
  discoveredOn: '2026-04-02',
  role: 'business-associate',
  assessment: { outcome: 'breach' },
  affectedByState: { GA: 42 }
}
