import { Badge, Checkbox, Flex, Text } from '@radix-ui/themes'
import type { SectionPreview } from '../../../../main/documents/contract'

/** The sections a document will contain, what each will show, and (optionally) a box to leave one out. */
export function SectionList(props: {
  sections: SectionPreview[]
  selected?: Set<string>
  onToggle?(id: string, included: boolean): void
  fixed?: string[]
}) {
  return (
    <Flex direction="column" gap="2" asChild>
      <ul className="documents-sections">
        {props.sections.map(section => {
          const choosable = props.selected && props.onToggle
          const fixed = props.fixed?.includes(section.id) === true
          const content = (
            <Flex gap="2" align="center" wrap="wrap">
              <Text size="2" weight="medium">
                {section.title}
              </Text>
              {section.hasData && (
                <Text size="1" color="gray">
                  {section.detail}
                </Text>
              )}
              {!section.hasData && (
                <Badge color="amber" variant="soft" size="1">
                  No data yet
                </Badge>
              )}
            </Flex>
          )
          return (
            <li key={section.id}>
              {choosable ? (
                <Text as="label" size="2">
                  <Flex gap="2" align="center">
                    <Checkbox
                      checked={fixed || props.selected!.has(section.id)}
                      disabled={fixed}
                      onCheckedChange={checked => props.onToggle!(section.id, checked === true)}
                    />
                    {content}
                  </Flex>
                </Text>
              ) : (
                content
              )}
            </li>
          )
        })}
      </ul>
    </Flex>
  )
}
