import { addDays, addMonths, compareDates, type IsoDate } from '../shared/dates'
import type { BusinessAssociate, BusinessAssociateFlags } from './contract'

export const DEFAULT_REVIEW_MONTHS = 12

type ReviewFields = Pick<BusinessAssociate, 'baaStatus' | 'lastReviewOn' | 'effectiveOn' | 'reviewEveryMonths'>

/**
 * When a signed agreement is next due for review: one cadence (12 months when
 * none is set) after the last review, else after it took effect, else from
 * the anchor date (the workspace's start) when neither is known.
 */
export function baaReviewDueOn(associate: ReviewFields, anchorOn: IsoDate): IsoDate | null {
  if (associate.baaStatus !== 'signed') return null
  const since = associate.lastReviewOn ?? associate.effectiveOn
  return since ? addMonths(since, associate.reviewEveryMonths ?? DEFAULT_REVIEW_MONTHS) : anchorOn
}

export interface FlagOptions {
  asOf: IsoDate
  expiringWithinDays: number
  anchorOn: IsoDate
}

export function flagsOf(associate: BusinessAssociate, options: FlagOptions): BusinessAssociateFlags {
  const { asOf } = options
  const signed = associate.baaStatus === 'signed'
  const pastExpiry = associate.expiresOn !== null && compareDates(associate.expiresOn, asOf) < 0
  const expired = associate.baaStatus === 'expired' || (signed && pastExpiry)
  const inForce = signed && !pastExpiry
  const nextReviewOn = baaReviewDueOn(associate, options.anchorOn)
  return {
    phiWithoutSignedBaa: associate.handlesPhi && !inForce,
    expired,
    expiringSoon: inForce && associate.expiresOn !== null && compareDates(associate.expiresOn, addDays(asOf, options.expiringWithinDays)) <= 0,
    reviewOverdue: nextReviewOn !== null && compareDates(nextReviewOn, asOf) < 0,
    nextReviewOn
  }
}
