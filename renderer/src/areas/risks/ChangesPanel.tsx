import { Callout, Flex, Heading, Text } from '@radix-ui/themes'
import { api } from '../../api'
import type { FieldChange, RiskCatalogView } from '../../../../main/risks/contract'
import { useLoaded } from '../../components/use-loaded'
import { CHANGED_FIELD_LABELS, STATUS_LABELS, TREATMENT_LABELS } from './labels'
import { formatNumber } from '../../components/count-of'
import { formatDate } from '../../components/format-date'

/** A compared value as the rest of the screen words it (scale steps, treatments and statuses are stored as ids). */
function valueText(field: string, value: string | null, catalog: RiskCatalogView): string {
  if (value === null || value === '') return '(empty)'
  const named = (labels: Record<string, string>) => labels[value] ?? value
  if (field === 'likelihood') return named(Object.fromEntries(catalog.scale.likelihood.map(step => [step.id, step.label])))
  if (field === 'impact') return named(Object.fromEntries(catalog.scale.impact.map(step => [step.id, step.label])))
  if (field === 'treatment') return named(TREATMENT_LABELS)
  if (field === 'status') return named(STATUS_LABELS)
  if (field === 'dueOn' || field === 'acceptanceExpiresOn') return formatDate(value)
  return value
}

function changeText(change: FieldChange, catalog: RiskCatalogView): string {
  const label = CHANGED_FIELD_LABELS[change.field] ?? change.field
  return `${label}: ${valueText(change.field, change.before, catalog)} → ${valueText(change.field, change.after, catalog)}`
}

/** What changed in the analysis since the period this one was carried over from. */
export function ChangesPanel(props: { refreshKey: number; catalog: RiskCatalogView }) {
  const { data, error } = useLoaded(() => api['risks.changes']({}), [props.refreshKey])
  if (error)
    return (
      <Callout.Root color="red" role="alert">
        <Callout.Text>{error}</Callout.Text>
      </Callout.Root>
    )
  if (!data) return null
  if (!data.previous)
    return (
      <Text as="p" color="gray">
        This is the first period, so there is nothing earlier to compare with. Changes appear here once the next period starts.
      </Text>
    )
  const none = data.added.length + data.removed.length + data.changed.length === 0
  return (
    <Flex direction="column" gap="3" data-testid="risk-changes">
      <Text as="p" size="2" color="gray">
        Compared with {data.previous.id}.
      </Text>
      {none && <Text as="p">Nothing has changed since then.</Text>}
      {data.added.length > 0 && (
        <section aria-labelledby="changes-added">
          <Heading as="h2" size="3" id="changes-added">
            Added ({formatNumber(data.added.length)})
          </Heading>
          <ul>
            {data.added.map(risk => (
              <li key={risk.key}>{risk.title}</li>
            ))}
          </ul>
        </section>
      )}
      {data.removed.length > 0 && (
        <section aria-labelledby="changes-removed">
          <Heading as="h2" size="3" id="changes-removed">
            Removed ({formatNumber(data.removed.length)})
          </Heading>
          <ul>
            {data.removed.map(risk => (
              <li key={risk.key}>{risk.title}</li>
            ))}
          </ul>
        </section>
      )}
      {data.changed.length > 0 && (
        <section aria-labelledby="changes-changed">
          <Heading as="h2" size="3" id="changes-changed">
            Changed ({formatNumber(data.changed.length)})
          </Heading>
          <ul>
            {data.changed.map(risk => (
              <li key={risk.key}>
                {risk.title}
                <ul>
                  {risk.fields.map(field => (
                    <li key={field.field}>
                      <Text size="2">{changeText(field, props.catalog)}</Text>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Flex>
  )
}
