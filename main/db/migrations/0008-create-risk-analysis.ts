import type { Migration } from '../migration'

/**
 * The enterprise-wide risk analysis: per assessment period, scenarios (one or
 * more map assets × a threat of templates/risks/threats.json × linked
 * vulnerabilities), rated likelihood × impact before and after treatment,
 * with their treatment, remediation tasks and an audit of every change.
 * A scenario keeps its key from one period to the next so periods compare.
 *
 * The earlier register (assessment_risk: a 1-5 rating of each questionnaire
 * gap) is carried over without loss: every row becomes a scenario on a manual
 * "Organisation-wide" asset (created here when there is something to carry),
 * linked to its gap as a vulnerability, with the 1-5 numbers kept beside the
 * three-step rating (1-2 low, 3 medium, 4-5 high). Its threat is left unset
 * for a person to choose. assessment_risk itself is kept, unchanged, as the
 * record of what the earlier register said; nothing writes to it any more.
 */
const STEP = (column: string): string => `${column} TEXT CHECK (${column} IN ('low', 'medium', 'high'))`
const DATE = (column: string): string => `${column} TEXT CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')`
const FIVE_POINT_STEP = (column: string): string => `CASE WHEN ${column} <= 2 THEN 'low' WHEN ${column} = 3 THEN 'medium' ELSE 'high' END`

/** The manual asset carried-over gap ratings are about; the key lets later code find it again. */
export const ORGANISATION_WIDE_ASSET_KEY = 'manual:organisation-wide'

const migration: Migration = {
  version: 8,
  name: 'create-risk-analysis',
  up(db) {
    db.exec(`
      CREATE TABLE risk_scenario (
        id INTEGER PRIMARY KEY,
        period_id TEXT NOT NULL REFERENCES assessment_period (id),
        key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        title TEXT NOT NULL DEFAULT '',
        -- An id of templates/risks/threats.json; NULL until a person chooses one (carried-over gap ratings).
        threat_id TEXT,
        description TEXT NOT NULL DEFAULT '',
        ${STEP('likelihood')},
        likelihood_rationale TEXT NOT NULL DEFAULT '',
        ${STEP('impact')},
        impact_rationale TEXT NOT NULL DEFAULT '',
        existing_controls TEXT NOT NULL DEFAULT '',
        ${STEP('residual_likelihood')},
        ${STEP('residual_impact')},
        treatment TEXT CHECK (treatment IN ('mitigate', 'accept', 'transfer', 'avoid')),
        treatment_plan TEXT NOT NULL DEFAULT '',
        accepted_by TEXT,
        ${DATE('accepted_on')},
        acceptance_reason TEXT,
        ${DATE('acceptance_expires_on')},
        transfer_to TEXT CHECK (transfer_to IN ('insurer', 'business-associate', 'other')),
        transfer_party TEXT,
        transfer_business_associate_id INTEGER REFERENCES business_associate (id) ON DELETE SET NULL,
        avoid_how TEXT,
        owner TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-treatment', 'treated', 'closed')),
        ${DATE('found_on')} NOT NULL,
        ${DATE('due_on')},
        -- The earlier register's rating this scenario carries (question id and its 1-5 numbers).
        gap_question_id TEXT,
        gap_likelihood INTEGER CHECK (gap_likelihood BETWEEN 1 AND 5),
        gap_impact INTEGER CHECK (gap_impact BETWEEN 1 AND 5),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (period_id, key),
        CHECK ((gap_likelihood IS NULL) = (gap_impact IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX risk_scenario_gap ON risk_scenario (period_id, gap_question_id) WHERE gap_question_id IS NOT NULL;

      -- The assets a scenario is about; the name is kept if the asset leaves the map.
      CREATE TABLE risk_scenario_asset (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES risk_scenario (id) ON DELETE CASCADE,
        asset_id INTEGER REFERENCES map_asset (id) ON DELETE SET NULL,
        asset_name TEXT NOT NULL,
        asset_kind TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX risk_scenario_asset_once ON risk_scenario_asset (scenario_id, asset_id);
      CREATE INDEX risk_scenario_asset_by_asset ON risk_scenario_asset (asset_id);

      -- Links to where a weakness shows (never retyped): the label is what it said when linked.
      CREATE TABLE risk_vulnerability (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES risk_scenario (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('question', 'finding', 'map-flag', 'baa')),
        ref TEXT NOT NULL,
        label TEXT NOT NULL,
        citations TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(citations)),
        UNIQUE (scenario_id, kind, ref)
      ) STRICT;

      CREATE TABLE risk_task (
        id INTEGER PRIMARY KEY,
        scenario_id INTEGER NOT NULL REFERENCES risk_scenario (id) ON DELETE CASCADE,
        -- The same task keeps its key across periods (the calendar's uid).
        key TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
        owner TEXT NOT NULL DEFAULT '',
        ${DATE('due_on')},
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in-progress', 'done')),
        ${DATE('done_on')},
        evidence TEXT,
        evidence_attachment TEXT REFERENCES attachment (sha256),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (status <> 'done' OR (done_on IS NOT NULL AND length(trim(evidence)) > 0))
      ) STRICT;
      CREATE INDEX risk_task_by_scenario ON risk_task (scenario_id);

      -- A suggested scenario a person said does not apply, with why, so it is not suggested again.
      CREATE TABLE risk_suggestion_dismissal (
        suggestion_key TEXT PRIMARY KEY,
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
        dismissed_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE risk_audit (
        id INTEGER PRIMARY KEY,
        period_id TEXT NOT NULL,
        scenario_key TEXT NOT NULL,
        at TEXT NOT NULL,
        field TEXT NOT NULL,
        old_value TEXT,
        new_value TEXT
      ) STRICT;
      CREATE INDEX risk_audit_by_scenario ON risk_audit (period_id, scenario_key, id);
    `)

    const carried = (db.prepare('SELECT count(*) AS n FROM assessment_risk').get() as { n: number }).n
    if (carried === 0) return
    const now = new Date().toISOString()
    db.prepare(
      `INSERT INTO map_asset (key, name, resource_type, kind, manual, notes, created_at, updated_at)
       SELECT ?, 'Organisation-wide', 'manual', 'other', 1,
         'The whole organisation: risks carried over from the earlier gap register, which rated safeguards rather than assets. Move each risk to the assets it is about.',
         ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM map_asset WHERE key = ?)`
    ).run(ORGANISATION_WIDE_ASSET_KEY, now, now, ORGANISATION_WIDE_ASSET_KEY)
    db.prepare(
      `INSERT INTO risk_scenario (period_id, key, likelihood, impact, treatment, treatment_plan, owner, status, found_on, due_on,
         gap_question_id, gap_likelihood, gap_impact, created_at, updated_at)
       SELECT r.period_id, 'gap:' || r.question_id, ${FIVE_POINT_STEP('r.likelihood')}, ${FIVE_POINT_STEP('r.impact')},
         CASE WHEN r.status = 'accepted' THEN 'accept' WHEN trim(r.remediation) <> '' THEN 'mitigate' END,
         r.remediation, r.owner,
         CASE r.status WHEN 'in-progress' THEN 'in-treatment' WHEN 'done' THEN 'treated' WHEN 'accepted' THEN 'treated' ELSE 'open' END,
         CASE WHEN r.due_on IS NOT NULL AND r.due_on < p.started_on THEN r.due_on ELSE p.started_on END,
         r.due_on, r.question_id, r.likelihood, r.impact, r.updated_at, r.updated_at
       FROM assessment_risk r JOIN assessment_period p ON p.id = r.period_id
       ORDER BY r.period_id, r.question_id`
    ).run()
    db.prepare(
      `INSERT INTO risk_scenario_asset (scenario_id, asset_id, asset_name, asset_kind)
       SELECT s.id, a.id, a.name, a.kind FROM risk_scenario s, map_asset a WHERE s.gap_question_id IS NOT NULL AND a.key = ?`
    ).run(ORGANISATION_WIDE_ASSET_KEY)
    db.prepare(
      `INSERT INTO risk_vulnerability (scenario_id, kind, ref, label)
       SELECT id, 'question', gap_question_id, gap_question_id FROM risk_scenario WHERE gap_question_id IS NOT NULL`
    ).run()
  }
}

export default migration
