import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { NewWorkspaceProtection } from '../security/contract'
import { filePathSchema } from '../shared/schemas'

export const ORGANIZATION_ROLES = ['covered-entity', 'business-associate'] as const
export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp', 'other', 'none'] as const

export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number]
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number]

const trimmed = (max: number) => z.string().trim().max(max)

export const OrganizationProfileInput = z.strictObject({
  name: trimmed(200).min(1, 'Enter the organisation name'),
  role: z.enum(ORGANIZATION_ROLES),
  contactName: trimmed(200).default(''),
  contactEmail: z.union([z.literal(''), z.email('Enter a valid email address').max(320)]).default(''),
  contactPhone: trimmed(50).default(''),
  cloudProvider: z.enum(CLOUD_PROVIDERS).default('aws')
})

export type OrganizationProfileInput = z.input<typeof OrganizationProfileInput>

const WorkspacePath = filePathSchema('A workspace path is required')

export interface OrganizationProfile {
  name: string
  role: OrganizationRole
  contactName: string
  contactEmail: string
  contactPhone: string
  cloudProvider: CloudProvider
}

export interface WorkspaceSummary {
  path: string
  workspaceUid: string
  organization: OrganizationProfile
  /** False for the default workspace until the user has described the organisation. */
  profileComplete: boolean
  schemaVersion: number
  createdAt: string
  updatedAt: string
}

export interface RecentWorkspace {
  path: string
  organizationName: string
  lastOpenedAt: string
  /** False when the file has been moved or deleted since. */
  available: boolean
}

export interface AppInfo {
  name: string
  version: string
  dataDir: string | null
  platform: string
}

export const workspaceCalls = {
  'app.info': defineCall<AppInfo>()(z.strictObject({})),
  'workspace.current': defineCall<WorkspaceSummary | null>()(z.strictObject({})),
  /** On start: reopen the last workspace, else the default one in the data folder (created if needed). */
  'workspace.startup': defineCall<WorkspaceSummary>()(
    // protection: for the default workspace when it has to be made (asked for when the computer cannot keep a key).
    z.strictObject({ protection: NewWorkspaceProtection.optional() })
  ),
  'workspace.create': defineCall<WorkspaceSummary>()(
    z.strictObject({ path: WorkspacePath.optional(), organization: OrganizationProfileInput, protection: NewWorkspaceProtection.optional() })
  ),
  'workspace.open': defineCall<WorkspaceSummary>()(z.strictObject({ path: WorkspacePath })),
  /** Asks the user for a workspace file with the host's dialog, then opens it. Null when cancelled. */
  'workspace.openFromDisk': defineCall<WorkspaceSummary | null>()(z.strictObject({})),
  /** Asks the user where to save a new workspace. Null when cancelled. */
  'workspace.chooseNewPath': defineCall<string | null>()(z.strictObject({ suggestedName: trimmed(200).default('Workspace') })),
  'workspace.listRecent': defineCall<RecentWorkspace[]>()(z.strictObject({})),
  'workspace.forgetRecent': defineCall<RecentWorkspace[]>()(z.strictObject({ path: WorkspacePath })),
  'workspace.updateProfile': defineCall<WorkspaceSummary>()(z.strictObject({ organization: OrganizationProfileInput })),
  'workspace.close': defineCall<null>()(z.strictObject({}))
}
