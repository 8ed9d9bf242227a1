import { Table } from '@radix-ui/themes'
import { useId, useLayoutEffect, useRef, type ComponentPropsWithoutRef } from 'react'
import './scrollable-table.css'

type TableRootProps = Omit<ComponentPropsWithoutRef<typeof Table.Root>, 'aria-label' | 'aria-labelledby'>

/**
 * A table keyboard users can scroll. Radix Themes' Table.Root scrolls inside a ScrollArea viewport it gives no
 * props to, so a table wider than its column leaves cells a keyboard cannot reach (axe: scrollable-region-focusable).
 * While the table overflows, that viewport becomes a focusable region named by the table's caption: arrow keys
 * scroll it and Radix draws its focus ring. A table that fits stays out of the tab order.
 *
 * `stickyHeader`: a long table scrolls inside a box of at most about two thirds of the window, with its column headers
 * kept in view. Radix's viewport scrolls both ways, so a header can only stick inside it, never to the page.
 */
export function ScrollableTable({
  label,
  stickyHeader = false,
  className,
  children,
  ...rootProps
}: TableRootProps & { label: string; stickyHeader?: boolean }) {
  const rootRef = useRef<HTMLDivElement>(null)
  const captionId = useId()

  useLayoutEffect(() => {
    const viewport = rootRef.current?.querySelector<HTMLElement>('[data-radix-scroll-area-viewport]')
    if (!viewport) return
    const update = () => {
      const overflows = viewport.scrollWidth > viewport.clientWidth || viewport.scrollHeight > viewport.clientHeight
      if (overflows) {
        viewport.tabIndex = 0
        viewport.setAttribute('role', 'region')
        viewport.setAttribute('aria-labelledby', captionId)
      } else {
        viewport.removeAttribute('tabindex')
        viewport.removeAttribute('role')
        viewport.removeAttribute('aria-labelledby')
      }
    }
    update()
    // The viewport resizes with the window; its content wrapper resizes as rows come and go.
    const observer = new ResizeObserver(update)
    observer.observe(viewport)
    if (viewport.firstElementChild) observer.observe(viewport.firstElementChild)
    return () => observer.disconnect()
  }, [captionId])

  return (
    <Table.Root
      ref={rootRef}
      className={[className, stickyHeader ? 'sticky-header-table' : ''].filter(Boolean).join(' ') || undefined}
      {...rootProps}
    >
      <caption id={captionId} className="visually-hidden">
        {label}
      </caption>
      {children}
    </Table.Root>
  )
}
