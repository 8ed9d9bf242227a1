import { useState } from 'react'
import { Button, Callout, Flex, Heading, Progress, Select, Text, TextField } from '@radix-ui/themes'
import { MagnifyingGlassIcon } from '@radix-ui/react-icons'
import type { ProgressView, QuestionGroup, QuestionnaireFilter } from '../../../../main/assessment/contract'
import { api } from '../../api'
import { FILTER_LABELS, GROUP_LABELS, QUESTIONNAIRE_FILTERS } from './labels'
import { ProfileCard } from './ProfileCard'
import { QuestionCard } from './QuestionCard'
import { useLoaded } from '../../components/use-loaded'
import { countOf } from '../../components/count-of'

/** Walk one family at a time, or filter and search across all of them. */
export function QuestionnairePanel(props: { periodId: string; progress: ProgressView; onChanged(): void }) {
  const [group, setGroup] = useState<QuestionGroup | 'all'>('administrative')
  const [filter, setFilter] = useState<QuestionnaireFilter>('all')
  const [search, setSearch] = useState('')
  const [showProfile, setShowProfile] = useState(false)
  const { data, error, reload } = useLoaded(
    () =>
      api['assessment.questionnaire']({
        periodId: props.periodId,
        // A search looks through every family, so nothing is missed because another family was selected.
        ...(group === 'all' || search.trim() ? {} : { group }),
        filter,
        search
      }),
    [props.periodId, group, filter, search]
  )
  const changed = () => {
    reload()
    props.onChanged()
  }
  const readOnly = props.progress.period.readOnly
  const profileIncomplete = data
    ? data.profile.questions.some(q => (data.profile.values[q.key] ?? data.profile.defaults[q.key]) === undefined)
    : false
  const visible = data ? data.items.filter(item => item.applies) : []
  const hidden = data ? data.items.length - visible.length : 0
  const searching = search.trim() !== ''
  const groupProgress = group === 'all' || searching ? null : props.progress.groups.find(g => g.group === group)

  return (
    <Flex direction="column" gap="4">
      {data && (profileIncomplete || showProfile) && <ProfileCard profile={data.profile} readOnly={readOnly} onChanged={changed} />}
      {data && !profileIncomplete && (
        <Button variant="ghost" onClick={() => setShowProfile(shown => !shown)} style={{ alignSelf: 'flex-start' }}>
          {showProfile ? 'Hide the questions about your organisation' : 'Change the answers about your organisation'}
        </Button>
      )}

      <nav aria-label="Safeguard families">
        <ul className="family-list">
          {props.progress.groups.map(g => (
            <li key={g.group}>
              <Button
                className="family-button"
                variant={group === g.group ? 'soft' : 'surface'}
                highContrast={group === g.group}
                color={group === g.group ? undefined : 'gray'}
                aria-pressed={group === g.group}
                onClick={() => setGroup(g.group)}
              >
                <Text size="2" weight="bold">
                  {GROUP_LABELS[g.group]}
                </Text>
                <Text size="1">
                  {g.answered} of {g.applicable} answered
                  {g.gaps > 0 ? ` · ${g.gaps} gap${g.gaps === 1 ? '' : 's'}` : ''}
                </Text>
              </Button>
            </li>
          ))}
          <li>
            <Button
              className="family-button"
              variant={group === 'all' ? 'soft' : 'surface'}
              highContrast={group === 'all'}
              color={group === 'all' ? undefined : 'gray'}
              aria-pressed={group === 'all'}
              onClick={() => setGroup('all')}
            >
              <Text size="2" weight="bold">
                Everything
              </Text>
              <Text size="1">
                {props.progress.overall.answered} of {props.progress.overall.applicable} answered
              </Text>
            </Button>
          </li>
        </ul>
      </nav>

      <Flex gap="3" wrap="wrap" align="end">
        <Flex direction="column" gap="1">
          <Text as="label" size="2" weight="medium" htmlFor="assessment-filter">
            Show
          </Text>
          <Select.Root value={filter} onValueChange={value => setFilter(value as QuestionnaireFilter)}>
            <Select.Trigger id="assessment-filter" />
            <Select.Content>
              {QUESTIONNAIRE_FILTERS.map(f => (
                <Select.Item key={f} value={f}>
                  {FILTER_LABELS[f]}
                </Select.Item>
              ))}
            </Select.Content>
          </Select.Root>
        </Flex>
        <Flex direction="column" gap="1" flexGrow="1" maxWidth="420px">
          <Text as="label" size="2" weight="medium" htmlFor="assessment-search">
            Search questions
          </Text>
          <TextField.Root
            id="assessment-search"
            type="search"
            value={search}
            placeholder="e.g. backup, encryption, 164.312"
            onChange={e => setSearch(e.target.value)}
          >
            <TextField.Slot>
              <MagnifyingGlassIcon aria-hidden />
            </TextField.Slot>
          </TextField.Root>
        </Flex>
      </Flex>

      {groupProgress && (
        <Flex direction="column" gap="2">
          <Heading as="h2" size="4">
            {groupProgress.title}
          </Heading>
          <Flex align="center" gap="3">
            <Progress
              value={groupProgress.percent}
              aria-label={`${groupProgress.title}: ${groupProgress.percent}% answered`}
              style={{ maxWidth: 320 }}
            />
            <Text size="2" color="gray">
              {groupProgress.percent}% answered
              {groupProgress.decisionsNeeded > 0 ? ` · ${countOf(groupProgress.decisionsNeeded, 'decision')} needed` : ''}
              {groupProgress.unratedGaps > 0 ? ` · ${countOf(groupProgress.unratedGaps, 'gap')} to rate` : ''}
            </Text>
          </Flex>
        </Flex>
      )}

      {searching && data && (
        <Text as="p" size="2" color="gray" role="status">
          {countOf(visible.length, 'question')} in all families {visible.length === 1 ? 'matches' : 'match'} “{search.trim()}”.
        </Text>
      )}
      {error && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      {data && visible.length === 0 && (
        <Text as="p" color="gray">
          {filter === 'all' && !search
            ? 'No question in this family applies to your organisation.'
            : 'No question matches. Try another filter or search.'}
        </Text>
      )}
      <Flex direction="column" gap="3">
        {visible.map(item => (
          <QuestionCard
            key={item.id}
            item={item}
            periodId={props.periodId}
            decision={data?.decisions.find(d => d.citation === item.citations[0]) ?? null}
            readOnly={readOnly}
            onChanged={changed}
          />
        ))}
      </Flex>
      {hidden > 0 && filter === 'all' && (
        <Text as="p" size="2" color="gray">
          {countOf(hidden, 'question')} here {hidden === 1 ? 'does' : 'do'} not apply to your organisation, given its profile or earlier answers, and
          are not shown.
        </Text>
      )}
    </Flex>
  )
}
