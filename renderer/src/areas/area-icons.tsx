/** The icons of the navigation, from Radix's icon set (decorative: each sits beside a text label). */
export {
  ArchiveIcon,
  BellIcon,
  CalendarIcon,
  CheckboxIcon as ChecklistIcon,
  DashboardIcon,
  FileTextIcon,
  GearIcon,
  MagnifyingGlassIcon,
  PersonIcon,
  ReaderIcon as LibraryIcon,
  Share1Icon as MapIcon,
  LayersIcon as ProposedRuleIcon,
  TargetIcon as RiskIcon
} from '@radix-ui/react-icons'
