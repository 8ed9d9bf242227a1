import type { FlowCarries, MarkingState, PhiMarking } from '../../../../main/map/contract'

export const MARKING_OPTIONS: { value: PhiMarking; label: string }[] = [
  { value: 'phi', label: 'PHI' },
  { value: 'general', label: 'General data' },
  { value: 'orchestration', label: 'Orchestration (metadata only)' }
]

export const CARRIES_OPTIONS: { value: FlowCarries; label: string }[] = [
  { value: 'phi', label: 'PHI' },
  { value: 'metadata', label: 'Metadata only' },
  { value: 'none', label: 'Nothing' }
]

export const UNSET = 'unset'

export function markingLabel(value: PhiMarking | null): string {
  return MARKING_OPTIONS.find(o => o.value === value)?.label ?? 'Not marked'
}

export function carriesLabel(value: FlowCarries | null): string {
  return CARRIES_OPTIONS.find(o => o.value === value)?.label ?? 'Not marked'
}

/** "PHI (inferred: in PHI zone vpc-1)" or "PHI (said by Dana)". */
export function stateLabel<T extends string>(state: MarkingState<T>, label: (value: T | null) => string): string {
  const base = label(state.value)
  if (state.origin === 'inferred') return `${base} (inferred${state.because ? `: ${state.because}` : ''})`
  if (state.origin === 'person') return `${base} (said${state.saidBy ? ` by ${state.saidBy}` : ''})`
  return base
}

export const MARKING_COLOR = { phi: 'red', general: 'blue', orchestration: 'amber' } as const
