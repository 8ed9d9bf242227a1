import type { Migration } from '../migration'

/**
 * The Security Rule assessment: one period per review cycle (e.g. '2026'),
 * with the organisation profile, answers, decisions on addressable
 * specifications, risk ratings, family sign-offs and the cloud service
 * inventory of that period, plus an audit trail of every change.
 * Question ids and citations refer to templates/assessment (not to tables).
 */
const migration: Migration = {
  version: 2,
  name: 'create-assessment',
  up(db) {
    db.exec(`
      CREATE TABLE assessment_period (
        id TEXT PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 40),
        status TEXT NOT NULL CHECK (status IN ('current', 'closed')),
        started_on TEXT NOT NULL CHECK (started_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        closed_on TEXT CHECK (closed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        copied_from TEXT REFERENCES assessment_period (id),
        created_at TEXT NOT NULL
      ) STRICT;
      -- Exactly one period can be worked on; earlier ones are read-only.
      CREATE UNIQUE INDEX assessment_period_one_current ON assessment_period (status) WHERE status = 'current';

      CREATE TABLE assessment_profile (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        key TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, key)
      ) STRICT;

      CREATE TABLE assessment_answer (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        question_id TEXT NOT NULL,
        value TEXT NOT NULL CHECK (value IN ('yes', 'partly', 'no', 'na', 'not-assessed')),
        notes TEXT NOT NULL DEFAULT '',
        -- The answer's value field (minutes, years, a choice): a number or text, per the question.
        field_value ANY CHECK (field_value IS NULL OR typeof(field_value) IN ('integer', 'real', 'text')),
        -- Copied from the previous period and not yet looked at again.
        to_confirm INTEGER NOT NULL DEFAULT 0 CHECK (to_confirm IN (0, 1)),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, question_id)
      ) STRICT;

      -- 164.306(d)(3): what was decided for an addressable specification not fully in place.
      CREATE TABLE assessment_decision (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        citation TEXT NOT NULL,
        decision TEXT NOT NULL
          CHECK (decision IN ('implemented-as-specified', 'equivalent-alternative', 'not-reasonable')),
        explanation TEXT NOT NULL DEFAULT '',
        decided_by TEXT NOT NULL DEFAULT '',
        decided_on TEXT NOT NULL CHECK (decided_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, citation),
        CHECK (decision = 'implemented-as-specified' OR length(trim(explanation)) > 0)
      ) STRICT;

      -- The rating of the gap a question revealed; the level is derived from likelihood x impact.
      CREATE TABLE assessment_risk (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        question_id TEXT NOT NULL,
        likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
        owner TEXT NOT NULL DEFAULT '',
        remediation TEXT NOT NULL DEFAULT '',
        due_on TEXT CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done', 'accepted')),
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, question_id)
      ) STRICT;

      CREATE TABLE assessment_signoff (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        family TEXT NOT NULL
          CHECK (family IN ('administrative', 'physical', 'technical', 'organizational', 'documentation', 'cloud')),
        reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
        signed_on TEXT NOT NULL CHECK (signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        created_at TEXT NOT NULL,
        PRIMARY KEY (period_id, family)
      ) STRICT;

      -- Services from the catalog (service_id = its id) or added by hand (name and eligibility given here).
      CREATE TABLE assessment_cloud_service (
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        service_id TEXT NOT NULL,
        custom_name TEXT,
        custom_eligibility TEXT CHECK (custom_eligibility IN ('eligible', 'not-eligible', 'unknown')),
        in_use INTEGER NOT NULL DEFAULT 0 CHECK (in_use IN (0, 1)),
        holds_phi INTEGER NOT NULL DEFAULT 0 CHECK (holds_phi IN (0, 1)),
        notes TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (period_id, service_id),
        CHECK ((custom_name IS NULL) = (custom_eligibility IS NULL))
      ) STRICT;

      -- Every change: what (subject and field), old value, new value, when.
      CREATE TABLE assessment_audit (
        id INTEGER PRIMARY KEY,
        period_id TEXT NOT NULL,
        at TEXT NOT NULL,
        subject TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX assessment_audit_by_subject ON assessment_audit (period_id, subject, id);
    `)
  }
}

export default migration
