import { Text } from '@radix-ui/themes'
import type { PackOutline } from '../../../../main/documents/contract'

/** Where each section of the pack would start, as its contents page will say. */
export function PackOutlineList(props: { outline: PackOutline }) {
  return (
    <ol className="documents-outline" aria-label="Pack outline">
      {props.outline.sections.map(section => (
        <li key={section.title}>
          <Text size="2">
            {section.title} <Text color="gray">· page {section.page.toLocaleString()}</Text>
          </Text>
        </li>
      ))}
    </ol>
  )
}
