import { isTabbable, tabbablesIn } from './tabbable'

/**
 * A safety net for keyboard users: when the focused control disappears (a row that re-rendered, a dismiss button that
 * removed its own item, a dialog with no trigger to return to, a menu item that opened a dialog) or is disabled while
 * it works, the browser drops focus on the page body, and getting back takes a dozen Tab presses. This puts focus back
 * where the person was: on the control that opened the dialog, on the control again once it is enabled, or on the
 * next control near the one that went away. Explicit focus moves by a screen always win: this acts only when focus is
 * on nothing, and waits for them to run first.
 */

// Layers that hold focus for a while and then vanish: focus goes back to what was focused before them.
const OVERLAY = '[role="dialog"], [role="alertdialog"], [role="menu"], [role="listbox"], [data-radix-popper-content-wrapper]'
const SETTLE_MS = 60

interface Remembered {
  element: HTMLElement
  /** Each ancestor with the sibling that followed the branch holding the element, when it was focused. */
  path: { ancestor: Element; nextSibling: Element | null }[]
}

function remember(element: HTMLElement): Remembered {
  const path: Remembered['path'] = []
  let child: Element = element
  while (child.parentElement && child.parentElement !== document.body) {
    path.push({ ancestor: child.parentElement, nextSibling: child.nextElementSibling })
    child = child.parentElement
  }
  return { element, path }
}

/** The control where the person was, or the next one near where it used to be. */
function replacementFor(remembered: Remembered): HTMLElement | null {
  if (remembered.element.isConnected) return isTabbable(remembered.element) ? remembered.element : null
  for (const { ancestor, nextSibling } of remembered.path) {
    if (!ancestor.isConnected || ancestor.closest('[aria-hidden="true"]')) continue
    const candidates = tabbablesIn(ancestor)
    if (candidates.length === 0) continue
    const after =
      nextSibling?.isConnected && ancestor.contains(nextSibling)
        ? candidates.find(c => nextSibling.contains(c) || nextSibling.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING)
        : undefined
    return after ?? candidates.at(-1)!
  }
  return null
}

const focusIsLost = () => document.activeElement === null || document.activeElement === document.body

/** Installs the safety net on the document once; returns the function that removes it. */
export function installFocusRescue(): () => void {
  let last: Remembered | null = null
  let beforeOverlay: Remembered | null = null
  let timer: ReturnType<typeof setTimeout> | null = null

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target
    if (!(target instanceof HTMLElement) || target === document.body) return
    const inOverlay = target.closest(OVERLAY) !== null
    // Entering a layer from the page: the page control is where focus returns when the layer goes.
    if (inOverlay && last && !last.element.closest(OVERLAY)) beforeOverlay = last
    if (!inOverlay) beforeOverlay = null
    last = remember(target)
  }
  // A click on empty space moves focus to the body on purpose: nothing to give back then.
  const onPointerDown = (event: PointerEvent) => {
    if (!(event.target instanceof Element) || !event.target.closest(OVERLAY)) last = null
  }
  const rescue = () => {
    timer = null
    if (!focusIsLost() || !last) return
    const fromOverlay = !last.element.isConnected && beforeOverlay !== null
    const target = replacementFor(fromOverlay ? beforeOverlay! : last)
    if (target) target.focus()
  }
  const observer = new MutationObserver(() => {
    if (!focusIsLost() || !last || timer) return
    timer = setTimeout(rescue, SETTLE_MS)
  })

  document.addEventListener('focusin', onFocusIn, true)
  document.addEventListener('pointerdown', onPointerDown, true)
  observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'hidden', 'data-disabled'] })
  return () => {
    document.removeEventListener('focusin', onFocusIn, true)
    document.removeEventListener('pointerdown', onPointerDown, true)
    observer.disconnect()
    if (timer) clearTimeout(timer)
  }
}
