import type { Migration } from '../migration'

/**
 * The PHI data-flow map: imported infrastructure descriptions (sources), the
 * boundaries they describe (zones), the assets inside them and the flows
 * between them, plus what a person said about each (PHI marking, owner,
 * business associate), dismissed map flags and recorded map reviews.
 *
 * Imported rows are merged by their stable key, so a newer file keeps a
 * person's markings. Rows a source no longer describes are kept with
 * `removed_at` set (never deleted with what a person said about them).
 * PHI markings stored here are only ever a person's; inferred defaults are
 * computed when the map is read, so they never go stale or overwrite a choice.
 */
const BOOL = (column: string): string => `${column} INTEGER CHECK (${column} IN (0, 1))`
const ASSET_KINDS =
  "'database', 'bucket', 'file-system', 'function', 'queue', 'topic', 'stream', 'load-balancer', 'instance', 'group', " +
  "'container', 'api', 'gateway', 'cache', 'search', 'key', 'secret', 'log', 'identity', 'security-group', 'external', " +
  "'internet', 'other', 'workstation', 'application', 'paper', 'site', 'storage-device', 'on-premises'"
const FLOW_KINDS =
  "'event-notification', 'subscription', 'event-source-mapping', 'load-balancer-target', 'network', 'route', 'peering', " +
  "'transit-gateway', 'reference', 'logging', 'invocation', 'transfer'"
const ZONE_PHI = "phi IS NULL OR phi IN ('phi', 'general', 'orchestration')"

const migration: Migration = {
  version: 7,
  name: 'create-data-flow-map',
  up(db) {
    db.exec(`
      CREATE TABLE map_source (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
        file_bytes INTEGER NOT NULL CHECK (file_bytes >= 0),
        format TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        assets INTEGER NOT NULL CHECK (assets >= 0),
        zones INTEGER NOT NULL CHECK (zones >= 0),
        flows INTEGER NOT NULL CHECK (flows >= 0),
        warnings TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(warnings)),
        -- A newer version of the same description (same file name and format) takes over its rows.
        superseded_by INTEGER REFERENCES map_source (id) ON DELETE SET NULL
      ) STRICT;

      CREATE TABLE map_zone (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('account', 'vpc', 'subnet')),
        name TEXT NOT NULL,
        parent_id INTEGER REFERENCES map_zone (id) ON DELETE SET NULL,
        cidr TEXT,
        ${BOOL('placeholder')} NOT NULL DEFAULT 0,
        provider TEXT NOT NULL,
        account TEXT,
        region TEXT,
        phi TEXT CHECK (${ZONE_PHI}),
        phi_said_by TEXT,
        phi_said_at TEXT,
        removed_at TEXT,
        CHECK (parent_id IS NULL OR parent_id <> id),
        CHECK ((phi IS NULL) = (phi_said_at IS NULL))
      ) STRICT;
      CREATE INDEX map_zone_parent ON map_zone (parent_id);

      CREATE TABLE map_asset (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 2000),
        resource_type TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${ASSET_KINDS})),
        service_id TEXT,
        arn TEXT,
        account TEXT,
        region TEXT,
        ${BOOL('encrypted_at_rest')},
        ${BOOL('public_access')},
        attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
        -- Added by a person for what no file describes (laptops, an EHR, paper records, a clearing house).
        ${BOOL('manual')} NOT NULL DEFAULT 0,
        phi TEXT CHECK (${ZONE_PHI}),
        phi_said_by TEXT,
        phi_said_at TEXT,
        owner TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        business_associate_id INTEGER REFERENCES business_associate (id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        removed_at TEXT,
        CHECK ((phi IS NULL) = (phi_said_at IS NULL)),
        CHECK (manual = 0 OR removed_at IS NULL)
      ) STRICT;
      CREATE INDEX map_asset_arn ON map_asset (arn) WHERE arn IS NOT NULL;
      CREATE INDEX map_asset_business_associate ON map_asset (business_associate_id) WHERE business_associate_id IS NOT NULL;

      -- The innermost zones an asset sits in (a function in two subnets is in both).
      CREATE TABLE map_asset_zone (
        asset_id INTEGER NOT NULL REFERENCES map_asset (id) ON DELETE CASCADE,
        zone_id INTEGER NOT NULL REFERENCES map_zone (id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, zone_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_asset_zone_zone ON map_asset_zone (zone_id);

      CREATE TABLE map_flow (
        id INTEGER PRIMARY KEY,
        -- Imported flows: from key, to key, kind and label; manual flows: 'manual:' and a random id.
        key TEXT NOT NULL UNIQUE,
        from_asset_id INTEGER REFERENCES map_asset (id) ON DELETE CASCADE,
        from_zone_id INTEGER REFERENCES map_zone (id) ON DELETE CASCADE,
        to_asset_id INTEGER REFERENCES map_asset (id) ON DELETE CASCADE,
        to_zone_id INTEGER REFERENCES map_zone (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN (${FLOW_KINDS})),
        label TEXT NOT NULL DEFAULT '',
        carries TEXT CHECK (carries IS NULL OR carries IN ('phi', 'metadata', 'none')),
        carries_said_by TEXT,
        carries_said_at TEXT,
        ${BOOL('encrypted_in_transit')},
        ${BOOL('manual')} NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        removed_at TEXT,
        CHECK ((from_asset_id IS NULL) <> (from_zone_id IS NULL)),
        CHECK ((to_asset_id IS NULL) <> (to_zone_id IS NULL)),
        CHECK ((carries IS NULL) = (carries_said_at IS NULL)),
        CHECK (manual = 0 OR removed_at IS NULL)
      ) STRICT;
      CREATE INDEX map_flow_from_asset ON map_flow (from_asset_id);
      CREATE INDEX map_flow_to_asset ON map_flow (to_asset_id);

      -- Which current sources describe a zone, an asset or a flow (several files may describe the same one).
      CREATE TABLE map_zone_source (
        zone_id INTEGER NOT NULL REFERENCES map_zone (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES map_source (id) ON DELETE CASCADE,
        PRIMARY KEY (zone_id, source_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_zone_source_source ON map_zone_source (source_id);
      CREATE TABLE map_asset_source (
        asset_id INTEGER NOT NULL REFERENCES map_asset (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES map_source (id) ON DELETE CASCADE,
        PRIMARY KEY (asset_id, source_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_asset_source_source ON map_asset_source (source_id);
      CREATE TABLE map_flow_source (
        flow_id INTEGER NOT NULL REFERENCES map_flow (id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES map_source (id) ON DELETE CASCADE,
        PRIMARY KEY (flow_id, source_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX map_flow_source_source ON map_flow_source (source_id);

      -- A map flag a person set aside, with why; restoring keeps the record.
      CREATE TABLE map_flag_dismissal (
        id INTEGER PRIMARY KEY,
        rule_id TEXT NOT NULL,
        subject_key TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 2000),
        dismissed_by TEXT NOT NULL,
        dismissed_at TEXT NOT NULL,
        restored_by TEXT,
        restored_at TEXT,
        CHECK ((restored_by IS NULL) = (restored_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX map_flag_dismissal_current ON map_flag_dismissal (rule_id, subject_key) WHERE restored_at IS NULL;

      CREATE TABLE map_review (
        id INTEGER PRIMARY KEY,
        reviewed_on TEXT NOT NULL CHECK (reviewed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reviewed_by TEXT NOT NULL CHECK (length(trim(reviewed_by)) BETWEEN 1 AND 200),
        note TEXT NOT NULL DEFAULT '',
        recorded_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}

export default migration
