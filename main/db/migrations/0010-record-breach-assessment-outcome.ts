import type { Migration } from '../migration'

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

/**
 * "Is it a breach?" becomes one recorded outcome (breach, one of the three exceptions of 164.402(1), secured PHI,
 * or a low probability of compromise under 164.402(2)) with its reason, reviewer and date, in place of the
 * unsecured_phi flag and risk_conclusion. The four factor columns (risk_*) stay as they were.
 *
 * Existing rows: unsecured_phi 0 becomes 'secured' (as the clock read it before, whatever the conclusion);
 * a low-probability conclusion becomes 'low-probability' with its factors. risk_conclusion stays as it was typed
 * (a secured row's earlier conclusion is not lost) but is no longer read or written. Neither kind had a reviewer, a date
 * or a reason, so such a row is kept as it is and read as incomplete (IncidentRecord.assessmentMissing): the
 * screen asks for the missing parts, and until they are given an incomplete low-probability conclusion is
 * treated as the breach 164.402(2) presumes, rather than hiding notices that may be owed.
 *
 * Also: the business associate's own discovery date and whether it acted as the covered entity's agent
 * (164.404(a)(2)), and a BAA window in calendar days, business days or hours in place of baa_reporting_days
 * (whose values become calendar days).
 */
const migration: Migration = {
  version: 10,
  name: 'record-breach-assessment-outcome',
  up(db) {
    db.exec(`
      ALTER TABLE incident ADD COLUMN assessment_outcome TEXT NOT NULL DEFAULT 'breach'
        CHECK (assessment_outcome IN ('breach', 'exception', 'secured', 'low-probability'));
      ALTER TABLE incident ADD COLUMN assessment_exception TEXT
        CHECK (assessment_exception IS NULL OR assessment_exception IN ('workforce-good-faith', 'authorized-person-same-entity', 'unable-to-retain'));
      ALTER TABLE incident ADD COLUMN assessment_reason TEXT CHECK (assessment_reason IS NULL OR length(assessment_reason) <= 4000);
      ALTER TABLE incident ADD COLUMN assessment_reviewer TEXT CHECK (assessment_reviewer IS NULL OR length(assessment_reviewer) <= 200);
      ALTER TABLE incident ADD COLUMN assessed_on TEXT CHECK (assessed_on ${DATE});
      ALTER TABLE incident ADD COLUMN ba_discovered_on TEXT CHECK (ba_discovered_on ${DATE});
      ALTER TABLE incident ADD COLUMN ba_is_agent INTEGER NOT NULL DEFAULT 0 CHECK (ba_is_agent IN (0, 1));
      ALTER TABLE incident ADD COLUMN baa_window_amount INTEGER CHECK (baa_window_amount BETWEEN 1 AND 8760);
      ALTER TABLE incident ADD COLUMN baa_window_unit TEXT
        CHECK (baa_window_unit IS NULL OR baa_window_unit IN ('calendar-days', 'business-days', 'hours'));

      UPDATE incident SET
        assessment_outcome = CASE
          WHEN unsecured_phi = 0 THEN 'secured'
          WHEN risk_conclusion = 'low-probability-of-compromise' THEN 'low-probability'
          ELSE 'breach'
        END,
        baa_window_amount = baa_reporting_days,
        baa_window_unit = CASE WHEN baa_reporting_days IS NULL THEN NULL ELSE 'calendar-days' END;

      ALTER TABLE incident DROP COLUMN unsecured_phi;
      ALTER TABLE incident DROP COLUMN baa_reporting_days;
    `)
  }
}

export default migration
