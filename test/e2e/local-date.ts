import type { Page } from '@playwright/test'

/** A calendar date as the page shows it: in the browser's locale, as renderer/src/components/format-date.ts formats it. */
export function localDate(page: Page, isoDate: string): Promise<string> {
  return page.evaluate(
    date =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`)
      ),
    isoDate
  )
}
