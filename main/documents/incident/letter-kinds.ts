import type { NoticeContentId } from '../../breach/reads'

/**
 * The letter drafts Safeguard prepares, one entry each: the notice whose content they carry, the words
 * for the save dialog and the CLI. Ids, labels and file names derive from here.
 */
export const LETTER_KINDS = {
  individual: { label: 'Letter to individuals', notice: 'individuals', citation: '45 CFR 164.404', fileName: 'letter to individuals' },
  media: { label: 'Media notice', notice: 'media', citation: '45 CFR 164.406', fileName: 'media notice' },
  'covered-entity': {
    label: 'Notice to the covered entity',
    notice: 'covered-entity',
    citation: '45 CFR 164.410',
    fileName: 'notice to the covered entity'
  }
} as const satisfies Record<string, { label: string; notice: NoticeContentId; citation: string; fileName: string }>

export type LetterKind = keyof typeof LETTER_KINDS
export const LETTER_KIND_IDS = Object.keys(LETTER_KINDS) as [LetterKind, ...LetterKind[]]
