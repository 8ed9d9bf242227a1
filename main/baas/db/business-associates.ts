import type { Db } from '../../db/driver'
import type { BaaStatus, BusinessAssociate, Relationship } from '../contract'

/** Values as validated by BusinessAssociateInput (defaults applied): a stored associate without its identity and timestamps. */
export type BusinessAssociateValues = Omit<BusinessAssociate, 'id' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'archiveReason'>

interface Row {
  id: number
  name: string
  relationship: Relationship
  parent_id: number | null
  services: string
  phi_categories: string
  assets: string
  handles_phi: 0 | 1
  baa_status: BaaStatus
  effective_on: string | null
  expires_on: string | null
  review_every_months: number | null
  last_review_on: string | null
  breach_reporting_days: number | null
  notes: string
  created_at: string
  updated_at: string
  archived_at: string | null
  archive_reason: string | null
}

const fromRow = (row: Row): BusinessAssociate => ({
  id: row.id,
  name: row.name,
  relationship: row.relationship,
  parentId: row.parent_id,
  services: row.services,
  phiCategories: JSON.parse(row.phi_categories) as string[],
  assets: JSON.parse(row.assets) as string[],
  handlesPhi: row.handles_phi === 1,
  baaStatus: row.baa_status,
  effectiveOn: row.effective_on,
  expiresOn: row.expires_on,
  reviewEveryMonths: row.review_every_months,
  lastReviewOn: row.last_review_on,
  breachReportingDays: row.breach_reporting_days,
  notes: row.notes,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  archivedAt: row.archived_at,
  archiveReason: row.archive_reason
})

const toParams = (values: BusinessAssociateValues) => ({
  name: values.name,
  relationship: values.relationship,
  parentId: values.parentId,
  services: values.services,
  phiCategories: JSON.stringify(values.phiCategories),
  assets: JSON.stringify(values.assets),
  handlesPhi: values.handlesPhi ? 1 : 0,
  baaStatus: values.baaStatus,
  effectiveOn: values.effectiveOn,
  expiresOn: values.expiresOn,
  reviewEveryMonths: values.reviewEveryMonths,
  lastReviewOn: values.lastReviewOn,
  breachReportingDays: values.breachReportingDays,
  notes: values.notes
})

/** Live business associates only: an archived one drops out of every list, deadline and document that reads this. */
export function listBusinessAssociates(db: Db): BusinessAssociate[] {
  return (db.prepare('SELECT * FROM business_associate WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, id').all() as Row[]).map(fromRow)
}

/** Archived business associates, the latest archived first. */
export function listArchivedBusinessAssociates(db: Db): BusinessAssociate[] {
  return (db.prepare('SELECT * FROM business_associate WHERE archived_at IS NOT NULL ORDER BY archived_at DESC, id DESC').all() as Row[]).map(fromRow)
}

export function getBusinessAssociate(db: Db, id: number): BusinessAssociate | undefined {
  const row = db.prepare('SELECT * FROM business_associate WHERE id = ?').get(id) as Row | undefined
  return row && fromRow(row)
}

export function findBusinessAssociateByName(db: Db, name: string): BusinessAssociate[] {
  return (db.prepare('SELECT * FROM business_associate WHERE name = ? COLLATE NOCASE AND archived_at IS NULL ORDER BY id').all(name) as Row[]).map(
    fromRow
  )
}

export function insertBusinessAssociate(db: Db, values: BusinessAssociateValues, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO business_associate (name, relationship, parent_id, services, phi_categories, assets, handles_phi,
         baa_status, effective_on, expires_on, review_every_months, last_review_on, breach_reporting_days, notes,
         created_at, updated_at)
       VALUES (@name, @relationship, @parentId, @services, @phiCategories, @assets, @handlesPhi, @baaStatus,
         @effectiveOn, @expiresOn, @reviewEveryMonths, @lastReviewOn, @breachReportingDays, @notes, @now, @now)`
    )
    .run({ ...toParams(values), now })
  return Number(result.lastInsertRowid)
}

export function updateBusinessAssociate(db: Db, id: number, values: BusinessAssociateValues, now: string): boolean {
  const result = db
    .prepare(
      `UPDATE business_associate SET name = @name, relationship = @relationship, parent_id = @parentId,
         services = @services, phi_categories = @phiCategories, assets = @assets, handles_phi = @handlesPhi,
         baa_status = @baaStatus, effective_on = @effectiveOn, expires_on = @expiresOn,
         review_every_months = @reviewEveryMonths, last_review_on = @lastReviewOn,
         breach_reporting_days = @breachReportingDays, notes = @notes, updated_at = @now
       WHERE id = @id`
    )
    .run({ ...toParams(values), id, now })
  return result.changes === 1
}

export function setLastReview(db: Db, id: number, reviewedOn: string, now: string): boolean {
  return db.prepare('UPDATE business_associate SET last_review_on = ?, updated_at = ? WHERE id = ?').run(reviewedOn, now, id).changes === 1
}

/** Live parties directly below this one in the subcontractor chain. */
export function listLiveChildren(db: Db, id: number): { id: number; name: string }[] {
  return db
    .prepare('SELECT id, name FROM business_associate WHERE parent_id = ? AND archived_at IS NULL ORDER BY name COLLATE NOCASE, id')
    .all(id) as {
    id: number
    name: string
  }[]
}

/** Archives a live business associate; false when there is no live one with that id. */
export function archiveBusinessAssociate(db: Db, id: number, now: string, reason: string | null): boolean {
  return (
    db.prepare('UPDATE business_associate SET archived_at = ?, archive_reason = ? WHERE id = ? AND archived_at IS NULL').run(now, reason, id)
      .changes === 1
  )
}

/** Brings an archived business associate back; false when there is no archived one with that id. */
export function restoreBusinessAssociate(db: Db, id: number): boolean {
  return (
    db.prepare('UPDATE business_associate SET archived_at = NULL, archive_reason = NULL WHERE id = ? AND archived_at IS NOT NULL').run(id).changes ===
    1
  )
}

/** Any party below this one in the chain, archived or not: the chain's foreign key refuses deleting a party above others. */
export function countAllChildren(db: Db, id: number): number {
  return (db.prepare('SELECT count(*) AS n FROM business_associate WHERE parent_id = ?').get(id) as { n: number }).n
}

/** Deletes an archived party for good, with its checklist and signed copy (the foreign keys cascade; links elsewhere are cleared). */
export function deleteArchivedBusinessAssociate(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM business_associate WHERE id = ? AND archived_at IS NOT NULL').run(id).changes === 1
}
