export { createComplaintsSubgraph, type ComplaintsSubgraph } from './complaints.subgraph';
export { ComplaintClock } from './clock/complaint-clock';
export { NoticeService } from './notice/notice.service';
export { casesFiledClient } from './cases-client';
export { createComplaintStatsLoader } from './stats/complaint-stats';
