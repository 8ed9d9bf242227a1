import { createContext, useContext } from 'react'
import type { HomeArea, WorkspaceSummary } from '../../main/workspace/contract'
import type { AreaId } from './areas'

export interface WorkspaceContextValue {
  workspace: WorkspaceSummary
  /** Replace the open workspace after create/open/profile edits. */
  setWorkspace(workspace: WorkspaceSummary): void
  /** Move to another area of the app. */
  navigate(area: AreaId): void
  /** Files dropped anywhere on the window, waiting for the Findings area to import them. */
  droppedFiles: string[] | null
  takeDroppedFiles(): string[] | null
}

export const WorkspaceContext = createContext<WorkspaceContextValue | null>(null)

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext)
  if (!value) throw new Error('useWorkspace must be used inside the app shell')
  return value
}

/**
 * What a page may use whether or not a workspace is open (the Clients view is shown to a consultant before any
 * client is open): the open workspace if any, opening one, and moving between areas.
 */
export interface ShellContextValue {
  workspace: WorkspaceSummary | null
  /** Makes `workspace` the open one (after create, open or unlock). */
  setWorkspace(workspace: WorkspaceSummary): void
  navigate(area: AreaId): void
  /** The home area (first page, top of the navigation); set again when Settings changes how this computer is used. */
  home: HomeArea
  setHome(home: HomeArea): void
}

export const ShellContext = createContext<ShellContextValue | null>(null)

export function useShell(): ShellContextValue {
  const value = useContext(ShellContext)
  if (!value) throw new Error('useShell must be used inside the app')
  return value
}
