import type { ComponentProps, KeyboardEvent } from 'react'
import { TextField } from '@radix-ui/themes'
import { nextTabbable } from './tabbable'
import './date-input.css'

type DateInputProps = Omit<ComponentProps<typeof TextField.Root>, 'type'>

/**
 * A calendar date field (its value YYYY-MM-DD) that takes one Tab stop. Chromium's date input puts its month, day, year and picker
 * button each on the Tab order (four stops per field); here Tab leaves the field, the arrow keys move between its
 * parts, and Alt+Down (or Space on the picker) opens the calendar.
 */
export function DateInput({ onKeyDown, className, ...rest }: DateInputProps) {
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    onKeyDown?.(event)
    if (event.defaultPrevented) return
    const input = event.currentTarget
    if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
      const target = nextTabbable(input, event.shiftKey ? -1 : 1)
      if (!target) return
      event.preventDefault()
      target.focus()
    } else if (event.key === 'ArrowDown' && event.altKey && 'showPicker' in input) {
      event.preventDefault()
      try {
        input.showPicker()
      } catch {
        // The picker refuses to open outside a user gesture or on a disabled field; typing the date still works.
      }
    }
  }
  return <TextField.Root {...rest} className={className ? `date-input ${className}` : 'date-input'} type="date" onKeyDown={keyDown} />
}
