import type { KeyboardEvent } from 'react'

const ARROW_KEYS = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']

/**
 * Radix radio groups select the item that arrow keys move focus to, but only
 * if the key is still down when focus arrives (focus moves on a timer). A
 * quick tap on a busy page can move focus without selecting. This finishes
 * the job: after focus has moved, the focused radio is selected.
 */
export function selectFocusedRadioOnArrow(event: KeyboardEvent<HTMLElement>): void {
  if (!ARROW_KEYS.includes(event.key)) return
  const group = event.currentTarget
  setTimeout(() => {
    const focused = document.activeElement
    if (
      focused instanceof HTMLElement &&
      group.contains(focused) &&
      focused.getAttribute('role') === 'radio' &&
      focused.getAttribute('aria-checked') === 'false'
    ) {
      focused.click()
    }
  }, 0)
}
