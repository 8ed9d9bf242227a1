import type { Migration } from '../migration'

/**
 * Business associates (with the subcontractor chain, BAA terms and the signed
 * copy stored inside the workspace), breach incidents (counts and categories
 * only: no PHI by design), and completions of recurring calendar duties.
 */
const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

const migration: Migration = {
  version: 4,
  name: 'create-business-associates-incidents-calendar',
  up(db) {
    db.exec(`
      CREATE TABLE business_associate (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
        -- In a business associate's own workspace the register also holds its covered-entity clients and subcontractors.
        relationship TEXT NOT NULL CHECK (relationship IN ('business-associate', 'covered-entity-client', 'subcontractor')),
        -- The link up the chain: covered entity → business associate → subcontractor → …
        parent_id INTEGER REFERENCES business_associate (id) ON DELETE RESTRICT,
        services TEXT NOT NULL DEFAULT '',
        phi_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phi_categories)),
        assets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(assets)),
        handles_phi INTEGER NOT NULL DEFAULT 1 CHECK (handles_phi IN (0, 1)),
        baa_status TEXT NOT NULL CHECK (baa_status IN ('none', 'requested', 'signed', 'expired', 'terminated')),
        effective_on TEXT CHECK (effective_on ${DATE}),
        expires_on TEXT CHECK (expires_on ${DATE}),
        review_every_months INTEGER CHECK (review_every_months BETWEEN 1 AND 120),
        last_review_on TEXT CHECK (last_review_on ${DATE}),
        breach_reporting_days INTEGER CHECK (breach_reporting_days BETWEEN 1 AND 365),
        notes TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (parent_id IS NULL OR parent_id <> id)
      ) STRICT;
      CREATE INDEX business_associate_parent ON business_associate (parent_id);

      -- The signed agreement, kept in the database (never a path to a file elsewhere).
      CREATE TABLE business_associate_agreement_file (
        business_associate_id INTEGER PRIMARY KEY REFERENCES business_associate (id) ON DELETE CASCADE,
        original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content BLOB NOT NULL,
        attached_at TEXT NOT NULL
      ) STRICT;

      -- One row per checked term of templates/baa/required-terms.json; no row means not yet checked.
      CREATE TABLE business_associate_term (
        business_associate_id INTEGER NOT NULL REFERENCES business_associate (id) ON DELETE CASCADE,
        term_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('present', 'missing', 'not-applicable')),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        PRIMARY KEY (business_associate_id, term_id)
      ) STRICT;

      CREATE TABLE incident (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        phi_categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phi_categories)),
        breach_on TEXT CHECK (breach_on ${DATE}),
        discovered_on TEXT NOT NULL CHECK (discovered_on ${DATE}),
        role TEXT NOT NULL CHECK (role IN ('covered-entity', 'business-associate')),
        unsecured_phi INTEGER NOT NULL CHECK (unsecured_phi IN (0, 1)),
        licensed_health_facility INTEGER NOT NULL DEFAULT 0 CHECK (licensed_health_facility IN (0, 1)),
        baa_reporting_days INTEGER CHECK (baa_reporting_days BETWEEN 1 AND 365),
        business_associate_id INTEGER REFERENCES business_associate (id) ON DELETE SET NULL,
        risk_nature_and_extent TEXT,
        risk_unauthorized_recipient TEXT,
        risk_acquired_or_viewed TEXT,
        risk_mitigation TEXT,
        risk_conclusion TEXT CHECK (risk_conclusion IN ('breach', 'low-probability-of-compromise')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (breach_on IS NULL OR breach_on <= discovered_on)
      ) STRICT;

      -- Counts only: how many residents of each state or jurisdiction, never who.
      CREATE TABLE incident_affected (
        incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        jurisdiction TEXT NOT NULL CHECK (length(jurisdiction) = 2),
        count INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (incident_id, jurisdiction)
      ) STRICT;

      CREATE TABLE incident_law_enforcement_delay (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('written', 'oral')),
        stated_on TEXT NOT NULL CHECK (stated_on ${DATE}),
        until TEXT CHECK (until ${DATE}),
        official TEXT NOT NULL DEFAULT '',
        CHECK (kind = 'oral' OR until IS NOT NULL),
        CHECK (until IS NULL OR until >= stated_on)
      ) STRICT;
      CREATE INDEX incident_law_enforcement_delay_incident ON incident_law_enforcement_delay (incident_id);

      CREATE TABLE incident_notice (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('individuals', 'hhs', 'hhs-annual-log', 'media', 'covered-entity', 'state-individuals', 'state-regulator')),
        jurisdiction TEXT CHECK (jurisdiction IS NULL OR length(jurisdiction) = 2),
        obligation_id TEXT,
        done_on TEXT NOT NULL CHECK (done_on ${DATE}),
        method TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_notice_incident ON incident_notice (incident_id);

      -- When a recurring duty of templates/calendar was done (risk analysis, training, scans…).
      CREATE TABLE calendar_completion (
        id INTEGER PRIMARY KEY,
        definition_id TEXT NOT NULL,
        done_on TEXT NOT NULL CHECK (done_on ${DATE}),
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX calendar_completion_definition ON calendar_completion (definition_id, done_on);
    `)
  }
}

export default migration
