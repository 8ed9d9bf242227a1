import { Flex, RadioGroup, Text } from '@radix-ui/themes'
import { useId } from 'react'

/** Where the attached evidence files go with a pack: every choice lists them, with SHA-256, in the signed manifest. */
export type EvidenceFilesPlacement = 'listed' | 'embedded' | 'folder'

const CHOICES: { value: EvidenceFilesPlacement; label: string }[] = [
  { value: 'listed', label: 'Listed only: names, sizes and SHA-256 in the manifest; the files stay in this workspace' },
  { value: 'embedded', label: 'Embedded in the PDF: one file to send, larger by the size of the evidence' },
  { value: 'folder', label: 'Saved beside the PDF, in a folder with the manifest: the recipient checks each file with “safeguard verify --evidence”' }
]

export function EvidenceFilesChoice({ value, onChange }: { value: EvidenceFilesPlacement; onChange: (value: EvidenceFilesPlacement) => void }) {
  const labelId = useId()
  return (
    <Flex direction="column" gap="1">
      <Text id={labelId} size="2" weight="medium">
        Attached evidence files
      </Text>
      <RadioGroup.Root aria-labelledby={labelId} value={value} onValueChange={next => onChange(next as EvidenceFilesPlacement)}>
        {CHOICES.map(choice => (
          <RadioGroup.Item key={choice.value} value={choice.value}>
            {choice.label}
          </RadioGroup.Item>
        ))}
      </RadioGroup.Root>
    </Flex>
  )
}
