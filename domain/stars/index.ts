/**
 * The stars module's door: 达标创星 — each quarter every branch gets a proposed score computed from its records
 * (meetings against the required rhythm, attendance, 点单 办结率 and 满意率, service hours, members' points activity),
 * which a county admin of its county reviews, adjusts with a reason and signs off.
 * Anything not exported here is the module's own (lint refuses an import of an inner file from outside).
 */
export { rateBranch, starsFor, ACCEPTED_STATUSES, type BranchRecords, type Proposal, type StarRules } from './compute';
export { FIGURE_LABELS, RATING_STATUS, REQUIRED_MEETINGS, quarterLabel, starName, starText } from './labels';
export { STAR_RATINGS, STAR_RUNS, ratingIdOf } from './model';
export { proposeQuarter, proposeStars } from './propose';
export { previousQuarter, quarterAt, quarterOf } from './quarter';
export { adjustStars, branchStars, computeStars, signOffStars, signedOffStars, stars, type RatingView } from './review';
export { starRules } from './rules';
export { starSummary, type StarSummary } from './summary';
