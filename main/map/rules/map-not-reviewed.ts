import { addMonths } from '../../shared/dates'
import type { MapRule } from './rule'

/**
 * The proposed Security Rule update (90 FR 898, not final) would require the
 * asset inventory and network map to be reviewed at least every 12 months;
 * a yearly review is good practice under the rule in force as well.
 */
export const mapNotReviewed: MapRule = {
  id: 'map-not-reviewed',
  title: 'Map not reviewed in the last 12 months',
  citation: '90 FR 898 (proposed, not final)',
  evaluate(input) {
    if (input.assets.length === 0) return []
    const review = input.lastReview
    if (review && addMonths(review.reviewedOn, 12) > input.today) return []
    return [
      {
        message: review
          ? `The data-flow map was last reviewed on ${review.reviewedOn}, more than 12 months ago. Review it and record the review.`
          : 'The data-flow map has never been reviewed. Review it and record the review.',
        subjects: [{ type: 'map', id: null }],
        subjectKey: review ? `last review ${review.reviewedOn}` : 'never reviewed'
      }
    ]
  }
}
