export {
  createEvaluationsSubgraph,
  createEvaluationsSubgraph as createSubgraph,
  type EvaluationsSubgraph,
} from './evaluations.subgraph';
export { ServiceUpstream, type Upstream } from './clients/upstream';
export { DEFAULT_INDICATOR_SETS } from './indicator/default-indicator-sets';
export { campaignResults } from './campaign/campaign-results';
export { createSatisfactionLoaders } from './stats/satisfaction.loader';
export { LOW_RATING, lowRatingPayload, ratedOnOf, stageKeyOf, type RatingPlace } from './rating/rating-place';
