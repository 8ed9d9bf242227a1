import type { ComponentType } from 'react'
import {
  ArchiveIcon,
  BellIcon,
  CalendarIcon,
  ChecklistIcon,
  DashboardIcon,
  FileTextIcon,
  GearIcon,
  LibraryIcon,
  MagnifyingGlassIcon,
  MapIcon,
  PersonIcon,
  ProposedRuleIcon,
  RiskIcon
} from './area-icons'
import { AssessmentPage } from './assessment/AssessmentPage'
import { BusinessAssociatesPage } from './business-associates/BusinessAssociatesPage'
import { CalendarPage } from './calendar/CalendarPage'
import { ClientsPage } from './clients/ClientsPage'
import { LibraryPage } from './library/LibraryPage'
import { DashboardPage } from './dashboard/DashboardPage'
import { DocumentsPage } from './documents/DocumentsPage'
import { IncidentsPage } from './incidents/IncidentsPage'
import { MapPage } from './map/MapPage'
import { FindingsPage } from './findings/FindingsPage'
import { RisksPage } from './risks/RisksPage'
import { SettingsPage } from './settings/SettingsPage'
import { WorkspacesPage } from './workspaces/WorkspacesPage'
import { ReadinessPage } from './proposed-rule/ReadinessPage'
import { useReadinessViewShown } from './proposed-rule/readiness-view-setting'

export type AreaId =
  | 'dashboard'
  | 'assessment'
  | 'risks'
  | 'map'
  | 'findings'
  | 'business-associates'
  | 'incidents'
  | 'calendar'
  | 'proposed-rule'
  | 'documents'
  | 'settings'
  | 'workspaces'
  | 'clients'
  | 'library'

export interface AreaDefinition {
  id: AreaId
  label: string
  icon: ComponentType
  /** Shown in the main navigation; 'workspaces' is reached from the header instead. */
  inNavigation: boolean
  component: ComponentType
}

/** Every area of the app. A feature replaces its placeholder with its page component. */
export const AREAS: AreaDefinition[] = [
  { id: 'dashboard', label: 'Dashboard', icon: DashboardIcon, inNavigation: true, component: DashboardPage },
  {
    id: 'assessment',
    label: 'Assessment',
    icon: ChecklistIcon,
    inNavigation: true,
    component: AssessmentPage
  },
  { id: 'risks', label: 'Risk analysis', icon: RiskIcon, inNavigation: true, component: RisksPage },
  { id: 'map', label: 'Data-flow map', icon: MapIcon, inNavigation: true, component: MapPage },
  { id: 'findings', label: 'Findings', icon: MagnifyingGlassIcon, inNavigation: true, component: FindingsPage },
  { id: 'business-associates', label: 'Business associates', icon: PersonIcon, inNavigation: true, component: BusinessAssociatesPage },
  { id: 'incidents', label: 'Incidents', icon: BellIcon, inNavigation: true, component: IncidentsPage },
  { id: 'calendar', label: 'Calendar', icon: CalendarIcon, inNavigation: true, component: CalendarPage },
  { id: 'proposed-rule', label: 'Proposed rule', icon: ProposedRuleIcon, inNavigation: true, component: ReadinessPage },
  { id: 'documents', label: 'Documents', icon: FileTextIcon, inNavigation: true, component: DocumentsPage },
  { id: 'clients', label: 'Clients', icon: PersonIcon, inNavigation: true, component: ClientsPage },
  { id: 'library', label: 'Practice library', icon: LibraryIcon, inNavigation: true, component: LibraryPage },
  { id: 'settings', label: 'Settings', icon: GearIcon, inNavigation: true, component: SettingsPage },
  { id: 'workspaces', label: 'Workspaces', icon: ArchiveIcon, inNavigation: false, component: WorkspacesPage }
]

/** Areas left out of the navigation for now: the proposed-rule readiness view until it is turned on in Settings. */
export function useHiddenAreas(): ReadonlySet<AreaId> {
  const readinessShown = useReadinessViewShown()
  return readinessShown ? NONE_HIDDEN : READINESS_HIDDEN
}
const NONE_HIDDEN: ReadonlySet<AreaId> = new Set()
const READINESS_HIDDEN: ReadonlySet<AreaId> = new Set(['proposed-rule'])

export function areaById(id: AreaId): AreaDefinition {
  const area = AREAS.find(candidate => candidate.id === id)
  if (!area) throw new Error(`Unknown area ${id}`)
  return area
}
