import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { NewWorkspaceProtection } from '../security/contract'
import { filePathSchema } from '../shared/schemas'

export const ORGANIZATION_ROLES = ['covered-entity', 'business-associate'] as const
export const CLOUD_PROVIDERS = ['aws', 'azure', 'gcp', 'other', 'none'] as const

export type OrganizationRole = (typeof ORGANIZATION_ROLES)[number]
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number]

/** Who this computer's workspaces are for. 'own-organization': one organisation's; 'consultant': several clients' workspaces. */
export const WORKSPACE_USAGES = ['own-organization', 'consultant'] as const
export type WorkspaceUsage = (typeof WORKSPACE_USAGES)[number]

/** The first page after start: the Clients view for a consultant or anyone with more than one workspace, else the Dashboard. */
export type HomeArea = 'dashboard' | 'clients'

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

export interface StartupResult {
  /** The last workspace used, else an existing default one; null when there is nothing to open (and no file was made). */
  workspace: WorkspaceSummary | null
  /** Null until first start's choice was confirmed. */
  usage: WorkspaceUsage | null
  home: HomeArea
}

/** The app's settings (kept in its data folder, never in a workspace), with where new workspaces go when none was chosen. */
export interface AppSettingsView {
  usage: WorkspaceUsage | null
  /** Where new workspaces are created when no path is named: the folder chosen, else `defaultWorkspaceFolder`. */
  newWorkspaceFolder: string
  defaultWorkspaceFolder: string
  /** The folders of client workspaces the Clients view reads. */
  clientFolders: string[]
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
  /**
   * On start: reopen the last workspace, else an existing default one in the data folder. Creates nothing: with
   * nothing to open, the window asks who the workspace is for (first start) or shows the Clients view.
   */
  'workspace.startup': defineCall<StartupResult>()(z.strictObject({})),
  'app.settings': defineCall<AppSettingsView>()(z.strictObject({})),
  /** Asks for the folder client workspaces live in, with the host's folder dialog; the answer may then be named to app.setUsage. Null when cancelled. */
  'app.chooseWorkspaceFolder': defineCall<string | null>()(z.strictObject({})),
  /**
   * Records first start's (or Settings') confirmed choice. A consultant's `workspaceFolder` (a folder dialog answer, or one already recorded; left out, the
   * default folder) becomes where new workspaces are made and a folder the Clients view reads.
   */
  'app.setUsage': defineCall<AppSettingsView>()(
    z.strictObject({ usage: z.enum(WORKSPACE_USAGES), workspaceFolder: filePathSchema('A folder path is required').optional() })
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
