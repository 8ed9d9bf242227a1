import { createContext, useContext } from 'react'
import type { WorkspaceSummary } from '../../main/workspace/contract'
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
