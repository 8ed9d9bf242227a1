import { useLayoutEffect, useMemo, useRef, useState } from 'react'
import { Button, Callout, Flex, Select, Text, TextField } from '@radix-ui/themes'
import { MagnifyingGlassIcon } from '@radix-ui/react-icons'
import type { ProgressView, QuestionItem, QuestionnaireFilter } from '../../../../main/assessment/contract'
import { api } from '../../api'
import { FILTER_LABELS, GROUP_LABELS, QUESTIONNAIRE_FILTERS } from './labels'
import { ProfileCard } from './ProfileCard'
import { QuestionCard } from './QuestionCard'
import { SectionBar } from './SectionBar'
import { SectionReview } from './SectionReview'
import { buildSections, isAnswered, questionElementId, questionOn, nextUnanswered, sectionKeyOf, standardOfCitation } from './sections'
import { takeRecordTarget } from '../../components/record-link'
import { revealAndFocus } from './reveal'
import { useLoaded } from '../../components/use-loaded'
import { countOf, formatNumber } from '../../components/count-of'

/** Where the walk was, per period, so coming back to the Assessment area returns to the same section. */
const lastSection = new Map<string, string>()

type FocusRequest = { kind: 'heading' } | { kind: 'question'; id: string }

/**
 * The questionnaire, one section at a time (see sections.ts for what a section is) with a sticky progress bar and the
 * section's areas for review at its end; a filter or a search lists every matching question at once instead.
 */
export function QuestionnairePanel(props: { periodId: string; progress: ProgressView; onChanged(): void }) {
  const [filter, setFilter] = useState<QuestionnaireFilter>('all')
  const [search, setSearch] = useState('')
  const [showProfile, setShowProfile] = useState(false)
  const [sectionKey, setSectionKey] = useState(() => lastSection.get(props.periodId) ?? '')
  // Where focus goes once the section it is in has rendered; the tick re-renders even when the section stays the same.
  const pendingFocus = useRef<FocusRequest | null>(null)
  const [focusTick, setFocusTick] = useState(0)
  const requestFocus = (request: FocusRequest) => {
    pendingFocus.current = request
    setFocusTick(tick => tick + 1)
  }
  const barRef = useRef<HTMLDivElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  // The question the person was last in: clicking "Next unanswered" moves focus to the button first.
  const lastQuestion = useRef<string | null>(null)

  const catalog = useLoaded(() => api['assessment.catalog']({}), [])
  const { data, error, reload } = useLoaded(
    () => api['assessment.questionnaire']({ periodId: props.periodId, filter, search }),
    [props.periodId, filter, search]
  )
  const changed = () => {
    reload()
    props.onChanged()
  }
  const readOnly = props.progress.period.readOnly
  const profileUnanswered = data
    ? data.profile.questions.filter(q => (data.profile.values[q.key] ?? data.profile.defaults[q.key]) === undefined).length
    : 0
  const visible = useMemo(() => (data ? data.items.filter(item => item.applies) : []), [data])
  const walking = filter === 'all' && search.trim() === ''
  const standards = useMemo(() => standardOfCitation(catalog.data?.entries ?? []), [catalog.data])
  const cloudTitle = props.progress.groups.find(g => g.group === 'cloud')?.title ?? GROUP_LABELS.cloud
  const sections = useMemo(
    () => (walking && catalog.data ? buildSections(visible, standards, cloudTitle) : []),
    [walking, catalog.data, visible, standards, cloudTitle]
  )
  const found = sections.findIndex(s => s.key === sectionKey)
  // A key that names only a family ('administrative') starts at that family's first section.
  const familyStart = sections.findIndex(s => s.group === sectionKey)
  const index = found >= 0 ? found : familyStart >= 0 ? familyStart : 0
  const section = sections[index]
  const familyTitle = (group: string) => props.progress.groups.find(g => g.group === group)?.title ?? group

  useLayoutEffect(() => {
    const focusRequest = pendingFocus.current
    if (!focusRequest || !section) return
    pendingFocus.current = null
    if (focusRequest.kind === 'heading') {
      // The new section's questions start where the old ones did, which may be scrolled up under the bar.
      revealAndFocus(listRef.current, barRef.current, headingRef.current)
    } else {
      revealAndFocus(document.getElementById(questionElementId(focusRequest.id)), barRef.current)
    }
  }, [focusTick, section])

  const goToSection = (next: number) => {
    const target = sections[next]
    if (!target) return
    lastSection.set(props.periodId, target.key)
    setSectionKey(target.key)
    requestFocus({ kind: 'heading' })
  }
  const goToQuestion = (item: QuestionItem) => {
    const target = sections.findIndex(s => s.items.some(i => i.id === item.id))
    if (target < 0) return
    lastSection.set(props.periodId, sections[target]!.key)
    setSectionKey(sections[target]!.key)
    requestFocus({ kind: 'question', id: item.id })
  }
  // Opened from a review flag in the Findings area: the question on that specification, once the sections are here
  // (set while rendering, as React advises for state that follows other state; focus moves after layout).
  const [questionTarget, setQuestionTarget] = useState(() => takeRecordTarget('assessment'))
  const [targetNote, setTargetNote] = useState<string | null>(null)
  const [targetFocus, setTargetFocus] = useState<string | null>(null)
  if (questionTarget && sections.length > 0) {
    setQuestionTarget(null)
    const item = questionOn(visible, questionTarget)
    const holder = item && sections.find(s => s.items.some(i => i.id === item.id))
    if (item && holder) {
      setSectionKey(holder.key)
      setTargetFocus(item.id)
    } else setTargetNote(`No question on ${questionTarget} applies to your organisation, given its profile and earlier answers.`)
  }
  useLayoutEffect(() => {
    if (targetFocus) revealAndFocus(document.getElementById(questionElementId(targetFocus)), barRef.current)
  }, [targetFocus])
  const goToNextUnanswered = () => {
    // Start after the question the person was last in, if it is in this section; otherwise at the top of this section.
    const within = lastQuestion.current
    const fromId = within && section?.items.some(i => i.id === within) ? within : null
    const next = nextUnanswered(sections, index, fromId)
    if (next) goToQuestion(next.item)
  }
  const goToFamily = (group: string) => {
    setSearch('')
    setFilter('all')
    const target = sections.findIndex(s => s.group === group)
    if (target >= 0) return goToSection(target)
    // Leaving a search or filter: the sections are known once the whole questionnaire is back.
    lastSection.set(props.periodId, group)
    setSectionKey(group)
    requestFocus({ kind: 'heading' })
  }

  const profileToggle = (
    <Button
      variant={profileUnanswered > 0 ? 'soft' : 'ghost'}
      aria-expanded={showProfile}
      onClick={() => setShowProfile(open => !open)}
      style={profileUnanswered > 0 ? undefined : { marginLeft: 'auto' }}
    >
      {showProfile
        ? 'Hide the questions about your organisation'
        : profileUnanswered > 0
          ? `Answer the ${countOf(profileUnanswered, 'question')} about your organisation`
          : 'Change the answers about your organisation'}
    </Button>
  )
  const hiddenHere = section && data ? data.items.filter(item => !item.applies && sectionKeyOf(item, standards) === section.key).length : 0
  const shown = walking ? (section?.items ?? []) : visible
  const currentGroup = walking ? section?.group : undefined

  return (
    <Flex direction="column" gap="3">
      {data && profileUnanswered > 0 && (
        <Flex gap="3" align="center" wrap="wrap" className="profile-strip">
          {profileToggle}
          <Text size="2">They decide which questions apply; until they are answered, every question is shown.</Text>
        </Flex>
      )}
      {data && showProfile && <ProfileCard profile={data.profile} readOnly={readOnly} onChanged={changed} />}

      <nav aria-label="Safeguard families">
        <ul className="family-list">
          {props.progress.groups
            .filter(g => g.applicable > 0)
            .map(g => (
              <li key={g.group}>
                <Button
                  className="family-button"
                  variant={currentGroup === g.group ? 'soft' : 'surface'}
                  highContrast={currentGroup === g.group}
                  color={currentGroup === g.group ? undefined : 'gray'}
                  aria-pressed={currentGroup === g.group}
                  onClick={() => goToFamily(g.group)}
                >
                  <Text size="2" weight="bold">
                    {GROUP_LABELS[g.group]}
                  </Text>
                  <Text size="1">
                    {formatNumber(g.answered)} of {formatNumber(g.applicable)} answered
                    {g.gaps > 0 ? ` · ${countOf(g.gaps, 'gap')}` : ''}
                  </Text>
                </Button>
              </li>
            ))}
        </ul>
      </nav>

      <Flex gap="4" wrap="wrap" align="center">
        <Flex gap="2" align="center">
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
        <Flex gap="2" align="center" flexGrow="1" maxWidth="460px">
          <Text as="label" size="2" weight="medium" htmlFor="assessment-search" className="nowrap">
            Search questions
          </Text>
          <TextField.Root
            id="assessment-search"
            type="search"
            value={search}
            placeholder="e.g. backup, encryption, 164.312"
            onChange={e => setSearch(e.target.value)}
            style={{ flexGrow: 1 }}
          >
            <TextField.Slot>
              <MagnifyingGlassIcon aria-hidden />
            </TextField.Slot>
          </TextField.Root>
        </Flex>
        {data && profileUnanswered === 0 && profileToggle}
      </Flex>

      {targetNote && (
        <Callout.Root color="amber" role="status">
          <Callout.Text>{targetNote}</Callout.Text>
        </Callout.Root>
      )}
      {(error ?? catalog.error) && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error ?? catalog.error}</Callout.Text>
        </Callout.Root>
      )}
      {!walking && data && (
        <Text as="p" size="2" color="gray" role="status">
          {countOf(visible.length, 'question')} in all families {visible.length === 1 ? 'matches' : 'match'}
          {search.trim() ? ` “${search.trim()}”` : ''}
          {filter !== 'all' ? ` (${FILTER_LABELS[filter]})` : ''}. Choose All questions and clear the search to go section by section.
        </Text>
      )}
      {data && visible.length === 0 && (
        <Text as="p" color="gray">
          {walking ? 'No question applies to your organisation.' : 'No question matches. Try another filter or search.'}
        </Text>
      )}

      {walking && section && (
        <SectionBar
          section={section}
          index={index}
          count={sections.length}
          familyTitle={familyTitle(section.group)}
          answered={section.items.filter(isAnswered).length}
          overall={props.progress.overall}
          hasUnanswered={visible.some(item => !isAnswered(item))}
          barRef={barRef}
          headingRef={headingRef}
          onPrevious={() => goToSection(index - 1)}
          onNext={() => goToSection(index + 1)}
          onNextUnanswered={goToNextUnanswered}
        />
      )}
      <Flex
        direction="column"
        gap="3"
        ref={listRef}
        className="question-list"
        onFocus={event => {
          lastQuestion.current = event.target.closest<HTMLElement>('[data-question-id]')?.dataset.questionId ?? lastQuestion.current
        }}
      >
        {shown.map(item => (
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
      {walking && section && hiddenHere > 0 && (
        <Text as="p" size="2" color="gray">
          {countOf(hiddenHere, 'question')} in this section {hiddenHere === 1 ? 'does' : 'do'} not apply to your organisation, given its profile or
          earlier answers, and {hiddenHere === 1 ? 'is' : 'are'} not shown.
        </Text>
      )}
      {walking && section && <SectionReview section={section} onGoTo={goToQuestion} />}
    </Flex>
  )
}
