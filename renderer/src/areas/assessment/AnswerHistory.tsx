import { useState } from 'react'
import { Text } from '@radix-ui/themes'
import type { AuditEntry } from '../../../../main/assessment/contract'
import { api, errorMessage } from '../../api'
import { formatDateTime } from '../../components/format-date'

const shown = (value: string | null) => (value === null || value === '' ? '(empty)' : value)

const FIELD_LABELS: Record<string, string> = { value: 'Answer', notes: 'Notes', fieldValue: 'Value', toConfirm: 'To confirm' }

/** The audit trail of one answer, loaded when opened. */
export function AnswerHistory(props: { questionId: string; periodId: string }) {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => {
    api['assessment.audit']({ periodId: props.periodId, subject: `answer:${props.questionId}`, limit: 50 }).then(setEntries, e =>
      setError(errorMessage(e))
    )
  }
  return (
    <details onToggle={event => (event.currentTarget.open ? load() : undefined)}>
      <summary>
        <Text size="2" weight="medium">
          History of changes
        </Text>
      </summary>
      {error && (
        <Text size="1" className="form-error" role="alert">
          {error}
        </Text>
      )}
      {entries && entries.length === 0 && (
        <Text as="p" size="1" color="gray">
          No changes recorded yet.
        </Text>
      )}
      {entries && entries.length > 0 && (
        <ul className="evidence-list">
          {entries.map(entry => (
            <li key={entry.id}>
              <Text size="1">
                {formatDateTime(entry.at)} · {FIELD_LABELS[entry.field] ?? entry.field}: {shown(entry.oldValue)} → {shown(entry.newValue)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </details>
  )
}
