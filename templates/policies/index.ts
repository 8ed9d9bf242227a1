// The built-in policy set, bundled with the app. Users override a document by copying its JSON
// into their workspace's policy folder (see main/documents/policies/load.ts).
import p1 from './01-security-management.json'
import p2 from './02-assigned-responsibility.json'
import p3 from './03-workforce-security.json'
import p4 from './04-information-access.json'
import p5 from './05-security-awareness-training.json'
import p6 from './06-incident-response.json'
import p7 from './07-breach-notification.json'
import p8 from './08-contingency-plan.json'
import p9 from './09-evaluation.json'
import p10 from './10-business-associates.json'
import p11 from './11-group-health-plan.json'
import p12 from './12-facility-access.json'
import p13 from './13-workstation-security.json'
import p14 from './14-device-media-controls.json'
import p15 from './15-access-control.json'
import p16 from './16-audit-controls.json'
import p17 from './17-integrity.json'
import p18 from './18-transmission-encryption.json'
import p19 from './19-documentation-retention.json'

export const BUILT_IN_POLICY_FILES: ReadonlyArray<{ file: string; data: unknown }> = [
  { file: '01-security-management.json', data: p1 },
  { file: '02-assigned-responsibility.json', data: p2 },
  { file: '03-workforce-security.json', data: p3 },
  { file: '04-information-access.json', data: p4 },
  { file: '05-security-awareness-training.json', data: p5 },
  { file: '06-incident-response.json', data: p6 },
  { file: '07-breach-notification.json', data: p7 },
  { file: '08-contingency-plan.json', data: p8 },
  { file: '09-evaluation.json', data: p9 },
  { file: '10-business-associates.json', data: p10 },
  { file: '11-group-health-plan.json', data: p11 },
  { file: '12-facility-access.json', data: p12 },
  { file: '13-workstation-security.json', data: p13 },
  { file: '14-device-media-controls.json', data: p14 },
  { file: '15-access-control.json', data: p15 },
  { file: '16-audit-controls.json', data: p16 },
  { file: '17-integrity.json', data: p17 },
  { file: '18-transmission-encryption.json', data: p18 },
  { file: '19-documentation-retention.json', data: p19 }
]
