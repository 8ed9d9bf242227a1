/** The scanners' public read functions beyond the table queries in db/: how a format is named. */
export { formatLabel } from './formats/index'
/** Triage as of a date: every reader of failing findings leaves the triaged ones out through these. */
export { evaluateTriage, triagedFailures, type TriageEvaluation, type TriagedFailure } from './triage/effective-triage'
export { tallyTriaged, type TriagedTally } from './triage/triaged-tally'
