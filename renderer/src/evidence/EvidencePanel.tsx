import { useId, useState } from 'react'
import { Callout, Flex, Heading, Switch, Text } from '@radix-ui/themes'
import type { EvidenceItem, EvidenceTarget } from '../../../main/evidence/contract'
import { api, errorMessage } from '../api'
import { countOf } from '../components/count-of'
import { useLoaded } from '../components/use-loaded'
import { AddLinkDialog } from './AddLinkDialog'
import { AttachFileDialog } from './AttachFileDialog'
import { EvidenceRow } from './EvidenceRow'
import { noteEvidenceChanged, useEvidenceVersion } from './evidence-changes'
import { shortHash } from './evidence-text'
import './evidence.css'

/**
 * The evidence on one record (an answer, a decision, a cloud control, a risk, a task, a map asset, an incident):
 * the live items, newest effective first as the main side lists them, with attach, link, edit, save-a-copy and archive,
 * and the archived items on request.
 */
export function EvidencePanel(props: {
  target: EvidenceTarget
  /** How the record is named in labels and dialog titles: "this answer", "the risk “Lost laptop”". */
  targetName: string
  readOnly?: boolean
  /** For answers and decisions: the assessment period shown (the main side defaults to the current one). */
  periodId?: string
  headingLevel?: 'h3' | 'h4'
  /** To match the headings around it (a risk's sections are size 3). */
  headingSize?: '2' | '3'
}) {
  const headingId = useId()
  const version = useEvidenceVersion()
  const [showArchived, setShowArchived] = useState(false)
  const [said, setSaid] = useState<{ text: string; error: boolean } | null>(null)
  const { target } = props
  const { data, error } = useLoaded(
    () => api['evidence.list']({ target, includeArchived: showArchived, ...(props.periodId ? { periodId: props.periodId } : {}) }),
    [target.kind, target.id, props.periodId, showArchived, version]
  )
  const live = data?.filter(item => item.archivedAt === null) ?? []
  const archived = data?.filter(item => item.archivedAt !== null) ?? []
  const changed = (_item: EvidenceItem, text: string) => {
    setSaid({ text, error: false })
    noteEvidenceChanged()
  }
  const saveCopy = async (item: EvidenceItem) => {
    try {
      const copy = await api['evidence.saveCopy']({ id: item.id })
      if (copy) setSaid({ text: `Saved a copy of ${item.title} to ${copy.path}; its SHA-256 (${shortHash(copy.sha256)}…) matches.`, error: false })
    } catch (caught) {
      setSaid({ text: errorMessage(caught), error: true })
    }
  }
  const readOnly = props.readOnly ?? false

  return (
    <section className="evidence-panel" aria-labelledby={headingId} data-testid="evidence-panel">
      <Flex direction="column" gap="2">
        <Flex gap="3" align="center" justify="between" wrap="wrap">
          <Heading as={props.headingLevel ?? 'h3'} size={props.headingSize ?? '2'} id={headingId}>
            Attached evidence{data ? ` (${live.length})` : ''}
          </Heading>
          <Flex gap="3" align="center" wrap="wrap">
            {!readOnly && (
              <>
                <AttachFileDialog target={target} targetName={props.targetName} onAdded={item => changed(item, `Attached ${item.title}.`)} />
                <AddLinkDialog target={target} targetName={props.targetName} onAdded={item => changed(item, `Added the link ${item.title}.`)} />
              </>
            )}
            <Text as="label" size="1">
              <Flex gap="1" align="center">
                <Switch size="1" checked={showArchived} onCheckedChange={setShowArchived} />
                Show archived
              </Flex>
            </Text>
          </Flex>
        </Flex>
        {error && (
          <Callout.Root color="red" size="1" role="alert">
            <Callout.Text>Evidence could not be read: {error}</Callout.Text>
          </Callout.Root>
        )}
        {data && live.length === 0 && (
          <Text size="1" color="gray">
            None attached{readOnly ? '.' : ': attach a file (a screenshot, a PDF, an export) or a link that shows this is in place.'}
          </Text>
        )}
        {live.length > 0 && (
          <ul className="evidence-items" aria-label={`Evidence for ${props.targetName}`}>
            {live.map(item => (
              <EvidenceRow key={item.id} item={item} readOnly={readOnly} onChanged={changed} onSaveCopy={item => void saveCopy(item)} />
            ))}
          </ul>
        )}
        {showArchived && data && (
          <Flex direction="column" gap="1">
            <Text size="1" weight="medium">
              Archived: {countOf(archived.length, 'item')}
            </Text>
            {archived.length > 0 && (
              <ul className="evidence-items" aria-label={`Archived evidence for ${props.targetName}`}>
                {archived.map(item => (
                  <EvidenceRow key={item.id} item={item} readOnly={readOnly} onChanged={changed} onSaveCopy={item => void saveCopy(item)} />
                ))}
              </ul>
            )}
          </Flex>
        )}
        <Text size="1" role="status" color={said?.error ? 'red' : 'gray'} className="evidence-break">
          {said?.text}
        </Text>
      </Flex>
    </section>
  )
}
