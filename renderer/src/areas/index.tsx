import type { ComponentType } from 'react'
import {
  ArchiveIcon,
  BellIcon,
  CalendarIcon,
  ChecklistIcon,
  DashboardIcon,
  FileTextIcon,
  GearIcon,
  MagnifyingGlassIcon,
  PersonIcon
} from './area-icons'
import { AssessmentPage } from './assessment/AssessmentPage'
import { DashboardPage } from './dashboard/DashboardPage'
import { DocumentsPage } from './documents/DocumentsPage'
import { EmptyArea } from './EmptyArea'
import { FindingsPage } from './findings/FindingsPage'
import { SettingsPage } from './settings/SettingsPage'
import { WorkspacesPage } from './workspaces/WorkspacesPage'

export type AreaId =
  | 'dashboard'
  | 'assessment'
  | 'findings'
  | 'business-associates'
  | 'incidents'
  | 'calendar'
  | 'documents'
  | 'settings'
  | 'workspaces'

export interface AreaDefinition {
  id: AreaId
  label: string
  icon: ComponentType
  /** Shown in the main navigation; 'workspaces' is reached from the header instead. */
  inNavigation: boolean
  component: ComponentType
}

const placeholder = (title: string, description: string, nextStep: string) =>
  function Placeholder() {
    return <EmptyArea title={title} description={description} nextStep={nextStep} />
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
  { id: 'findings', label: 'Findings', icon: MagnifyingGlassIcon, inNavigation: true, component: FindingsPage },
  {
    id: 'business-associates',
    label: 'Business associates',
    icon: PersonIcon,
    inNavigation: true,
    component: placeholder(
      'Business associates',
      'Your business associates and their agreements (BAAs) will appear here: who handles PHI for you, whether the agreement is signed, which required clauses it has, and when it must be renewed.',
      'This area is not available in this version yet.'
    )
  },
  {
    id: 'incidents',
    label: 'Incidents',
    icon: BellIcon,
    inNavigation: true,
    component: placeholder(
      'Incidents',
      'Security incidents and possible breaches will appear here, with the notification deadlines they trigger. Incidents record counts and categories, never patient names.',
      'This area is not available in this version yet.'
    )
  },
  {
    id: 'calendar',
    label: 'Calendar',
    icon: CalendarIcon,
    inNavigation: true,
    component: placeholder(
      'Calendar',
      'Recurring compliance obligations will appear here: the annual risk assessment, policy reviews, training, contingency plan tests, agreement renewals and notification deadlines.',
      'This area is not available in this version yet.'
    )
  },
  { id: 'documents', label: 'Documents', icon: FileTextIcon, inNavigation: true, component: DocumentsPage },
  { id: 'settings', label: 'Settings', icon: GearIcon, inNavigation: true, component: SettingsPage },
  { id: 'workspaces', label: 'Workspaces', icon: ArchiveIcon, inNavigation: false, component: WorkspacesPage }
]

export function areaById(id: AreaId): AreaDefinition {
  const area = AREAS.find(candidate => candidate.id === id)
  if (!area) throw new Error(`Unknown area ${id}`)
  return area
}
