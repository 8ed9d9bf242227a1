import { useId } from 'react'
import { Card, Flex, Heading, RadioGroup, Text } from '@radix-ui/themes'
import type { ProfileView } from '../../../../main/assessment/contract'
import { api } from '../../api'
import { selectFocusedRadioOnArrow } from './radio-keys'

/** The few facts about the organisation that decide which questions apply. */
export function ProfileCard(props: { profile: ProfileView; readOnly: boolean; onChanged(): void }) {
  const headingId = useId()
  const valueOf = (key: string) => props.profile.values[key] ?? props.profile.defaults[key]
  const unanswered = props.profile.questions.filter(q => valueOf(q.key) === undefined).length
  return (
    <Card size="2" asChild>
      <section aria-labelledby={headingId}>
        <Flex direction="column" gap="3">
          <Heading as="h2" size="4" id={headingId}>
            About your organisation
          </Heading>
          <Text as="p" size="2" color="gray">
            These answers decide which questions apply to you, so questions that cannot concern you (for example about health care clearinghouses) are
            left out. {unanswered > 0 ? `${unanswered} still to answer; until then, every question is shown.` : 'All answered.'}
          </Text>
          <div className="profile-grid">
            {props.profile.questions.map(question => {
              const value = valueOf(question.key)
              const preset = props.profile.values[question.key] === undefined && value !== undefined
              return (
                <ProfileRow
                  key={question.key}
                  text={question.text}
                  help={preset ? `${question.help} Preset from your organisation settings; change it if it is wrong.` : question.help}
                  value={value === undefined ? '' : value ? 'yes' : 'no'}
                  readOnly={props.readOnly}
                  onChange={async next => {
                    await api['assessment.setProfile']({ key: question.key, value: next === 'yes' })
                    props.onChanged()
                  }}
                />
              )
            })}
          </div>
        </Flex>
      </section>
    </Card>
  )
}

function ProfileRow(props: { text: string; help: string; value: string; readOnly: boolean; onChange(value: string): Promise<void> }) {
  const id = useId()
  return (
    <>
      <Flex direction="column" gap="1">
        <Text size="2" weight="medium" id={`${id}-q`}>
          {props.text}
        </Text>
        <Text size="1" color="gray" id={`${id}-help`}>
          {props.help}
        </Text>
      </Flex>
      <RadioGroup.Root
        onKeyDown={selectFocusedRadioOnArrow}
        value={props.value}
        onValueChange={value => void props.onChange(value)}
        disabled={props.readOnly}
        aria-labelledby={`${id}-q`}
        aria-describedby={`${id}-help`}
      >
        <Flex gap="3">
          <RadioGroup.Item value="yes">Yes</RadioGroup.Item>
          <RadioGroup.Item value="no">No</RadioGroup.Item>
        </Flex>
      </RadioGroup.Root>
    </>
  )
}
