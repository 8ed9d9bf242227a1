import { EVIDENCE_TARGET_LABEL, type EvidenceItem } from '../evidence/contract'
import type { RiskDetail } from '../risks/contract'
import { controlsFor, HIPAA_CATALOG, statementFor } from './catalog-map'
import { citationProps, ids, instant, lastModified, line, metadata, paragraphs, prop, props } from './document-parts'
import type { AnsweredQuestion, FailingSpecification, OscalData } from './read-oscal-data'

const ANSWER_WORDS = { yes: 'Yes', partly: 'Partly', no: 'No', na: 'Not applicable' } as const
const NIST_NS = 'http://csrc.nist.gov/ns/oscal'
const DECISION_WORDS = {
  'implemented-as-specified': 'implemented as specified',
  'equivalent-alternative': 'an equivalent alternative measure',
  'not-reasonable': 'not reasonable and appropriate'
} as const
/** Specifications a signed business associate agreement is evidence for. */
const AGREEMENT_CITATIONS = new Set(['164.308(b)(1)', '164.308(b)(3)', '164.314(a)(1)', '164.314(a)(2)(i)', '164.314(a)(2)(iii)'])

/** The register's scenario status in OSCAL's risk-status words; an acceptance is a deviation approved. */
export function riskStatus(risk: RiskDetail): string {
  if (risk.treatment === 'accept' && risk.status !== 'closed') return 'deviation-approved'
  return { open: 'open', 'in-treatment': 'remediating', treated: 'closed', closed: 'closed' }[risk.status]
}

/** Risks that name a questionnaire gap or a failing check on the citation among their vulnerabilities. */
function risksOf(data: OscalData, match: (v: RiskDetail['vulnerabilities'][number]) => boolean): RiskDetail[] {
  return data.risks.filter(r => r.vulnerabilities.some(match))
}

/** The OSCAL assessment-results document of the period: answers as observations, gaps and failing checks as findings. */
export function buildAssessmentResults(data: OscalData) {
  const uuid = ids(data)
  const party = uuid('party/organization')
  const actor = { type: 'party', 'actor-uuid': party }
  const end = lastModified(data)
  const start = instant(data.period.startedOn)
  const evidence = new Map(data.agreements.map(a => [a.id, uuid(`resource/agreement/${a.id}`)]))
  const scanResource = (id: number) => uuid(`resource/scan/${id}`)
  const riskUuid = (risk: RiskDetail) => uuid(`risk/${risk.key}`)
  const evidenceResource = (item: EvidenceItem) => uuid(`resource/evidence/${item.id}`)
  // Attached evidence on an observation: the items on the answer itself and those on anything bearing on its specifications.
  const attached = (match: (item: EvidenceItem) => boolean) =>
    data.evidence.filter(match).map(item => ({
      href: `#${evidenceResource(item)}`,
      description: `${line(item.title, 'Evidence')}: ${item.kind === 'file' ? 'a file' : 'a link'} on ${EVIDENCE_TARGET_LABEL[item.target.kind].toLowerCase()} ${item.target.id}, effective as of ${item.effectiveAsOf}${item.expiresOn ? `, ${item.stale ? 'stale since' : 'expiring'} ${item.expiresOn}` : ''}.`,
      ...props([
        prop('evidence-effective-as-of', item.effectiveAsOf),
        prop('evidence-expires-on', item.expiresOn ?? ''),
        prop('evidence-stale', item.stale ? 'true' : 'false'),
        ...(item.sha256 ? [prop('evidence-sha256', item.sha256)] : [])
      ])
    }))

  const answerObservation = (a: AnsweredQuestion) => {
    const decisions = data.decisions
      .filter(d => a.citations.includes(d.citation))
      .map(d => `Decision on ${d.citation}: ${DECISION_WORDS[d.decision]}, by ${d.decidedBy} on ${d.decidedOn}. ${d.explanation}`)
    const agreements = a.citations.some(c => AGREEMENT_CITATIONS.has(c)) ? data.agreements : []
    const onAnswer = attached(
      item => (item.target.kind === 'answer' && item.target.id === a.id) || item.specificationIds.some(c => a.citations.includes(c))
    )
    const evidenceCount = agreements.length + onAnswer.length
    return {
      uuid: uuid(`observation/answer/${data.period.id}/${a.id}`),
      title: line(a.topic, a.id),
      description: paragraphs(
        [`${a.text} Answer: ${ANSWER_WORDS[a.value]}.`, a.fieldValue === null ? null : `Value given: ${a.fieldValue}.`, a.notes, ...decisions],
        a.id
      ),
      ...props([prop('question-id', a.id), prop('answer', a.value), ...citationProps(a.citations)]),
      methods: ['INTERVIEW', ...(evidenceCount ? ['EXAMINE'] : [])],
      origins: [{ actors: [actor] }],
      ...(evidenceCount
        ? {
            'relevant-evidence': [
              ...agreements.map(ag => ({
                href: `#${evidence.get(ag.id)}`,
                description: `Signed agreement with ${line(ag.name, 'the business associate')} (${ag.file.originalName}), kept in the workspace.`
              })),
              ...onAnswer
            ]
          }
        : {}),
      collected: instant(a.updatedAt)
    }
  }

  const scanObservation = (f: FailingSpecification) => ({
    uuid: uuid(`observation/scan/${f.citation}`),
    title: line(`Failing scanner checks for ${f.citation}`, f.citation),
    description: paragraphs(
      [
        `${f.failing} failing resource result(s) in the latest scan of each account, triaged ones left out.`,
        ...f.checks.map(c => `${c.scanner} ${c.checkId}: ${c.title} (${c.severity}, ${c.resources} resource(s))`),
        f.checkCount > f.checks.length ? `And ${f.checkCount - f.checks.length} more check(s).` : null
      ],
      f.citation
    ),
    ...props(citationProps([f.citation])),
    methods: ['TEST'],
    ...(data.scans.length
      ? {
          'relevant-evidence': [
            ...data.scans.map(s => ({
              href: `#${scanResource(s.id)}`,
              description: `Scanner output ${s.fileName} (${s.formatLabel}).`
            })),
            ...attached(item => item.target.kind === 'cloud-control' && item.specificationIds.includes(f.citation))
          ]
        }
      : {}),
    collected: data.scans.map(s => instant(s.importedAt)).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a), start)
  })

  const gaps = data.answers.filter(a => (a.value === 'no' || a.value === 'partly') && statementFor(a.citations[0] ?? '') !== null)
  const failing = data.failing.filter(f => statementFor(f.citation) !== null)
  const related = (list: RiskDetail[]) => (list.length ? { 'related-risks': list.map(r => ({ 'risk-uuid': riskUuid(r) })) } : {})

  const findings = [
    ...gaps.map(a => ({
      uuid: uuid(`finding/answer/${data.period.id}/${a.id}`),
      title: line(`${a.topic}: answered ${ANSWER_WORDS[a.value]}`, a.id),
      description: paragraphs([a.text, a.notes], a.id),
      ...props(citationProps(a.citations)),
      origins: [{ actors: [actor] }],
      target: {
        type: 'statement-id',
        'target-id': statementFor(a.citations[0]!)!,
        ...props(citationProps([a.citations[0]!])),
        status: { state: 'not-satisfied', reason: a.value === 'no' ? 'fail' : 'other' }
      },
      'related-observations': [{ 'observation-uuid': uuid(`observation/answer/${data.period.id}/${a.id}`) }],
      ...related(risksOf(data, v => v.kind === 'question' && v.ref === a.id))
    })),
    ...failing.map(f => ({
      uuid: uuid(`finding/scan/${f.citation}`),
      title: line(`Failing scanner checks for ${f.citation}`, f.citation),
      description: paragraphs([`${f.checkCount} check(s) fail on ${f.failing} resource result(s).`], f.citation),
      ...props(citationProps([f.citation])),
      target: {
        type: 'statement-id',
        'target-id': statementFor(f.citation)!,
        ...props(citationProps([f.citation])),
        status: { state: 'not-satisfied', reason: 'fail' }
      },
      'related-observations': [{ 'observation-uuid': uuid(`observation/scan/${f.citation}`) }],
      ...related(risksOf(data, v => v.kind === 'finding' && v.citations.includes(f.citation)))
    }))
  ]

  const reviewed = [...new Set(data.answers.flatMap(a => a.citations).concat(data.failing.map(f => f.citation)))]
  const controlIds = [...new Set(reviewed.flatMap(c => controlsFor(c)))].sort()
  const observations = [...data.answers.map(answerObservation), ...data.failing.map(scanObservation)]
  const risks = data.risks.map(r => assessmentRisk(r, uuid, actor))
  const resources = [
    {
      uuid: uuid('resource/assessment-plan'),
      title: 'Assessment plan',
      description: `The ${data.period.id} self-assessment in Safeguard: the HIPAA Security Rule questionnaire, scanner imports and the risk register.`
    },
    {
      uuid: uuid('resource/catalog'),
      title: line(`${HIPAA_CATALOG.title} ${HIPAA_CATALOG.version}`, 'HIPAA catalog'),
      description: `${HIPAA_CATALOG.source}. ${HIPAA_CATALOG.licence}`
    },
    ...data.agreements.map(a => ({
      uuid: evidence.get(a.id)!,
      title: line(`Signed agreement: ${a.name}`, 'Signed agreement'),
      description: `${a.file.originalName}, ${a.file.size} bytes, attached ${a.file.attachedAt}.`,
      rlinks: [
        { href: encodeURIComponent(a.file.originalName), 'media-type': a.file.mediaType, hashes: [{ algorithm: 'SHA-256', value: a.file.sha256 }] }
      ]
    })),
    ...data.scans.map(s => ({
      uuid: scanResource(s.id),
      title: line(`Scanner output: ${s.fileName}`, 'Scanner output'),
      description: `${s.formatLabel}, ${s.bytes} bytes, imported ${s.importedAt}. ${s.summary}`,
      rlinks: [{ href: encodeURIComponent(s.fileName), hashes: [{ algorithm: 'SHA-256', value: s.sha256 }] }]
    })),
    ...data.evidence.map(item => ({
      uuid: evidenceResource(item),
      title: line(`Evidence: ${item.title}`, 'Evidence'),
      description: paragraphs(
        [
          item.kind === 'file' ? `${item.fileName}, ${item.size} bytes, kept in the workspace.` : `A link to ${item.url}.`,
          `On ${EVIDENCE_TARGET_LABEL[item.target.kind].toLowerCase()} ${item.target.id}; effective as of ${item.effectiveAsOf}${item.expiresOn ? `, expires ${item.expiresOn}` : ''}. Added by ${item.addedBy} on ${item.addedAt}.`,
          item.note
        ],
        'Evidence'
      ),
      ...props([
        prop('evidence-target', `${item.target.kind}:${item.target.id}`),
        prop('evidence-effective-as-of', item.effectiveAsOf),
        prop('evidence-expires-on', item.expiresOn ?? ''),
        ...citationProps(item.specificationIds)
      ]),
      rlinks: [
        item.kind === 'file'
          ? { href: encodeURIComponent(item.fileName!), hashes: [{ algorithm: 'SHA-256', value: item.sha256! }] }
          : { href: item.url! }
      ]
    }))
  ]

  return {
    'assessment-results': {
      uuid: uuid(`assessment-results/${data.period.id}`),
      metadata: metadata(data, line(`${data.organization}: HIPAA Security Rule assessment results, ${data.period.id}`, 'Assessment results'), uuid),
      'import-ap': { href: `#${uuid('resource/assessment-plan')}` },
      results: [
        {
          uuid: uuid(`result/${data.period.id}`),
          title: line(`Assessment period ${data.period.id}`, 'Assessment period'),
          description: 'Answers to the questionnaire, failing scanner checks and the risk register of the period, as recorded in Safeguard.',
          start,
          ...(Date.parse(end) > Date.parse(start) ? { end } : {}),
          ...props([prop('period-status', data.period.status)]),
          'reviewed-controls': {
            'control-selections': [controlIds.length ? { 'include-controls': controlIds.map(id => ({ 'control-id': id })) } : { 'include-all': {} }]
          },
          ...(observations.length ? { observations } : {}),
          ...(risks.length ? { risks } : {}),
          ...(findings.length ? { findings } : {})
        }
      ],
      'back-matter': { resources }
    }
  }
}

/** A register risk as an OSCAL risk (shared by the assessment results and the POA&M). */
export function assessmentRisk(risk: RiskDetail, uuidOf: (name: string) => string, actor: { type: string; 'actor-uuid': string }) {
  const uuid = uuidOf(`risk/${risk.key}`)
  const rated = risk.likelihood !== null && risk.impact !== null
  const acceptance = risk.acceptance
  return {
    uuid,
    title: line(risk.title, risk.key),
    description: paragraphs([risk.description], line(risk.title, risk.key)),
    statement: paragraphs(
      [
        rated ? `Likelihood ${risk.likelihood}, impact ${risk.impact}: ${risk.levelLabel}.` : 'Not rated yet.',
        risk.likelihoodRationale,
        risk.impactRationale,
        risk.existingControls ? `Existing controls: ${risk.existingControls}` : null,
        risk.treatmentPlan ? `Treatment: ${risk.treatmentPlan}` : null
      ],
      'Not rated yet.'
    ),
    ...props([
      prop('risk-key', risk.key),
      prop('scenario-status', risk.status),
      prop('treatment', risk.treatment ?? ''),
      prop('owner', risk.owner),
      ...(risk.residualLevel ? [prop('residual-level', risk.residualLevel)] : []),
      ...[...new Set(risk.vulnerabilities.flatMap(v => v.citations))].sort().map(c => prop('cfr-citation', c))
    ]),
    status: riskStatus(risk),
    origins: [{ actors: [actor] }],
    ...(rated
      ? {
          characterizations: [
            {
              origin: { actors: [actor] },
              facets: [
                { name: 'likelihood', system: NIST_NS, value: risk.likelihood! },
                { name: 'impact', system: NIST_NS, value: risk.impact! },
                { name: 'risk', system: NIST_NS, value: risk.level ?? 'unrated' }
              ]
            }
          ]
        }
      : {}),
    ...(risk.dueOn ? { deadline: instant(risk.dueOn) } : {}),
    ...(acceptance
      ? {
          'risk-log': {
            entries: [
              {
                uuid: uuidOf(`risk/${risk.key}/acceptance`),
                title: line(`Accepted by ${acceptance.approver}`, 'Accepted'),
                description: paragraphs([acceptance.reason, `Expires ${acceptance.expiresOn}.`], 'Accepted'),
                start: instant(acceptance.approvedOn),
                end: instant(acceptance.expiresOn),
                'status-change': 'deviation-approved'
              }
            ]
          }
        }
      : {})
  }
}
