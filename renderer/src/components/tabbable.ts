const CANDIDATES = 'a[href], button, input, select, textarea, summary, [tabindex], [contenteditable="true"]'

/** Whether Tab can land on `element`: enabled, on the tab order, and laid out (not hidden). */
export function isTabbable(element: Element): element is HTMLElement {
  if (!(element instanceof HTMLElement) || element.tabIndex < 0) return false
  if ((element as HTMLInputElement).disabled || element.closest('[inert], [hidden]')) return false
  if (element instanceof HTMLInputElement && element.type === 'hidden') return false
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden'
}

/** Every tabbable element inside `root`, in document order (the app sets no positive tabindex). */
export function tabbablesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll(CANDIDATES)].filter(isTabbable)
}

/**
 * The element Tab (direction 1) or Shift+Tab (-1) reaches from `from`, staying inside an open dialog as its focus trap
 * does, and wrapping at the ends of a dialog; null at the ends of the page, where the browser's own move is right.
 */
export function nextTabbable(from: HTMLElement, direction: 1 | -1): HTMLElement | null {
  const dialog = from.closest<HTMLElement>('[role="dialog"], [role="alertdialog"]')
  const order = tabbablesIn(dialog ?? document.body)
  const index = order.indexOf(from)
  if (index === -1) return null
  const next = index + direction
  if (next >= 0 && next < order.length) return order[next]!
  return dialog ? order.at(direction === 1 ? 0 : -1)! : null
}
