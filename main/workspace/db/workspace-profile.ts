import type { Db } from '../../db/driver'
import type { CloudProvider, OrganizationProfile, OrganizationRole } from '../contract'

interface WorkspaceRow {
  workspace_uid: string
  organization_name: string
  role: OrganizationRole
  contact_name: string
  contact_email: string
  contact_phone: string
  cloud_provider: CloudProvider
  profile_complete: 0 | 1
  created_at: string
  updated_at: string
}

export interface WorkspaceProfileRecord {
  workspaceUid: string
  organization: OrganizationProfile
  profileComplete: boolean
  createdAt: string
  updatedAt: string
}

function fromRow(row: WorkspaceRow): WorkspaceProfileRecord {
  return {
    workspaceUid: row.workspace_uid,
    organization: {
      name: row.organization_name,
      role: row.role,
      contactName: row.contact_name,
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
      cloudProvider: row.cloud_provider
    },
    profileComplete: row.profile_complete === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function getWorkspaceProfile(db: Db): WorkspaceProfileRecord | undefined {
  const row = db.prepare('SELECT * FROM workspace WHERE id = 1').get() as WorkspaceRow | undefined
  return row && fromRow(row)
}

export function insertWorkspaceProfile(
  db: Db,
  values: { workspaceUid: string; organization: OrganizationProfile; profileComplete: boolean; now: string }
): void {
  db.prepare(
    `INSERT INTO workspace (id, workspace_uid, organization_name, role, contact_name, contact_email,
       contact_phone, cloud_provider, profile_complete, created_at, updated_at)
     VALUES (1, @uid, @name, @role, @contactName, @contactEmail, @contactPhone, @cloudProvider, @complete, @now, @now)`
  ).run({
    uid: values.workspaceUid,
    ...values.organization,
    complete: values.profileComplete ? 1 : 0,
    now: values.now
  })
}

export function updateWorkspaceProfile(db: Db, organization: OrganizationProfile, now: string): void {
  db.prepare(
    `UPDATE workspace SET organization_name = @name, role = @role, contact_name = @contactName,
       contact_email = @contactEmail, contact_phone = @contactPhone, cloud_provider = @cloudProvider,
       profile_complete = 1, updated_at = @now
     WHERE id = 1`
  ).run({ ...organization, now })
}
