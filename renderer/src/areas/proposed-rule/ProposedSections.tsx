import { Heading, Text } from '@radix-ui/themes'
import type { ProposedChangeView, ReadinessView } from '../../../../main/proposed-rule/contract'
import { formatDate } from '../../components/format-date'
import { CERTAINTY } from './certainty-words'

/** Where the proposed text would put a change, and how it was read: a Federal Register page, or none. */
function whereRead(section: Extract<ProposedChangeView['proposedSection'], { found: true }>): string {
  const page = section.frPage === null ? 'no Federal Register page' : `90 FR ${section.frPage}`
  return `${CERTAINTY[section.certainty].toLowerCase()}; ${page}`
}

/** One change's proposed section number, or that it was not found. */
export function ProposedSectionLine({ section }: { section: ProposedChangeView['proposedSection'] }) {
  return (
    <Text as="p" size="1" color="gray">
      {section.found ? `Proposed § ${section.section} (${whereRead(section)})` : 'Proposed §: not found'}
    </Text>
  )
}

/** A row's proposed section numbers, each once and kept whole on a line, or that none was found. */
export function RowProposedSections({ sections }: { sections: readonly string[] }) {
  return (
    <Text size="1" color="gray" data-testid="proposed-sections">
      {sections.length === 0
        ? 'Proposed §: not found'
        : sections.map((section, index) => (
            <span key={section} className="readiness-section">
              {index === 0 ? 'Proposed ' : ', '}§ {section}
            </span>
          ))}
    </Text>
  )
}

/** Each section number found, with the source it was read in named in full, and the day they were looked for. */
export function ProposedSectionSources({ view }: { view: ReadinessView }) {
  const found = new Map<string, Extract<ProposedChangeView['proposedSection'], { found: true }>>()
  for (const row of view.rows)
    for (const change of row.proposal.changes) if (change.proposedSection.found) found.set(change.proposedSection.section, change.proposedSection)
  return (
    <details className="readiness-evidence" data-testid="proposed-section-sources">
      <summary>
        <Heading as="h2" size="3" className="readiness-evidence-heading">
          Where the section numbers come from
        </Heading>
      </summary>
      <Text as="p" size="2">
        {view.proposedSectionsNote} Looked for on {formatDate(view.proposedSectionsCheckedOn)}.
      </Text>
      <ul>
        {[...found.values()].map(section => (
          <li key={section.section}>
            <Text size="2">
              Proposed § {section.section}: read in {section.readIn} <Text color="gray">({whereRead(section)})</Text>
            </Text>
          </li>
        ))}
      </ul>
    </details>
  )
}
