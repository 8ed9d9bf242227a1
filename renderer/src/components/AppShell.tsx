import { useEffect, useRef, type DragEvent } from 'react'
import { Badge, Box, Button, Flex, Text } from '@radix-ui/themes'
import { ArchiveIcon } from '@radix-ui/react-icons'
import type { HomeArea } from '../../../main/workspace/contract'
import { AREAS, areaById, useHiddenAreas, type AreaId } from '../areas'
import { useWorkspace } from '../workspace-context'

const ROLE_LABELS = { 'covered-entity': 'Covered entity', 'business-associate': 'Business associate' } as const

/** Paths of the files in a drop, where the desktop app can know them. */
function droppedPaths(event: DragEvent): string[] {
  return [...event.dataTransfer.files].map(file => window.safeguard.pathForFile(file)).filter(path => path.length > 0)
}

/** The navigation's areas in order: the home area first when it is the Clients view (a consultant's, or with several workspaces). */
function navigationAreas(home: HomeArea, hidden: ReadonlySet<AreaId>) {
  const shown = AREAS.filter(area => area.inNavigation && !hidden.has(area.id))
  return home === 'clients' ? [...shown.filter(area => area.id === 'clients'), ...shown.filter(area => area.id !== 'clients')] : shown
}

export function AppShell(props: { area: AreaId; home: HomeArea; onNavigate(area: AreaId): void; onFilesDropped(paths: string[]): void }) {
  const { workspace } = useWorkspace()
  const current = areaById(props.area)
  const hiddenAreas = useHiddenAreas()
  const Page = current.component
  const mainRef = useRef<HTMLElement>(null)

  // Move focus to the new area's content so keyboard and screen-reader users land where the change happened.
  useEffect(() => {
    mainRef.current?.focus()
  }, [props.area])

  return (
    <div
      className="app-shell"
      // A scanner file dropped anywhere on the window goes to the Findings import.
      onDragOver={event => {
        if (event.dataTransfer.types.includes('Files')) event.preventDefault()
      }}
      onDrop={event => {
        if (event.defaultPrevented) return
        event.preventDefault()
        const paths = droppedPaths(event)
        if (paths.length > 0) props.onFilesDropped(paths)
      }}
    >
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <Flex align="center" justify="between" gap="4" px="5" py="3">
          <Flex align="center" gap="3" minWidth="0">
            <Text size="4" weight="bold" className="app-name">
              Safeguard
            </Text>
            <Text size="2" color="gray" aria-hidden>
              /
            </Text>
            <Text size="3" weight="medium" truncate data-testid="workspace-name">
              {workspace.organization.name}
            </Text>
            <Badge color="gray" variant="soft">
              {ROLE_LABELS[workspace.organization.role]}
            </Badge>
          </Flex>
          <Button variant="soft" color="gray" onClick={() => props.onNavigate('workspaces')}>
            <ArchiveIcon aria-hidden /> Switch workspace
          </Button>
        </Flex>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {navigationAreas(props.home, hiddenAreas).map(area => {
            const Icon = area.icon
            const active = area.id === props.area
            return (
              <li key={area.id}>
                <Button
                  variant={active ? 'soft' : 'ghost'}
                  highContrast={active}
                  color={active ? undefined : 'gray'}
                  size="2"
                  className="nav-item"
                  aria-current={active ? 'page' : undefined}
                  onClick={() => props.onNavigate(area.id)}
                >
                  <Icon aria-hidden />
                  {area.label}
                </Button>
              </li>
            )
          })}
        </ul>
      </nav>
      <main id="main-content" className="app-main" ref={mainRef} tabIndex={-1} aria-label={current.label}>
        <Box maxWidth="1100px">
          <Page />
        </Box>
      </main>
    </div>
  )
}
