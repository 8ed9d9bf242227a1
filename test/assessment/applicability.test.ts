import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { conditionHolds, questionApplies, type ApplicabilityContext } from '../../main/assessment/applicability'
import { getCatalog } from '../../main/assessment/catalog'

const catalog = getCatalog(path.resolve(__dirname, '../../templates/assessment'))
const context = (profile: ApplicabilityContext['profile'] = {}, answers: ApplicabilityContext['answers'] = {}) => ({ profile, answers })
const applicableIds = (ctx: ApplicabilityContext) => new Set(catalog.data.questions.filter(q => questionApplies(q, ctx)).map(q => q.id))

describe('applicability', () => {
  it('shows profile-dependent questions until the profile says otherwise', () => {
    const clearinghouseQuestion = catalog.question('q-308-a4-iiA-1')!
    expect(questionApplies(clearinghouseQuestion, context())).toBe(true)
    expect(questionApplies(clearinghouseQuestion, context({ isClearinghouse: true }))).toBe(true)
    expect(questionApplies(clearinghouseQuestion, context({ isClearinghouse: false }))).toBe(false)
  })

  it('shows a follow-up only after the question it depends on has a matching answer', () => {
    const followUp = catalog.question('q-308-a1-iiA-2')!
    expect(followUp.appliesWhen).toEqual({ question: 'q-308-a1-iiA-1', answerIn: ['yes', 'partly'] })
    expect(questionApplies(followUp, context())).toBe(false)
    expect(questionApplies(followUp, context({}, { 'q-308-a1-iiA-1': 'no' }))).toBe(false)
    expect(questionApplies(followUp, context({}, { 'q-308-a1-iiA-1': 'partly' }))).toBe(true)
  })

  it('combines conditions with all and any', () => {
    const either = {
      any: [
        { profile: 'a', equals: true },
        { profile: 'b', equals: true }
      ]
    }
    expect(conditionHolds(either, context({ a: false, b: true }))).toBe(true)
    expect(conditionHolds(either, context({ a: false, b: false }))).toBe(false)
    const both = {
      all: [
        { profile: 'a', equals: true },
        { question: 'q-x-1', answerIn: ['yes' as const] }
      ]
    }
    expect(conditionHolds(both, context({ a: true }, { 'q-x-1': 'yes' }))).toBe(true)
    expect(conditionHolds(both, context({ a: true }, { 'q-x-1': 'no' }))).toBe(false)
  })

  it('leaves a small fully remote startup without premises, plan or clearinghouse questions', () => {
    const startup = context({
      isCoveredEntity: false,
      isBusinessAssociate: true,
      isClearinghouse: false,
      isGroupHealthPlanSponsor: false,
      isGovernmentEntity: false,
      hasPhysicalOffice: false,
      hasOnPremServers: false,
      usesCloudHosting: true,
      usesPortableDevices: true,
      hasRemoteWorkforce: true,
      usesVendorsWithPhi: true
    })
    const ids = applicableIds(startup)
    expect(ids.has('q-308-a4-iiA-1')).toBe(false)
    expect(ids.has('q-314-b1-1')).toBe(false)
    expect(ids.has('q-310-a2-ii-1')).toBe(false)
    expect(ids.has('q-308-b3-3')).toBe(true) // client agreements, as a business associate
    expect(ids.has('q-cloud-ebs-1')).toBe(true)
    // Questions without conditions always apply.
    expect(ids.has('q-310-b-1')).toBe(true)
    const noCloud = applicableIds({ ...startup, profile: { ...startup.profile, usesCloudHosting: false } })
    expect([...noCloud].some(id => id.startsWith('q-cloud-'))).toBe(false)
  })
})
