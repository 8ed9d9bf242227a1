/** The nearest ancestor that scrolls vertically (the app's content region), or null. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const overflow = getComputedStyle(parent).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && parent.scrollHeight > parent.clientHeight) return parent
  }
  return null
}

/**
 * Scrolls `element` into view just below the sticky bar when it is hidden under the bar, above it or below the fold,
 * then focuses it. The bar covers the top of the scrolling region, so the browser's own scroll-on-focus would leave
 * the element under it.
 */
export function revealAndFocus(element: HTMLElement | null, stickyBar: HTMLElement | null, focusTarget: HTMLElement | null = element): void {
  if (!element) return
  const scroller = scrollParent(element)
  if (scroller) {
    const view = scroller.getBoundingClientRect()
    const barHeight = stickyBar?.getBoundingClientRect().height ?? 0
    const barBottom = stickyBar?.getBoundingClientRect().bottom ?? view.top
    const top = element.getBoundingClientRect().top
    const gap = 12
    if (top < barBottom + 4 || top > view.bottom - 96) scroller.scrollTop += top - (view.top + barHeight + gap)
  }
  focusTarget?.focus({ preventScroll: true })
}
