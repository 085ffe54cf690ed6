export {
  createComplaintsSubgraph,
  createComplaintsSubgraph as createSubgraph,
  type ComplaintsSubgraph,
} from './complaints.subgraph';
export { ComplaintClock } from './jobs/complaint-clock';
export { NoticeService } from './notice/notice.service';
export { casesFiledClient } from './clients/cases-client';
export { knownUnitsClient } from './clients/powers-units-client';
export { hashFollowUpCode, newFollowUpCode } from './identity/follow-up-code';
export { IdentityCipher, type ProtectedIdentity } from './identity/identity-cipher';
export { createComplaintStatsLoader } from './stats/complaint-stats.loader';
