import { Button, Code, Flex, Text } from '@radix-ui/themes'

/** The folders whose workspaces are listed, each with Remove (the files stay where they are). */
export function ClientFolders(props: { folders: string[]; busy: boolean; onRemove(folder: string): void }) {
  if (props.folders.length === 0) {
    return (
      <Text size="2" color="gray">
        No folders chosen yet: the recent list only. Add the folder where you keep your clients' workspaces.
      </Text>
    )
  }
  return (
    <Flex direction="column" gap="1" role="list" aria-label="Client folders">
      {props.folders.map(folder => (
        <Flex key={folder} gap="2" align="center" role="listitem">
          <Code variant="ghost" size="2">
            {folder}
          </Code>
          <Button
            size="1"
            variant="ghost"
            color="gray"
            disabled={props.busy}
            onClick={() => props.onRemove(folder)}
            aria-label={`Remove the folder ${folder}`}
          >
            Remove
          </Button>
        </Flex>
      ))}
    </Flex>
  )
}
