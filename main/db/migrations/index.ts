import type { Migration } from '../migration'
import createWorkspace from './0001-create-workspace'
import createAssessment from './0002-create-assessment'
import createScans from './0003-create-scans'
import createBusinessAssociatesIncidentsCalendar from './0004-create-business-associates-incidents-calendar'
import createAttachments from './0005-create-attachments'
import indexFindingsByScan from './0006-index-findings-by-scan'
import createDataFlowMap from './0007-create-data-flow-map'
import createRiskAnalysis from './0008-create-risk-analysis'
import archiveIncidentsAndBusinessAssociates from './0009-archive-incidents-and-business-associates'
import recordBreachAssessmentOutcome from './0010-record-breach-assessment-outcome'
import recordNoticeDelivery from './0011-record-notice-delivery'
import triageFindings from './0012-triage-findings'
import userCheckMappings from './0013-user-check-mappings'
import indexFindingsForTheView from './0014-index-findings-for-the-view'
import createEvidenceLinks from './0015-create-evidence-links'
import createSigningIdentity from './0016-create-signing-identity'
import recordLibraryApplications from './0017-record-library-applications'

/** Every schema step in order. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  createWorkspace,
  createAssessment,
  createScans,
  createBusinessAssociatesIncidentsCalendar,
  createAttachments,
  indexFindingsByScan,
  createDataFlowMap,
  createRiskAnalysis,
  archiveIncidentsAndBusinessAssociates,
  recordBreachAssessmentOutcome,
  recordNoticeDelivery,
  triageFindings,
  userCheckMappings,
  indexFindingsForTheView,
  createEvidenceLinks,
  createSigningIdentity,
  recordLibraryApplications
]

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.at(-1)?.version ?? 0
