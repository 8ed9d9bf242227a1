import { Badge } from '@radix-ui/themes'
import type { RiskSummary } from '../../../../main/risks/contract'
import { LEVEL_COLORS } from './labels'

/** A risk level in words; an unrated risk is outlined so it is never read as a low one. */
export function LevelBadge(props: { level: RiskSummary['level']; label: string }) {
  return props.level ? (
    <Badge color={LEVEL_COLORS[props.level]} variant="soft" highContrast data-testid="risk-level">
      {props.label}
    </Badge>
  ) : (
    <Badge color="gray" variant="outline" highContrast data-testid="risk-level">
      {props.label}
    </Badge>
  )
}
