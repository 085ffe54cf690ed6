export { createComplaintsSubgraph, type ComplaintsSubgraph } from './complaints.subgraph';
export { ComplaintClock } from './clock/complaint-clock';
export { NoticeService } from './notice/notice.service';
export { casesFiledClient } from './cases-client';
export { hashFollowUpCode, newFollowUpCode } from './identity/follow-up-code';
export { IdentityCipher, type ProtectedIdentity } from './identity/identity-cipher';
export { createComplaintStatsLoader } from './stats/complaint-stats.loader';
